package dev.herd.portal.version;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/** Checks lines {@code A OP B} against an order, both ways round, and reports every case that disagrees. */
final class OrderCases {

    private OrderCases() {}

    static void assertAll(VersionOrder order, String... cases) {
        List<String> failures = new ArrayList<>();
        for (String line : cases) {
            String[] f = line.trim().split("\\s+");
            int expected = switch (f[1]) {
                case "<" -> -1;
                case "=" -> 0;
                case ">" -> 1;
                default -> throw new IllegalArgumentException(line);
            };
            int forward = Integer.signum(order.compare(f[0], f[2]));
            int backward = Integer.signum(order.compare(f[2], f[0]));
            if (forward != expected || backward != -expected) {
                failures.add(line + "  (got " + forward + ", reversed " + backward + ")");
            }
        }
        assertTrue(
                failures.isEmpty(),
                order.name() + " disagrees on " + failures.size() + " cases:\n" + String.join("\n", failures));
    }
}
