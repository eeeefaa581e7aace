package dev.herd.portal.diagnosis;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail.FieldError;
import dev.herd.portal.machine.OpenPort;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The query parameters of {@code GET /api/tenants/{t}/exposure}, read as text and checked here so that every bad
 * value is a 400 problem naming its parameter: {@code protocol} ({@code tcp}, {@code udp} or {@code any}), {@code port}
 * (0-65535), {@code after} (the last machine id of the page before) and {@code size}.
 */
public class ExposureRequest {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;

    @QueryParam("protocol")
    String protocol;

    @QueryParam("port")
    String port;

    @QueryParam("after")
    String after;

    @QueryParam("size")
    String size;

    /** The open ports asked about: one, or tcp and udp for {@code any}. */
    List<OpenPort> ports() {
        String p = protocol == null ? "" : protocol.strip().toLowerCase(Locale.ROOT);
        int number = number("port", "port-invalid", port, 0, OpenPort.MAX_PORT);
        return switch (p) {
            case OpenPort.TCP, OpenPort.UDP -> List.of(new OpenPort(p, number));
            case "any" -> List.of(new OpenPort(OpenPort.TCP, number), new OpenPort(OpenPort.UDP, number));
            default -> throw invalid("protocol", "protocol-invalid", "protocol must be tcp, udp or any", protocol);
        };
    }

    UUID after() {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(after.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("after", "after-invalid", "after must be a machine id (UUID)", after);
        }
    }

    int size() {
        return size == null ? DEFAULT_SIZE : number("size", "size-invalid", size, 1, MAX_SIZE);
    }

    private static int number(String parameter, String code, String value, int min, int max) {
        String message = parameter + " must be a whole number from " + min + " to " + max;
        if (value == null || value.isBlank()) {
            throw invalid(parameter, code, message, "");
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw invalid(parameter, code, message, value);
    }

    private static HerdException invalid(String parameter, String code, String message, String value) {
        return new HerdException(
                400, code, message + "; got '" + value + "'.", List.of(new FieldError(parameter, code, message)));
    }
}
