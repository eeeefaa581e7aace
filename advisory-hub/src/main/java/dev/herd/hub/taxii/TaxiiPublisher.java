package dev.herd.hub.taxii;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herd.hub.community.CommunityAdvisory;
import dev.herd.hub.community.CommunityAdvisoryChanged;
import dev.herd.hub.community.CommunityAdvisoryView;
import dev.herd.hub.community.CommunityRepository;
import dev.herd.hub.stix.CommunityIndicatorObject;
import dev.herd.hub.stix.StixIds;
import dev.herd.hub.stix.StixTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Adds object versions to the TAXII collection: a new version of a community advisory's indicator whenever what it
 * says changes (more origins confirmed it, or it was revoked), in the transaction of the change. {@code date_added}
 * grows strictly in commit order; {@code modified} grows strictly per object.
 */
@ApplicationScoped
public class TaxiiPublisher {

    private final TaxiiObjectRepository objects;
    private final CommunityRepository community;
    private final ObjectMapper json;

    public TaxiiPublisher(TaxiiObjectRepository objects, CommunityRepository community, ObjectMapper json) {
        this.objects = objects;
        this.community = community;
        this.json = json;
    }

    void onCommunityChange(@Observes CommunityAdvisoryChanged changed) {
        publishCommunity(changed.advisoryId());
    }

    /** Publishes the current state of a community advisory if it differs from the version served last. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishCommunity(String advisoryId) {
        CommunityAdvisory advisory = community.findById(advisoryId);
        Optional<CommunityAdvisoryView> view = community.view(advisoryId);
        if (advisory == null || view.isEmpty()) {
            return;
        }
        objects.lockPublishing();
        Optional<TaxiiObject> latest = objects.latest(StixIds.indicator(advisoryId));
        Instant modified = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (latest.isPresent() && !modified.isAfter(latest.get().version)) {
            modified = latest.get().version.plusMillis(1);
        }
        ObjectNode object = CommunityIndicatorObject.of(view.get(), advisory.indicators, advisory.createdAt, modified);
        add(object, modified, latest);
    }

    /** Publishes an object whose version is fixed in it (Herd's identity, the TLP marking) unless it is served. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishFixed(ObjectNode object) {
        objects.lockPublishing();
        String version = object.has("modified")
                ? object.get("modified").asText()
                : object.get("created").asText();
        Instant at = StixTime.parse(version).orElseThrow();
        Optional<TaxiiObject> latest = objects.latest(object.get("id").asText());
        if (latest.isPresent() && !at.isAfter(latest.get().version)) {
            return;
        }
        add(object, at, latest);
    }

    private void add(ObjectNode object, Instant version, Optional<TaxiiObject> latest) {
        if (latest.isPresent() && sameContent(latest.get().object, object)) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant last = objects.lastAdded().orElse(Instant.EPOCH);
        Instant dateAdded = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
        latest.ifPresent(previous -> previous.latest = false);
        objects.flush();
        TaxiiObject added = new TaxiiObject();
        added.stixId = object.get("id").asText();
        added.stixType = object.get("type").asText();
        added.version = version;
        added.dateAdded = dateAdded;
        added.latest = true;
        added.object = write(object);
        objects.persist(added);
    }

    /** Whether two versions say the same, {@code modified} aside. */
    private boolean sameContent(String served, ObjectNode next) {
        try {
            JsonNode before = json.readTree(served);
            ObjectNode after = next.deepCopy();
            if (before instanceof ObjectNode previous) {
                previous.remove("modified");
            }
            after.remove("modified");
            return before.equals(after);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private String write(ObjectNode object) {
        try {
            return json.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
