package com.askkira.http;

import com.askkira.pipeline.KiraException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A request's body, read whole up to {@value KiraServer#MAX_BODY_BYTES} bytes, for the JSON routes
 * and {@code /mcp} alike: beyond that, the contract's 413, whether the client said the length or
 * sent the body in chunks. A body is read only as it was sent: one labelled with a content coding
 * (gzip, br, …) or a transfer coding besides chunked, which nothing here undoes, is refused rather
 * than read as the plain JSON it is not (RFC 9110 section 8.4, RFC 9112 section 6.1).
 */
final class RequestBodies {
    /**
     * A body too large but not absurdly so is read to its end and dropped, so that the client, still
     * sending, gets the 413 instead of a reset connection; a bigger one is refused unread.
     */
    private static final long MODEST_OVERFLOW = 16L * KiraServer.MAX_BODY_BYTES;

    private RequestBodies() {}

    static byte[] read(HttpServletRequest request, HttpServletResponse response) {
        if (!codings(request, "Content-Encoding").allMatch("identity"::equals)) {
            // RFC 9110's answer to a coding the server cannot undo: 415, naming the codings it can.
            response.setHeader("Accept-Encoding", "identity");
            throw new HttpError(
                    415,
                    "unsupported_media_type",
                    "Send the body uncompressed: no Content-Encoding is supported but identity.");
        }
        if (!codings(request, "Transfer-Encoding").allMatch("chunked"::equals)) {
            throw new KiraException.InvalidRequest(
                    "no Transfer-Encoding is supported but chunked; send the body chunked or with a Content-Length");
        }
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

    /** The codings a header lists, lower-cased, in every line of it the request has. */
    private static Stream<String> codings(HttpServletRequest request, String header) {
        return Collections.list(request.getHeaders(header)).stream()
                .flatMap(line -> Arrays.stream(line.split(",")))
                .map(coding -> coding.strip().toLowerCase(Locale.ROOT))
                .filter(coding -> !coding.isEmpty());
    }

    private static void drain(InputStream in, long most) {
        try {
            in.skipNBytes(Math.max(0, most));
        } catch (IOException e) {
            // The client went away, or sent less than it said; the 413 is still the answer.
        }
    }
}
