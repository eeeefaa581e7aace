package dev.herd.hub.epss;

import dev.herd.hub.advisory.Advisory;
import dev.herd.hub.advisory.AdvisoryMerger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Imports an EPSS file: streams it into PostgreSQL in batches, stores the scores and announces again every advisory
 * whose score changed, all in one transaction, so a bad line anywhere stores nothing.
 */
@ApplicationScoped
public class EpssService {

    private static final Logger LOG = Logger.getLogger(EpssService.class);
    private static final int BATCH = 5_000;
    private static final int ANNOUNCE_CHUNK = 500;

    private final EpssRepository scores;
    private final AdvisoryMerger merger;
    private final EntityManager entities;

    public EpssService(EpssRepository scores, AdvisoryMerger merger, EntityManager entities) {
        this.scores = scores;
        this.merger = merger;
        this.entities = entities;
    }

    @Transactional
    public EpssImport importFile(InputStream body) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        scores.startLoad();
        List<EpssRow> batch = new ArrayList<>(BATCH);
        EpssFileHeader header = EpssCsvReader.read(body, row -> {
            batch.add(row);
            if (batch.size() == BATCH) {
                scores.load(batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            scores.load(batch);
        }
        int scored = scores.storeLoaded(header, now);
        List<String> changed = scores.rescoreAdvisories(now);
        // The update ran in SQL: advisories read earlier in this transaction are stale.
        entities.clear();
        for (int from = 0; from < changed.size(); from += ANNOUNCE_CHUNK) {
            for (String id : changed.subList(from, Math.min(changed.size(), from + ANNOUNCE_CHUNK))) {
                merger.reannounce(entities.find(Advisory.class, id));
            }
            entities.flush();
            entities.clear();
        }
        LOG.infof(
                "EPSS %s (%s): %d CVEs scored, %d advisories announced again",
                header.scoreDate(), header.modelVersion(), scored, changed.size());
        return new EpssImport(scored, header.modelVersion(), header.scoreDate(), changed.size());
    }
}
