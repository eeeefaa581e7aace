package dev.herd.portal.diagnosis;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail.FieldError;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where the next page of findings starts: after the finding with this id, in the order of {@code sort}. With sort
 * EPSS the position is (epss, id), {@code epss} null once the walk is among the findings without a score. Clients get
 * it as an opaque string (base64url of {@code f1:<id>}, or {@code e1:<epss>:<id>} / {@code e1:none:<id>} for EPSS
 * order) and pass it back unchanged.
 */
public record FindingCursor(FindingSort sort, BigDecimal epss, long afterId) {

    private static final String BY_ID = "f1:";
    private static final String BY_EPSS = "e1:";
    private static final String NO_SCORE = "none";
    /** EPSS scores are stored as NUMERIC(6, 5). */
    private static final int EPSS_SCALE = 5;

    /** A position in id order. */
    public FindingCursor(long afterId) {
        this(FindingSort.ID, null, afterId);
    }

    public String encode() {
        String plain = sort == FindingSort.ID
                ? BY_ID + afterId
                : BY_EPSS + (epss == null ? NO_SCORE : epss.toPlainString()) + ":" + afterId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The cursor a client passed back for a list in order {@code sort}; null when it passed none; a 400 problem naming
     * {@code cursor} when unreadable or handed out for the other order.
     */
    public static FindingCursor decode(String text, FindingSort sort) {
        if (text == null) {
            return null;
        }
        FindingCursor cursor = read(text);
        if (cursor == null) {
            throw invalid(
                    text, "cursor '" + text + "' is not a cursor this API handed out (use X-Next-Cursor as it is).");
        }
        if (cursor.sort != sort) {
            throw invalid(
                    text,
                    "cursor '" + text + "' is a cursor of sort=" + cursor.sort.label() + ", not of sort=" + sort.label()
                            + " (a cursor continues the order it came from).");
        }
        return cursor;
    }

    private static FindingCursor read(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.US_ASCII);
            if (plain.startsWith(BY_ID)) {
                long id = Long.parseLong(plain.substring(BY_ID.length()));
                return id >= 0 ? new FindingCursor(id) : null;
            }
            if (plain.startsWith(BY_EPSS)) {
                String[] parts = plain.substring(BY_EPSS.length()).split(":", -1);
                if (parts.length != 2) {
                    return null;
                }
                long id = Long.parseLong(parts[1]);
                BigDecimal epss = parts[0].equals(NO_SCORE) ? null : score(parts[0]);
                return id >= 0 && (epss != null || parts[0].equals(NO_SCORE))
                        ? new FindingCursor(FindingSort.EPSS, epss, id)
                        : null;
            }
        } catch (IllegalArgumentException e) {
            // not base64url, or no number where one belongs: the same answer as a wrong prefix
        }
        return null;
    }

    /** A score as the advisory table stores it (0 to 1, five decimals at most); null otherwise. */
    private static BigDecimal score(String text) {
        if (text.length() > 10) {
            return null;
        }
        BigDecimal score = new BigDecimal(text);
        boolean stored = score.scale() <= EPSS_SCALE && score.signum() >= 0 && score.compareTo(BigDecimal.ONE) <= 0;
        return stored ? score : null;
    }

    private static HerdException invalid(String text, String detail) {
        return new HerdException(
                400,
                "cursor-invalid",
                detail,
                List.of(new FieldError("cursor", "cursor-invalid", "not a cursor of this API")));
    }
}
