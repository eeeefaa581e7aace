package dev.herd.gateway.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herd.contracts.monitor.MonitorRecords.FlowRecord;
import dev.herd.contracts.problem.ProblemDetail.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks one flow record field by field, adding an error per bad field; a record only when every field is good. */
final class FlowRecordParser {

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "other");
    private static final int MAX_SIGNATURE = 512;

    private FlowRecordParser() {}

    static Optional<FlowRecord> parse(JsonNode node, String at, List<FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(at, "NotObject", "must be a flow record object"));
            return Optional.empty();
        }
        int before = errors.size();
        Instant time = time(node.get("time"), at + ".time", errors);
        String source = address(node.get("source"), at + ".source", errors);
        String destination = address(node.get("destination"), at + ".destination", errors);
        String protocol = protocol(node.get("protocol"), at + ".protocol", errors);
        Integer port = port(node.get("port"), protocol, at + ".port", errors);
        long bytes = bytes(node.get("bytes"), at + ".bytes", errors);
        String signature = signature(node.get("signature"), at + ".signature", errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new FlowRecord(time, source, destination, protocol, port, bytes, signature));
    }

    private static Instant time(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || !value.isTextual()) {
            errors.add(new FieldError(field, "Instant", "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z"));
            return null;
        }
        try {
            return Instant.parse(value.textValue());
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "Instant", "'" + value.textValue() + "' is not an ISO-8601 instant"));
            return null;
        }
    }

    private static String address(JsonNode value, String field, List<FieldError> errors) {
        String text = value != null && value.isTextual() ? value.textValue() : null;
        Optional<String> ip = IpAddresses.normalise(text);
        if (ip.isEmpty()) {
            errors.add(new FieldError(field, "IpAddress", "must be an IPv4 or IPv6 address"));
        }
        return ip.orElse(null);
    }

    private static String protocol(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || !value.isTextual() || !PROTOCOLS.contains(value.textValue())) {
            errors.add(new FieldError(field, "OneOf", "must be tcp, udp, icmp or other"));
            return null;
        }
        return value.textValue();
    }

    private static Integer port(JsonNode value, String protocol, String field, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            if ("tcp".equals(protocol) || "udp".equals(protocol)) {
                errors.add(new FieldError(field, "NotNull", "a tcp or udp flow has a port"));
            }
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > 65535) {
            errors.add(new FieldError(field, "Range", "must be a whole number from 0 to 65535"));
            return null;
        }
        return value.intValue();
    }

    private static long bytes(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            errors.add(new FieldError(field, "PositiveOrZero", "must be a whole number of bytes, 0 or more"));
            return 0;
        }
        return value.longValue();
    }

    private static String signature(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()
                || value.textValue().isBlank()
                || value.textValue().length() > MAX_SIGNATURE) {
            errors.add(new FieldError(field, "Signature", "must be a non-blank text of at most 512 characters"));
            return null;
        }
        return value.textValue();
    }
}
