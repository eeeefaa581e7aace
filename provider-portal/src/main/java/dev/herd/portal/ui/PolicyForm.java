package dev.herd.portal.ui;

import dev.herd.contracts.problem.HerdException;
import dev.herd.portal.policy.TenantPolicy;
import dev.herd.portal.policy.TenantPolicy.MaintenanceWindow;
import dev.herd.portal.policy.TenantPolicy.PackageRule;
import dev.herd.portal.policy.TenantPolicy.PatchMode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The settings page's policy form, both ways: a {@link TenantPolicy} as the form's text fields, and the fields read
 * back into a policy. Packages are one a line ({@code openssl} or {@code openssl=3.0.15-1}), maintenance windows one a
 * line ({@code sat,sun 02:00-05:00 Europe/Berlin}, the zone optional). A value that does not read is a 400 naming
 * the field and the line.
 */
record PolicyForm(
        boolean knownExploited,
        String minEmergencyLevel,
        String minCvssScore,
        String minEpss,
        boolean haltWhenNoRule,
        String mode,
        String approved,
        String forbidden,
        String windows) {

    static final int MAX_LINES = 200;

    /** The emergency levels to choose from, as the form sends them. */
    public List<String> emergencyLevels() {
        return List.of("0", "1", "2", "3");
    }

    static PolicyForm of(TenantPolicy policy) {
        TenantPolicy.Filtering filtering = policy.filtering();
        TenantPolicy.Patching patching = policy.patching();
        return new PolicyForm(
                filtering.knownExploited(),
                String.valueOf(filtering.minEmergencyLevel()),
                filtering.minCvssScore() == null ? "" : String.valueOf(filtering.minCvssScore()),
                filtering.minEpss() == null ? "" : String.valueOf(filtering.minEpss()),
                filtering.haltWhenNoRule(),
                patching.mode().name(),
                packages(patching.approved()),
                packages(patching.forbidden()),
                patching.maintenanceWindows().stream().map(PolicyForm::window).collect(Collectors.joining("\n")));
    }

    TenantPolicy policy() {
        return new TenantPolicy(
                new TenantPolicy.Filtering(knownExploited, emergencyLevel(), cvssScore(), haltWhenNoRule, epssScore()),
                new TenantPolicy.Patching(
                        patchMode(),
                        packageRules("approved", approved),
                        packageRules("forbidden", forbidden),
                        maintenanceWindows()));
    }

    private int emergencyLevel() {
        try {
            int level = Integer.parseInt(blankAsNull(minEmergencyLevel, "2"));
            if (level >= 0 && level <= 3) {
                return level;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("minEmergencyLevel", "a whole number from 0 to 3");
    }

    private Double cvssScore() {
        String given = blankAsNull(minCvssScore, null);
        if (given == null) {
            return null;
        }
        try {
            double score = Double.parseDouble(given);
            if (score >= 0 && score <= 10) {
                return score;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("minCvssScore", "empty or a number from 0 to 10");
    }

    private Double epssScore() {
        String given = blankAsNull(minEpss, null);
        if (given == null) {
            return null;
        }
        try {
            double score = Double.parseDouble(given);
            if (score >= 0 && score <= 1) {
                return score;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("minEpss", "empty or a number from 0 to 1");
    }

    private PatchMode patchMode() {
        try {
            return PatchMode.valueOf(blankAsNull(mode, "APPROVAL_REQUIRED").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("mode", "AUTOMATIC or APPROVAL_REQUIRED");
        }
    }

    private static List<PackageRule> packageRules(String field, String text) {
        List<PackageRule> rules = new ArrayList<>();
        for (String line : lines(field, text)) {
            int equals = line.indexOf('=');
            String name = (equals < 0 ? line : line.substring(0, equals)).strip();
            String version = equals < 0 ? null : line.substring(equals + 1).strip();
            if (name.isEmpty()
                    || name.length() > 200
                    || (version != null && (version.isEmpty() || version.length() > 200))) {
                throw invalid(field, "one package a line, as name or name=version (line '" + line + "')");
            }
            rules.add(new PackageRule(name, version));
        }
        return rules;
    }

    private List<MaintenanceWindow> maintenanceWindows() {
        List<MaintenanceWindow> parsed = new ArrayList<>();
        for (String line : lines("maintenanceWindows", windows)) {
            String[] parts = line.split("\\s+");
            if (parts.length < 2 || parts.length > 3 || !parts[1].contains("-")) {
                throw invalidWindow(line);
            }
            try {
                List<DayOfWeek> days = new ArrayList<>();
                for (String day : parts[0].split(",")) {
                    days.add(day(day.strip()));
                }
                String[] span = parts[1].split("-", 2);
                String zone = parts.length == 3 ? ZoneId.of(parts[2]).getId() : null;
                parsed.add(new MaintenanceWindow(days, LocalTime.parse(span[0]), LocalTime.parse(span[1]), zone));
            } catch (DateTimeException | IllegalArgumentException e) {
                throw invalidWindow(line);
            }
        }
        return parsed;
    }

    private static DayOfWeek day(String given) {
        String upper = given.toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (upper.length() >= 3 && day.name().startsWith(upper)) {
                return day;
            }
        }
        throw new IllegalArgumentException("not a day: " + given);
    }

    private static List<String> lines(String field, String text) {
        List<String> lines = text == null
                ? List.of()
                : text.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
        if (lines.size() > MAX_LINES) {
            throw invalid(field, "at most " + MAX_LINES + " lines");
        }
        return lines;
    }

    private static String packages(List<PackageRule> rules) {
        return rules.stream()
                .map(rule -> rule.version() == null ? rule.packageName() : rule.packageName() + "=" + rule.version())
                .collect(Collectors.joining("\n"));
    }

    private static String window(MaintenanceWindow window) {
        String days = window.days().stream()
                .map(day -> day.name().substring(0, 3).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
        return days + " " + window.start() + "-" + window.end() + (window.zone() == null ? "" : " " + window.zone());
    }

    private static String blankAsNull(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static HerdException invalidWindow(String line) {
        return invalid(
                "maintenanceWindows",
                "one window a line, as days start-end and an optional zone, e.g. 'sat,sun 02:00-05:00 Europe/Berlin' "
                        + "(line '" + line + "')");
    }

    private static HerdException invalid(String field, String expected) {
        return HerdException.badRequest("policy-invalid", "The policy's " + field + " must be " + expected + ".");
    }
}
