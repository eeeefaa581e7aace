package dev.herd.hub.taxii;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;

/** Writes TAXII answers: the body as {@value TaxiiMediaType#TAXII}, with the date-added headers of a page. */
final class TaxiiAnswer {

    private TaxiiAnswer() {}

    static Response of(ObjectMapper json, ObjectNode body) {
        return Response.ok(write(json, body), TaxiiMediaType.TAXII).build();
    }

    /** TAXII 2.1 §3.3.1: X-TAXII-Date-Added-First and -Last name the first and last object version of the page. */
    static Response of(ObjectMapper json, TaxiiService.Page page) {
        Response.ResponseBuilder answer = Response.ok(write(json, page.body()), TaxiiMediaType.TAXII);
        if (page.firstAdded() != null) {
            answer.header("X-TAXII-Date-Added-First", page.firstAdded())
                    .header("X-TAXII-Date-Added-Last", page.lastAdded());
        }
        return answer.build();
    }

    private static String write(ObjectMapper json, ObjectNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
