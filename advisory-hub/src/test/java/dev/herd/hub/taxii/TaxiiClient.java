package dev.herd.hub.taxii;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.testing.KeycloakTokens;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A TAXII 2.1 client as an outside consumer writes one: follows URLs from the answers and pages with next. */
final class TaxiiClient {

    static final String ACCEPT = "application/taxii+json;version=2.1";
    static final ObjectMapper JSON = new ObjectMapper();

    private final String token;

    TaxiiClient(String clientId) {
        this.token = KeycloakTokens.client(clientId, clientId + "-secret");
    }

    /** GET with the TAXII Accept header; answers 200 in TAXII's media type or the assertion fails. */
    Response get(String url, Map<String, ?> query) {
        Response response = given().auth()
                .oauth2(token)
                .accept(ACCEPT)
                .urlEncodingEnabled(true)
                .queryParams(query)
                .get(url);
        assertEquals(200, response.statusCode(), url + " " + query + " -> " + response.asString());
        assertEquals(ACCEPT, response.contentType().replace(" ", ""), url);
        return response;
    }

    JsonNode json(Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The objects URL of the first collection, reached from discovery as a client would. */
    String objectsUrl() {
        JsonNode discovery = json(get("/taxii2/", Map.of()));
        String root = discovery.path("api_roots").get(0).asText();
        assertEquals(root, discovery.path("default").asText());
        JsonNode apiRoot = json(get(root, Map.of()));
        assertTrue(apiRoot.path("versions").toString().contains(ACCEPT), apiRoot.toString());
        JsonNode collections = json(get(root + "collections/", Map.of()));
        JsonNode collection = collections.path("collections").get(0);
        assertTrue(collection.path("can_read").asBoolean());
        assertEquals(
                collection,
                json(get(root + "collections/" + collection.path("id").asText() + "/", Map.of())));
        return root + "collections/" + collection.path("id").asText() + "/objects/";
    }

    /** Every page of {@code url} with {@code query}, following next; each page's headers checked against its body. */
    List<JsonNode> pages(String url, Map<String, String> query) {
        List<JsonNode> pages = new ArrayList<>();
        Map<String, String> next = new java.util.HashMap<>(query);
        while (true) {
            Response response = get(url, next);
            JsonNode page = json(response);
            JsonNode items = page.path(page.has("versions") ? "versions" : "objects");
            if (items.size() > 0 && !page.has("versions")) {
                assertEquals(
                        response.header("X-TAXII-Date-Added-First") != null,
                        true,
                        "X-TAXII-Date-Added-First on a page with objects");
                assertTrue(response.header("X-TAXII-Date-Added-Last") != null);
            }
            pages.add(page);
            if (!page.path("more").asBoolean()) {
                assertTrue(!page.has("next"), "next only when more: " + page);
                return pages;
            }
            next.put("next", page.path("next").asText());
        }
    }

    /** The objects (or manifest entries) of every page. */
    static List<JsonNode> items(List<JsonNode> pages) {
        List<JsonNode> items = new ArrayList<>();
        pages.forEach(page -> page.path("objects").forEach(items::add));
        return items;
    }
}
