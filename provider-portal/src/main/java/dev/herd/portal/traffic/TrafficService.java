package dev.herd.portal.traffic;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.tenancy.Caller;
import dev.herd.portal.tenant.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** A tenant's traffic over the last hours, for callers allowed on the tenant. */
@ApplicationScoped
public class TrafficService {

    /** The longest period asked for, in hours: as long as windows are kept. */
    public static final int MAX_HOURS = 168;

    /** The most machines listed. */
    public static final int MACHINES_SHOWN = 20;

    private final TenantService tenants;
    private final TrafficRepository repository;

    public TrafficService(TenantService tenants, TrafficRepository repository) {
        this.tenants = tenants;
        this.repository = repository;
    }

    /** The last {@code hours} (1 to {@value #MAX_HOURS}; 24 when null) up to the end of the current window. */
    public TrafficView of(Caller caller, String tenant, String hours, Instant now) {
        tenants.get(caller, tenant); // 404 for no such tenant, 403 for another tenant's caller
        long span = hours(hours);
        long window = TrafficCounter.WINDOW_SECONDS;
        Instant to = Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), window) + 1) * window);
        Instant from = to.minus(Duration.ofHours(span));
        return new TrafficView(
                tenant,
                from,
                to,
                window,
                repository.protocols(tenant, from, to),
                repository.machines(tenant, from, to, MACHINES_SHOWN));
    }

    private static long hours(String hours) {
        if (hours == null || hours.isBlank()) {
            return 24;
        }
        try {
            int value = Integer.parseInt(hours.strip());
            if (value >= 1 && value <= MAX_HOURS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HerdException.badRequest("hours-invalid", "hours must be a whole number from 1 to " + MAX_HOURS + ".");
    }
}
