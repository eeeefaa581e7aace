package dev.herd.agent.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A report sender that behaves like the gateway's intake (sequence checks) and can be switched off. */
final class FakeGateway implements ReportSender {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> stored = new ArrayList<>();
    final List<Long> attempts = new ArrayList<>();
    boolean down;
    int failEvery;
    long lastSequence;

    @Override
    public Outcome send(long sequence, byte[] submission) {
        attempts.add(sequence);
        if (down || (failEvery > 0 && attempts.size() % failEvery == 0)) {
            return new Retry("gateway unreachable: Connection refused");
        }
        JsonNode body = read(submission);
        if (sequence <= lastSequence) {
            return new Delivered("duplicate");
        }
        if (sequence > lastSequence + 1) {
            return new Resync(lastSequence + 1, false, "HTTP 409 sequence-gap");
        }
        if (lastSequence == 0 && !"FULL".equals(body.path("kind").asText())) {
            return new Resync(sequence, true, "HTTP 409 full-report-required");
        }
        stored.add(body);
        lastSequence = sequence;
        return new Delivered("accepted");
    }

    List<Long> storedSequences() {
        return stored.stream().map(n -> n.path("sequence").asLong()).toList();
    }

    List<String> storedKinds() {
        return stored.stream().map(n -> n.path("kind").asText()).toList();
    }

    private static JsonNode read(byte[] submission) {
        try {
            return JSON.readTree(submission);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
