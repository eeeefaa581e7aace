package dev.herd.hub.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herd.contracts.problem.HerdException;
import dev.herd.hub.HubConfig;
import dev.herd.hub.advisory.Submission;
import dev.herd.hub.epss.EpssImport;
import dev.herd.hub.epss.EpssService;
import dev.herd.hub.ingest.FormatDetector;
import dev.herd.hub.ingest.IngestResult;
import dev.herd.hub.ingest.IngestService;
import dev.herd.hub.ingest.IngestStatus;
import dev.herd.hub.ingest.Issue;
import dev.herd.hub.provider.Provider;
import dev.herd.hub.provider.ProviderKeyRepository;
import dev.herd.hub.provider.ProviderRepository;
import dev.herd.hub.rejection.RejectionLog;
import dev.herd.hub.verification.ProviderKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One pull of one source: list its documents, skip those whose bytes are unchanged, check a CSAF document's hash and
 * signature, then verify and store through the same path as the push API. A document that cannot be fetched is an
 * error of the run; the pull goes on with the next.
 */
@ApplicationScoped
public class SourcePull {

    private static final Logger LOG = Logger.getLogger(SourcePull.class);
    private static final int STORE_CHUNK = 200;

    private final PullSourceRepository sources;
    private final SourceDocumentRepository documents;
    private final ProviderRepository providers;
    private final ProviderKeyRepository keys;
    private final CsafFeedReader csafFeeds;
    private final OsvFolderReader osvFolders;
    private final SourceFetcher fetcher;
    private final CsafIntegrity integrity;
    private final IngestService ingest;
    private final RejectionLog rejections;
    private final ObjectMapper json;
    private final HubConfig config;
    private final EpssService epss;

    public SourcePull(
            PullSourceRepository sources,
            SourceDocumentRepository documents,
            ProviderRepository providers,
            ProviderKeyRepository keys,
            CsafFeedReader csafFeeds,
            OsvFolderReader osvFolders,
            SourceFetcher fetcher,
            CsafIntegrity integrity,
            IngestService ingest,
            RejectionLog rejections,
            ObjectMapper json,
            HubConfig config,
            EpssService epss) {
        this.epss = epss;
        this.sources = sources;
        this.documents = documents;
        this.providers = providers;
        this.keys = keys;
        this.csafFeeds = csafFeeds;
        this.osvFolders = osvFolders;
        this.fetcher = fetcher;
        this.integrity = integrity;
        this.ingest = ingest;
        this.rejections = rejections;
        this.json = json;
        this.config = config;
    }

    /** The provider's standing and keys, fixed for the whole run. */
    private record Context(long sourceId, Submission submission, List<ProviderKey> keys) {}

