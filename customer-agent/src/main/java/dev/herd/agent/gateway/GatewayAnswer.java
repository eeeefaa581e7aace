package dev.herd.agent.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The gateway's answer to one request: HTTP status, the JSON body (a problem detail when it refused) and the
 * {@code ETag} when there was one.
 */
public record GatewayAnswer(int status, JsonNode body, String etag) {

    public GatewayAnswer {
        body = body == null ? MissingNode.getInstance() : body;
    }

    public GatewayAnswer(int status, JsonNode body) {
        this(status, body, null);
    }

    public boolean success() {
        return status >= 200 && status < 300;
    }

    /** The problem's stable {@code code}, or {@code null}. */
    public String code() {
        return body.path("code").isTextual() ? body.path("code").asText() : null;
    }

    /** The problem as one line: {@code HTTP 401 enrolment-token-unknown: detail}. */
    public String problemLine() {
        String detail = body.path("detail").asText("");
        return "HTTP " + status + (code() == null ? "" : " " + code()) + (detail.isEmpty() ? "" : ": " + detail);
    }
}
