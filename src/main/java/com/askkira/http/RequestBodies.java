package com.askkira.http;

import com.askkira.pipeline.KiraException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request's body, read whole up to {@value KiraServer#MAX_BODY_BYTES} bytes, for the JSON routes
 * and {@code /mcp} alike: beyond that, the contract's 413, whether the client said the length or
 * sent the body in chunks.
 */
final class RequestBodies {
    /**
     * A body too large but not absurdly so is read to its end and dropped, so that the client, still
     * sending, gets the 413 instead of a reset connection; a bigger one is refused unread.
     */
    private static final long MODEST_OVERFLOW = 16L * KiraServer.MAX_BODY_BYTES;

    private RequestBodies() {}

    static byte[] read(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        try (InputStream in = request.getInputStream()) {
            if (declared > KiraServer.MAX_BODY_BYTES) {
                if (declared <= MODEST_OVERFLOW) {
                    drain(in, declared);
                }
                throw tooLarge();
            }
            byte[] body = in.readNBytes(KiraServer.MAX_BODY_BYTES + 1);
            if (body.length > KiraServer.MAX_BODY_BYTES) {
                // Sent in chunks, its length unknown until now: drained within the same bound.
                drain(in, MODEST_OVERFLOW - body.length);
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new KiraException.InvalidRequest("the body could not be read");
        }
    }

    static HttpError tooLarge() {
        return new HttpError(
                413, "payload_too_large", "The body is over " + KiraServer.MAX_BODY_BYTES / 1024 + " KiB.");
    }

    private static void drain(InputStream in, long most) {
        try {
            in.skipNBytes(Math.max(0, most));
        } catch (IOException e) {
            // The client went away, or sent less than it said; the 413 is still the answer.
        }
    }
}
