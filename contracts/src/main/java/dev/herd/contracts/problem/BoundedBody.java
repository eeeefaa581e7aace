package dev.herd.contracts.problem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit: a larger body is a 413 problem, an empty one a 400, never a full heap. */
public final class BoundedBody {

    private BoundedBody() {}

    /**
     * The body's bytes. Beyond {@code limit} bytes it stops reading and fails with {@code tooLargeCode}; an empty body
     * fails with {@code body-empty}. {@code what} names the expected content in both messages ("a report").
     */
    public static byte[] read(InputStream body, long limit, String tooLargeCode, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = body.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                throw new HerdException(
                        413,
                        tooLargeCode,
                        "The body is larger than the limit of " + limit + " bytes; send " + what + " that fits.");
            }
            out.write(buffer, 0, n);
        }
        if (total == 0) {
            throw HerdException.badRequest("body-empty", "The body is empty: send " + what + ".");
        }
        return out.toByteArray();
    }

    /** The same limits as {@link #read} for a body already read whole (a {@code byte[]} resource parameter). */
    public static byte[] check(byte[] body, long limit, String tooLargeCode, String what) {
        if (body == null || body.length == 0) {
            throw HerdException.badRequest("body-empty", "The body is empty: send " + what + ".");
        }
        if (body.length > limit) {
            throw new HerdException(
                    413,
                    tooLargeCode,
                    "The body is larger than the limit of " + limit + " bytes; send " + what + " that fits.");
        }
        return body;
    }
}
