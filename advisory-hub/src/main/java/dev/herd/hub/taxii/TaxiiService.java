package dev.herd.hub.taxii;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herd.contracts.problem.HerdException;
import dev.herd.hub.stix.StixTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The TAXII collection of Herd's community indicators (TAXII 2.1 §5): its description, and pages of its objects or of
 * their manifest, in {@code date_added} order, with TAXII's {@code more}/{@code next} paging.
 */
@ApplicationScoped
public class TaxiiService {

    /** The one collection, named by a fixed UUID so that consumers can configure it once. */
    public static final String COLLECTION_ID = "8f3b7c1e-2d4a-4b6f-9e0d-5a1c3b7d9e21";

    private final TaxiiObjectRepository objects;
    private final ObjectMapper json;

    public TaxiiService(TaxiiObjectRepository objects, ObjectMapper json) {
        this.objects = objects;
        this.json = json;
    }

    /** One page: the envelope or manifest body, and the first and last date_added for the headers (null if empty). */
    public record Page(ObjectNode body, String firstAdded, String lastAdded) {}

    ObjectNode collection(String id) {
        requireCollection(id);
        ObjectNode collection = JsonNodeFactory.instance.objectNode();
        collection.put("id", COLLECTION_ID);
        collection.put("title", "Herd community indicators");
        collection.put(
                "description",
                "Signatures, file hashes and attacker addresses learnt from damage at Herd's client networks, as STIX "
                        + "2.1 indicators with confidence and provenance counts; never naming a client. TLP:GREEN.");
        collection.put("alias", "herd-community");
        collection.put("can_read", true);
        collection.put("can_write", false);
        collection.putArray("media_types").add(TaxiiMediaType.STIX);
        return collection;
    }

    /** A page of object versions (TAXII 2.1 §5.4); revoked objects are served like any other version. */
    @Transactional
    Page objects(String collection, TaxiiFilter filter) {
        requireCollection(collection);
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        return page(filter, envelope, "objects", (list, row) -> list.add(read(row.object)));
    }

    /** A page of the manifest (TAXII 2.1 §5.3): id, date_added, version and media type of each object version. */
    @Transactional
    Page manifest(String collection, TaxiiFilter filter) {
        requireCollection(collection);
        ObjectNode manifest = JsonNodeFactory.instance.objectNode();
        return page(
                filter,
                manifest,
                "objects",
                (list, row) -> list.addObject()
                        .put("id", row.stixId)
                        .put("date_added", StixTime.micros(row.dateAdded))
                        .put("version", StixTime.millis(row.version))
                        .put("media_type", TaxiiMediaType.STIX));
    }

    /** The versions of one object (TAXII 2.1 §5.8), oldest first; 404 when the collection has no such object. */
    @Transactional
    Page versions(String collection, String objectId, TaxiiFilter filter) {
        requireCollection(collection);
        ObjectNode versions = JsonNodeFactory.instance.objectNode();
        Page page = page(filter, versions, "versions", (list, row) -> list.add(StixTime.millis(row.version)));
        if (!page.body().has("versions")) {
            throw HerdException.notFound("object-not-found", "No object '" + objectId + "' in this collection.");
        }
        return page;
    }

    private Page page(
            TaxiiFilter filter,
            ObjectNode body,
            String member,
            java.util.function.BiConsumer<ArrayNode, TaxiiObject> each) {
        List<TaxiiObject> rows =
                filter.noSpecVersion() ? List.of() : objects.page(filter, filter.after(), filter.limit() + 1);
        boolean more = rows.size() > filter.limit();
        if (more) {
            rows = rows.subList(0, filter.limit());
        }
        body.put("more", more);
        if (more) {
            body.put("next", TaxiiFilter.token(rows.get(rows.size() - 1).dateAdded));
        }
        if (rows.isEmpty()) {
            return new Page(body, null, null);
        }
        ArrayNode list = body.putArray(member);
        rows.forEach(row -> each.accept(list, row));
        return new Page(
                body, StixTime.micros(rows.get(0).dateAdded), StixTime.micros(rows.get(rows.size() - 1).dateAdded));
    }

    private static void requireCollection(String id) {
        if (!COLLECTION_ID.equals(id)) {
            throw HerdException.notFound("collection-not-found", "No TAXII collection '" + id + "' here.");
        }
    }

    private ObjectNode read(String object) {
        try {
            return (ObjectNode) json.readTree(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored STIX object is not JSON", e);
        }
    }
}
