package dev.herd.gateway.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.monitor.MonitorRecords.FlowRecord;
import dev.herd.contracts.problem.BoundedBody;
import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail.FieldError;
import dev.herd.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads a flow-record batch up to the size limit (413 beyond) and checks every record; one bad record refuses all. */
@ApplicationScoped
public class FlowReader {

    private final ObjectMapper json;
    private final GatewayConfig config;

    public FlowReader(ObjectMapper json, GatewayConfig config) {
        this.json = json;
        this.config = config;
    }

    public List<FlowRecord> read(InputStream body) throws IOException {
        JsonNode raw = json.readTree(BoundedBody.read(
                body, config.monitor().maxBodyBytes(), "flows-too-large", "a JSON array of flow records"));
        if (raw == null || !raw.isArray()) {
            throw HerdException.badRequest("malformed-json", "The body must be a JSON array of flow records.");
        }
        List<FieldError> errors = new ArrayList<>();
        List<FlowRecord> records = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            FlowRecordParser.parse(raw.get(i), "[" + i + "]", errors).ifPresent(records::add);
        }
        if (!errors.isEmpty()) {
            throw new HerdException(400, "flows-invalid", "Some flow records are not valid; none was stored.", errors);
        }
        return records;
    }
}
