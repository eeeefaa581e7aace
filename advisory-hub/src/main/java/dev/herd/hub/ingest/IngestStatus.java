package dev.herd.hub.ingest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What became of a submitted document: {@code accepted} (it created an advisory, or changed what its own earlier
 * version said), {@code merged} (it joined an advisory known from other documents), {@code unchanged} (Herd already
 * had exactly this) or {@code rejected} (it failed verification; nothing of it was stored).
 */
public enum IngestStatus {
    ACCEPTED,
    MERGED,
    UNCHANGED,
    REJECTED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
