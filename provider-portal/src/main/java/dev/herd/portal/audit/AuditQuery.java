package dev.herd.portal.audit;

import dev.herd.contracts.problem.HerdException;

/** A page of an audit list ({@code page} from 1, {@code size} 1 to 200) and an optional machine name, checked. */
public record AuditQuery(int index, int size, String machine) {

    public static final int MAX_PAGE = 100_000;
    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;
    static final int MAX_MACHINE = 253;

    /** The query of the request's parameters; a value that does not read is a 400 naming it. */
    public static AuditQuery of(String page, String size, String machine) {
        return new AuditQuery(
                number(page, 1, MAX_PAGE, 1, "page-invalid", "page") - 1,
                number(size, 1, MAX_SIZE, DEFAULT_SIZE, "size-invalid", "size"),
                machine(machine));
    }

    long offset() {
        return (long) index * size;
    }

    private static int number(String text, int min, int max, int absent, String code, String name) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HerdException.badRequest(code, name + " must be a whole number from " + min + " to " + max + ".");
    }

    private static String machine(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.length() > MAX_MACHINE || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw HerdException.badRequest(
                    "machine-invalid",
                    "machine must be a machine name of at most " + MAX_MACHINE
                            + " characters without control characters.");
        }
        return name.strip();
    }
}
