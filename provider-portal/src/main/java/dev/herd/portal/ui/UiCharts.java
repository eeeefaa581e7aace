package dev.herd.portal.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.portal.index.IndexSample;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data of the pages' ECharts drawings, as JSON that the page hands to its chart script. */
final class UiCharts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UiCharts() {}

    /** The index history: timestamps and the two index series. */
    static String indexHistory(List<IndexSample> samples) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("at", samples.stream().map(s -> s.sampledAt().toString()).toList());
        data.put(
                "vulnerability",
                samples.stream().map(IndexSample::vulnerabilityIndex).toList());
        data.put("risk", samples.stream().map(IndexSample::riskIndex).toList());
        return json(data);
    }

    /**
     * The topology drawing: segments, devices and machines as graph nodes, a link from each device to the segments it
     * cuts off and from each segment to its machines; machines in no segment hang from a node of their own.
     */
    static String topology(TopologyMap map, String tenant) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        for (TopologyMap.Segment s : map.segments()) {
            nodes.add(node("s:" + s.id(), s.name(), "segment", "isolated", s.isolated()));
        }
        if (map.machines().stream().anyMatch(m -> m.segment() == null)) {
            nodes.add(node("s:", "in no segment", "segment", "isolated", null));
        }
        for (TopologyMap.Device d : map.devices()) {
            nodes.add(node("d:" + d.id(), d.name() + " (" + d.kind() + ")", "device", "isolating", d.isolating()));
            d.segments().forEach(s -> links.add(Map.of("source", "d:" + d.id(), "target", "s:" + s)));
        }
        for (TopologyMap.Machine m : map.machines()) {
            Map<String, Object> node =
                    node("m:" + m.machine().id(), m.machine().name(), "machine", "isolated", m.isolated());
            node.put("hole", m.machine().worstHole());
            node.put("alive", m.machine().alive());
            node.put("damaged", m.damaged());
            node.put("quarantined", m.quarantined());
            node.put(
                    "url",
                    "/ui/tenants/" + tenant + "/machines/"
                            + URLEncoder.encode(m.machine().name(), StandardCharsets.UTF_8)
                                    .replace("+", "%20"));
            nodes.add(node);
            links.add(Map.of("source", "s:" + (m.segment() == null ? "" : m.segment()), "target", node.get("id")));
        }
        return json(Map.of("nodes", nodes, "links", links));
    }

    private static Map<String, Object> node(String id, String name, String kind, String markName, String mark) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("name", name);
        node.put("kind", kind);
        node.put(markName, mark);
        return node;
    }

    static String json(Object data) {
        try {
            // Safe inside <script type="application/json">: no '<' can close the element.
            return JSON.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data not writable as JSON", e);
        }
    }
}
