package dev.herd.portal.diagnosis;

import dev.herd.contracts.problem.HerdException;
import dev.herd.contracts.problem.ProblemDetail.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where the next page of findings starts: after the finding with this id (pages are in id order). Clients get it as
 * an opaque string (base64url of {@code f1:<id>}) and pass it back unchanged.
 */
public record FindingCursor(long afterId) {

    private static final String PREFIX = "f1:";

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + afterId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client passed back; null when it passed none; a 400 problem naming {@code cursor} when unreadable. */
    public static FindingCursor decode(String text) {
        if (text == null) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.US_ASCII);
            if (plain.startsWith(PREFIX)) {
                long id = Long.parseLong(plain.substring(PREFIX.length()));
                if (id >= 0) {
                    return new FindingCursor(id);
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64url, or no number after the prefix: the same answer as a wrong prefix, below
        }
        throw new HerdException(
                400,
                "cursor-invalid",
                "cursor '" + text + "' is not a cursor this API handed out (use X-Next-Cursor as it is).",
                List.of(new FieldError("cursor", "cursor-invalid", "not a cursor of this API")));
    }
}
