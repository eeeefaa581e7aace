package dev.herd.hub.source;

import dev.herd.hub.ingest.IngestStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** One pull in progress: what it has done so far, readable by the status view while it runs. */
final class PullRun {

    /** Notes kept per run; a source with thousands of broken documents should not fill the database. */
    private static final int MAX_NOTES = 100;

    private final Instant startedAt = Instant.now();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger seen = new AtomicInteger();
    private final AtomicInteger fetched = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger merged = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final List<PullNote> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<PullNote> warnings = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean sourceUnreadable;

    Instant startedAt() {
        return startedAt;
    }

    void found(int documents) {
        total.set(documents);
    }

    void seen() {
        seen.incrementAndGet();
    }

    void fetched() {
        fetched.incrementAndGet();
    }

    void done() {
        done.incrementAndGet();
    }

    void skippedUnchanged() {
        skipped.incrementAndGet();
    }

    void count(IngestStatus status) {
        switch (status) {
            case ACCEPTED -> accepted.incrementAndGet();
            case MERGED -> merged.incrementAndGet();
            case UNCHANGED -> unchanged.incrementAndGet();
            case REJECTED -> rejected.incrementAndGet();
        }
    }

    void error(String location, String code, String message) {
        add(errors, new PullNote(location, code, message));
    }

    void warning(String location, String code, String message) {
        add(warnings, new PullNote(location, code, message));
    }

    /** The source itself (metadata, feed, folder or file) could not be read: the pull is a failure. */
    void unreadable(String location, String message) {
        sourceUnreadable = true;
        error(location, "source-unreadable", message);
    }

    /** Failed when the source could not be read, or nothing it names could be fetched. */
    boolean failed() {
        return sourceUnreadable || (!errors.isEmpty() && fetched.get() == 0);
    }

    PullCounts counts() {
        return new PullCounts(seen.get(), accepted.get(), merged.get(), unchanged.get(), rejected.get(), skipped.get());
    }

    SourceView.Progress progress() {
        return new SourceView.Progress(done.get(), total.get());
    }

    List<PullNote> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    List<PullNote> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    private static void add(List<PullNote> notes, PullNote note) {
        synchronized (notes) {
            if (notes.size() < MAX_NOTES) {
                notes.add(note);
            }
        }
    }
}
