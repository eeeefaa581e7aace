package dev.herd.portal.diagnosis;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail.FieldError;
import dev.herd.portal.advisory.AdvisorySeverity;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The query parameters of {@code GET /api/tenants/{t}/findings}, read as text and checked here so that every bad
 * value is a 400 problem naming its parameter (JAX-RS would answer 404 for an unparsable number).
 */
public class FindingListRequest {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;

    @QueryParam("machine")
    String machine;

    @QueryParam("machineId")
    String machineId;

    @QueryParam("advisory")
    String advisory;

    @QueryParam("package")
    String packageName;

    @QueryParam("state")
    String state;

    @QueryParam("action")
    String action;

    @QueryParam("severity")
    String severity;

    @QueryParam("knownExploited")
    String knownExploited;

    @QueryParam("minEpss")
    String minEpss;

    @QueryParam("includeClosed")
    String includeClosed;

    @QueryParam("source")
    String source;

    @QueryParam("sbom")
    String sbom;

    @QueryParam("application")
    String application;

    @QueryParam("cursor")
    String cursor;

    @QueryParam("size")
    String size;

    @QueryParam("total")
    String total;

    @QueryParam("sort")
    String sort;

    public FindingFilter filter() {
        return new FindingFilter(
                uuid("machineId", machineId),
                blankToNull(machine),
                blankToNull(advisory),
                blankToNull(packageName),
                constant("state", state, FindingState.class),
                constant("action", action, FindingAction.class),
                constant("severity", severity, AdvisorySeverity.class),
                bool("knownExploited", knownExploited),
                Boolean.TRUE.equals(bool("includeClosed", includeClosed)),
                probability("minEpss", minEpss),
                constant("source", source, FindingSource.class),
                uuid("sbom", sbom),
                blankToNull(application));
    }

    /** The order: {@code id} (the default) or {@code epss}. */
    public FindingSort sort() {
        FindingSort order = constant("sort", sort, FindingSort.class);
        return order == null ? FindingSort.ID : order;
    }

    /** Where the page starts, checked against {@link #sort()}: a cursor continues only the order it came from. */
    public FindingCursor cursor() {
        return FindingCursor.decode(cursor, sort());
    }

    public int size() {
        if (size == null) {
            return DEFAULT_SIZE;
        }
        try {
            int value = Integer.parseInt(size.strip());
            if (value >= 1 && value <= MAX_SIZE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw invalid("size", "size-invalid", "size must be a whole number from 1 to " + MAX_SIZE, size);
    }

    public FindingTotal.Kind total() {
        FindingTotal.Kind kind = constant("total", total, FindingTotal.Kind.class);
        return kind == null ? FindingTotal.Kind.ESTIMATED : kind;
    }

    private static <E extends Enum<E>> E constant(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList();
            throw invalid(parameter, parameter + "-invalid", parameter + " must be one of " + allowed, value);
        }
    }

    private static Double probability(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (number >= 0 && number <= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw invalid(parameter, parameter + "-invalid", parameter + " must be a number from 0 to 1", value);
    }

    private static Boolean bool(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(parameter, parameter + "-invalid", parameter + " must be true or false", value);
        };
    }

    private static UUID uuid(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            String code = parameter.equals("machineId") ? "machine-id-invalid" : parameter + "-invalid";
            throw invalid(parameter, code, parameter + " must be a UUID", value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static HerdException invalid(String parameter, String code, String message, String value) {
        return new HerdException(
                400, code, message + "; got '" + value + "'.", List.of(new FieldError(parameter, code, message)));
    }
}
