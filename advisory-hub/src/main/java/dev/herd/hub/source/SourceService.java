package dev.herd.hub.source;

import dev.herd.contracts.problem.HerdException;
import dev.herd.hub.provider.ProviderRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Adds, shows and removes pull sources, and starts their pulls now or when they are due. */
@ApplicationScoped
public class SourceService {

    private static final int DEFAULT_INTERVAL_MINUTES = 60;

    private final PullSourceRepository sources;
    private final ProviderRepository providers;
    private final SourceRunner runner;

    public SourceService(PullSourceRepository sources, ProviderRepository providers, SourceRunner runner) {
        this.sources = sources;
        this.providers = providers;
        this.runner = runner;
    }

    @Transactional
    public SourceView add(NewSource request) {
        SourceKind kind = kind(request.kind());
        String location = request.location().strip();
        checkLocation(location);
        if (providers.findByIdOptional(request.providerId()).isEmpty()) {
            throw HerdException.notFound("provider-not-found", "No provider '" + request.providerId() + "'.");
        }
        PullSource source = new PullSource();
        source.providerId = request.providerId();
        source.kind = kind;
        source.location = location;
        source.intervalMinutes =
                request.intervalMinutes() == null ? DEFAULT_INTERVAL_MINUTES : request.intervalMinutes();
        source.createdAt = Instant.now();
        source.state = PullSource.IDLE;
        sources.persist(source);
        return SourceView.of(source, null);
    }

    public List<SourceView> list() {
        Map<Long, PullRun> running = runner.runningNow();
        return sources.listAll(Sort.by("id")).stream()
                .map(source -> SourceView.of(source, running.get(source.id)))
                .toList();
    }

    public SourceView get(long id) {
        PullRun running = runner.running(id).orElse(null);
        return SourceView.of(find(id), running);
    }

    @Transactional
    public void remove(long id) {
        if (!sources.deleteById(id)) {
            throw notFound(id);
        }
    }

    /** Starts a pull now; 409 if one is already running. */
    public SourceView run(long id) {
        find(id);
        if (!runner.start(id)) {
            throw HerdException.conflict("source-running", "Source " + id + " is being pulled already.");
        }
        return get(id);
    }

    /** Starts every source whose interval has passed and that is not running; returns how many started. */
    public int startDue(Instant now) {
        List<Long> due = QuarkusTransaction.requiringNew()
                .call(() -> sources.listAll().stream()
                        .filter(source -> source.dueAt(now))
                        .map(source -> source.id)
                        .toList());
        return (int) due.stream()
                .filter(id -> runner.running(id).isEmpty())
                .filter(runner::start)
                .count();
    }

    private PullSource find(long id) {
        return sources.findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    private static HerdException notFound(long id) {
        return HerdException.notFound("source-not-found", "No pull source " + id + ".");
    }

    private static SourceKind kind(String kind) {
        try {
            return SourceKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HerdException.badRequest(
                    "source-kind-unknown",
                    "Unknown source kind '" + kind + "'; use one of " + Arrays.toString(SourceKind.values()) + ".");
        }
    }

    private static void checkLocation(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                URI uri = new URI(location);
                if (uri.getHost() == null) {
                    throw invalidLocation(location, "the URL names no host");
                }
            } else if (lower.startsWith("file:")) {
                Path.of(new URI(location));
            } else if (lower.matches("^[a-z][a-z0-9+.-]+:.*")) {
                throw invalidLocation(location, "only http(s) URLs, file: URLs and local paths are read");
            } else if (!Path.of(location).isAbsolute()) {
                throw invalidLocation(location, "a local path must be absolute");
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw invalidLocation(location, e.getMessage());
        }
    }

    private static HerdException invalidLocation(String location, String why) {
        return HerdException.badRequest("source-location-invalid", "Location '" + location + "': " + why + ".");
    }
}
