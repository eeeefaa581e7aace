package dev.herd.portal.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * What a tenant wants done about findings. {@code filtering}: which findings get a filter rule until they are patched
 * (known-exploited ones, those at or above an emergency level, CVSS score or EPSS score) and whether a vulnerable service may be
 * halted when no rule can be made. {@code patching}: automatic or approval required, approved and forbidden
 * packages, maintenance windows.
 */
public record TenantPolicy(
        @NotNull @Valid Filtering filtering, @NotNull @Valid Patching patching) {

    /** The policy of a tenant that never set one. */
    public static TenantPolicy defaults() {
        return new TenantPolicy(
                new Filtering(true, 2, null, false),
                new Patching(PatchMode.APPROVAL_REQUIRED, List.of(), List.of(), List.of()));
    }

    /** Which findings get a filter rule until patched. */
    public record Filtering(
            boolean knownExploited,
            @Min(0) @Max(3) int minEmergencyLevel,
            @Min(0) @Max(10) Double minCvssScore,
            boolean haltWhenNoRule,
            @DecimalMin("0") @DecimalMax("1") Double minEpss) {

        /** Filtering without an EPSS threshold. */
        public Filtering(boolean knownExploited, int minEmergencyLevel, Double minCvssScore, boolean haltWhenNoRule) {
            this(knownExploited, minEmergencyLevel, minCvssScore, haltWhenNoRule, null);
        }
    }

    /** How patches are rolled out. */
    public record Patching(
            @NotNull PatchMode mode,
            List<@Valid PackageRule> approved,
            List<@Valid PackageRule> forbidden,
            List<@Valid MaintenanceWindow> maintenanceWindows) {
        public Patching {
            approved = approved == null ? List.of() : List.copyOf(approved);
            forbidden = forbidden == null ? List.of() : List.copyOf(forbidden);
            maintenanceWindows = maintenanceWindows == null ? List.of() : List.copyOf(maintenanceWindows);
        }
    }

    /** AUTOMATIC: plans go out in the next maintenance window; APPROVAL_REQUIRED: they wait for a tenant admin. */
    public enum PatchMode {
        AUTOMATIC,
        APPROVAL_REQUIRED
    }

    /** A package, and optionally one version of it ({@code null} = every version). */
    public record PackageRule(@NotBlank String packageName, String version) {

        public boolean covers(String name, String targetVersion) {
            return packageName.equals(name) && (version == null || version.equals(targetVersion));
        }
    }

    /** Days and a time span (in a time zone) when patches may be applied. */
    public record MaintenanceWindow(
            @NotEmpty List<DayOfWeek> days,
            @NotNull LocalTime start,
            @NotNull LocalTime end,
            String zone) {}
}
