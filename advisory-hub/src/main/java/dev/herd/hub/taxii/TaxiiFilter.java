package dev.herd.hub.taxii;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail;
import dev.herd.hub.stix.StixIds;
import dev.herd.hub.stix.StixTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The query of an objects or manifest request (TAXII 2.1 §3.4): {@code added_after}, {@code limit}, {@code next} and
 * the {@code match[id|type|version|spec_version]} filters, checked. Every fault is one 400 problem naming the
 * parameter.
 */
record TaxiiFilter(
        Instant addedAfter,
        int limit,
        Instant next,
        List<String> ids,
        List<String> types,
        List<String> versions,
        boolean noSpecVersion) {

    static final String LAST = "last";
    static final String FIRST = "first";
    static final String ALL = "all";

    private static final Pattern TYPE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$");
    private static final int MAX_VALUES = 100;
    private static final int MAX_PARAMETER = 20_000;

    /** Reads the parameters; {@code defaultLimit} and {@code maxLimit} bound the page (a larger limit is cut). */
    static TaxiiFilter of(
            String addedAfter,
            String limit,
            String next,
            String id,
            String type,
            String version,
            String specVersion,
            int defaultLimit,
            int maxLimit) {
        List<ProblemDetail.FieldError> errors = new ArrayList<>();
        Instant after = null;
        if (addedAfter != null) {
            after = StixTime.parse(addedAfter).orElse(null);
            if (after == null) {
                errors.add(error("added_after", "an RFC 3339 timestamp in UTC, e.g. 2025-01-02T03:04:05.678901Z"));
            }
        }
        int size = defaultLimit;
        if (limit != null) {
            size = limit.matches("\\d{1,9}") ? Integer.parseInt(limit) : 0;
            if (size < 1) {
                errors.add(error("limit", "a whole number of at least 1"));
            }
            size = Math.min(Math.max(size, 1), maxLimit);
        }
        Instant cursor = null;
        if (next != null) {
            cursor = cursor(next);
            if (cursor == null) {
                errors.add(error("next", "the value of 'next' from the previous page, unchanged"));
            }
        }
        List<String> ids = values("match[id]", id, errors);
        ids.stream()
                .filter(each -> !StixIds.valid(each, each.contains("--") ? each.substring(0, each.indexOf("--")) : ""))
                .findFirst()
                .ifPresent(bad -> errors.add(error("match[id]", "STIX identifiers (type--UUID), comma-separated")));
        List<String> types = values("match[type]", type, errors);
        if (types.stream().anyMatch(each -> !TYPE.matcher(each).matches())) {
            errors.add(error("match[type]", "STIX object types (a-z, 0-9, -), comma-separated"));
        }
        List<String> versions = values("match[version]", version, errors);
        if (versions.isEmpty()) {
            versions = List.of(LAST);
        } else if (versions.stream()
                .anyMatch(each -> !List.of(LAST, FIRST, ALL).contains(each)
                        && StixTime.parse(each).isEmpty())) {
            errors.add(error("match[version]", "last, first, all or object versions (timestamps), comma-separated"));
        }
        List<String> specVersions = values("match[spec_version]", specVersion, errors);
        if (specVersions.stream().anyMatch(each -> !each.equals("2.0") && !each.equals("2.1"))) {
            errors.add(error("match[spec_version]", "2.0 or 2.1, comma-separated"));
        }
        if (!errors.isEmpty()) {
            throw new HerdException(
                    400,
                    "taxii-filter-invalid",
                    "The request's filters are not valid: " + errors.get(0).field() + " must be "
                            + errors.get(0).message() + ".",
                    errors);
        }
        // Every object Herd serves is STIX 2.1.
        boolean noSpecVersion = !specVersions.isEmpty() && !specVersions.contains("2.1");
        return new TaxiiFilter(after, size, cursor, ids, types, versions, noSpecVersion);
    }

    /** Where the page starts: after both {@code added_after} and the cursor. */
    Instant after() {
        if (addedAfter == null) {
            return next;
        }
        return next == null || addedAfter.isAfter(next) ? addedAfter : next;
    }

    /** The opaque {@code next} token for a page that ended at {@code lastAdded}. */
    static String token(Instant lastAdded) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1:" + lastAdded.getEpochSecond() + ":" + lastAdded.getNano())
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static Instant cursor(String token) {
        if (token.length() > 100) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), java.nio.charset.StandardCharsets.US_ASCII);
            String[] parts = text.split(":", -1);
            if (parts.length != 3 || !parts[0].equals("v1")) {
                return null;
            }
            return Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static List<String> values(String name, String text, List<ProblemDetail.FieldError> errors) {
        if (text == null) {
            return List.of();
        }
        if (text.length() > MAX_PARAMETER || text.indexOf('\0') >= 0) {
            errors.add(error(name, "at most " + MAX_VALUES + " comma-separated values without NUL"));
            return List.of();
        }
        List<String> values =
                List.of(text.split(",", -1)).stream().map(String::strip).toList();
        if (values.size() > MAX_VALUES || values.stream().anyMatch(String::isEmpty)) {
            errors.add(error(name, "at most " + MAX_VALUES + " comma-separated values, none empty"));
            return List.of();
        }
        return values;
    }

    private static ProblemDetail.FieldError error(String field, String expected) {
        return new ProblemDetail.FieldError(field, "invalid", expected);
    }
}
