package dev.herd.portal.patch;

import dev.herd.portal.policy.TenantPolicy.MaintenanceWindow;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Whether an instant lies in one of a tenant's maintenance windows. No windows means always. A window from 22:00 to
 * 02:00 runs past midnight: its days name the evening it starts. A zone Java does not know is read as UTC.
 */
final class MaintenanceWindows {

    private MaintenanceWindows() {}

    static boolean open(List<MaintenanceWindow> windows, Instant now) {
        return windows.isEmpty() || windows.stream().anyMatch(w -> open(w, now));
    }

    static boolean open(MaintenanceWindow window, Instant now) {
        ZonedDateTime local = now.atZone(zone(window.zone()));
        LocalTime time = local.toLocalTime();
        if (!window.start().isAfter(window.end())) {
            return window.days().contains(local.getDayOfWeek())
                    && !time.isBefore(window.start())
                    && time.isBefore(window.end());
        }
        return (window.days().contains(local.getDayOfWeek()) && !time.isBefore(window.start()))
                || (window.days().contains(local.getDayOfWeek().minus(1)) && time.isBefore(window.end()));
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