    @ActivateRequestContext
    public void run(long sourceId, PullRun run) {
        PullSource source = sources.markStarted(sourceId, run.startedAt());
        if (source == null) {
            return;
        }
        try {
            Context context = context(source);
            URI location = SourceFetcher.toUri(source.location);
            if (source.kind == SourceKind.EPSS_FILE) {
                run.found(1);
                pullEpss(context, new SourceItem(location.toString(), () -> fetcher.fetch(location), null), run);
                run.done();
                sources.markFinished(sourceId, run);
                return;
            }
            List<SourceItem> items = switch (source.kind) {
                case CSAF_PROVIDER_METADATA -> csafFeeds.items(location, run);
                case OSV_FOLDER -> osvFolders.items(location);
                case EPSS_FILE -> List.of();
                case KEV_FILE -> List.of(new SourceItem(location.toString(), () -> fetcher.fetch(location), null));
            };
            run.found(items.size());
            for (SourceItem item : items) {
                pull(context, item, run);
                run.done();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Pull of source %d (%s) failed: %s", sourceId, source.location, e.getMessage());
            run.unreadable(source.location, e.getMessage());
        }
        sources.markFinished(sourceId, run);
    }

    private Context context(PullSource source) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Provider provider = providers.findById(source.providerId);
            Submission submission = new Submission(
                    provider.id,
                    provider.trustTier,
                    provider.trustTier >= config.autoActionTier(),
                    null,
                    "source:" + source.id,
                    // As stored: PostgreSQL keeps microseconds.
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            return new Context(source.id, submission, keys.keysFor(provider.id));
        });
    }

    private void pull(Context context, SourceItem item, PullRun run) {
        Fetched fetched = fetchChanged(context, item, run);
        if (fetched == null) {
            return;
        }
        byte[] bytes = fetched.bytes();
        List<Issue> errors = new ArrayList<>();
        List<Issue> warnings = new ArrayList<>();
        if (item.csaf() != null) {
            try {
                integrity.check(
                        item.csaf(), bytes, context.submission().providerId(), context.keys(), errors, warnings);
            } catch (IOException | RuntimeException e) {
                run.error(item.location(), "fetch-failed", e.getMessage());
                return;
            }
        }
        warnings.forEach(w -> run.warning(item.location(), w.code(), w.message()));
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (IOException e) {
            reject(
                    context,
                    null,
                    item,
                    List.of(new Issue(
                            "malformed-json",
                            "Not JSON: "
                                    + (e instanceof JsonProcessingException j
                                            ? j.getOriginalMessage()
                                            : e.getMessage()))),
                    run);
            return;
        }
        if (!errors.isEmpty()) {
            reject(context, root, item, errors, run);
            return;
        }
        if (ingest(context, root, warnings, run)) {
            documents.remember(context.sourceId(), item.location(), fetched.sha256(), fetched.at());
        }
    }

    /** A file fetched from a source, its SHA-256 and when. */
    private record Fetched(byte[] bytes, String sha256, Instant at) {}

    /**
     * Fetches the item, counted in the run; null when it could not be fetched (an error of the run) or is unchanged
     * since the last pull (its hash as remembered; marked seen).
     */
    private Fetched fetchChanged(Context context, SourceItem item, PullRun run) {
        run.seen();
        byte[] bytes;
        try {
            bytes = item.content().read();
        } catch (IOException | RuntimeException e) {
            run.error(item.location(), "fetch-failed", e.getMessage());
            return null;
        }
        run.fetched();
        String sha256 = sha256(bytes);
        Instant now = Instant.now();
        if (documents
                .sha256(context.sourceId(), item.location())
                .filter(sha256::equals)
                .isPresent()) {
            documents.seen(context.sourceId(), item.location(), now);
            run.skippedUnchanged();
            return null;
        }
        return new Fetched(bytes, sha256, now);
    }

    /**
     * An EPSS file enriches advisories rather than stating any: it is imported whole (or, with a bad line, not at
     * all: an error of the run naming the line), and remembered by its hash like any pulled file.
     */
    private void pullEpss(Context context, SourceItem item, PullRun run) {
        Fetched fetched = fetchChanged(context, item, run);
        if (fetched == null) {
            return;
        }
        byte[] bytes = fetched.bytes();
        try {
            EpssImport imported = epss.importFile(new ByteArrayInputStream(bytes));
            LOG.infof("Source %d: EPSS %s imported", context.sourceId(), imported.scoreDate());
            run.count(IngestStatus.ACCEPTED);
            documents.remember(context.sourceId(), item.location(), fetched.sha256(), fetched.at());
        } catch (HerdException e) {
            run.error(item.location(), e.code(), e.getMessage());
            run.count(IngestStatus.REJECTED);
        }
    }

    /** Verifies and stores every document of the file; true if none was rejected. */
    private boolean ingest(Context context, JsonNode root, List<Issue> warnings, PullRun run) {
        List<JsonNode> documentsInFile = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(documentsInFile::add);
        } else {
            documentsInFile.add(root);
        }
        List<IngestResult> results = new ArrayList<>();
        List<IngestService.Verified> pending = new ArrayList<>();
        for (int index = 0; index < documentsInFile.size(); index++) {
            IngestService.Verification verification =
                    ingest.verify(context.submission(), documentsInFile.get(index), index);
            if (verification.rejected() != null) {
                results.add(verification.rejected());
                continue;
            }
            IngestService.Verified verified = verification.verified();
            List<Issue> allWarnings = new ArrayList<>(warnings);
            allWarnings.addAll(verified.warnings());
            pending.add(new IngestService.Verified(
                    verified.index(), verified.documentId(), verified.format(), verified.statements(), allWarnings));
            if (pending.size() == STORE_CHUNK) {
                results.addAll(ingest.store(context.submission(), pending));
                pending.clear();
            }
        }
        if (!pending.isEmpty()) {
            results.addAll(ingest.store(context.submission(), pending));
        }
        results.forEach(result -> run.count(result.status()));
        return results.stream().noneMatch(result -> result.status() == IngestStatus.REJECTED);
    }

    private void reject(Context context, JsonNode root, SourceItem item, List<Issue> errors, PullRun run) {
        String documentId = root == null ? null : FormatDetector.documentId(root);
        String fileName = item.location().substring(item.location().lastIndexOf('/') + 1);
        rejections.record(
                context.submission(),
                documentId == null ? fileName : documentId,
                root == null ? null : FormatDetector.detect(root).orElse(null),
                errors);
        run.count(IngestStatus.REJECTED);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
