package com.giftcardimport.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;

/**
 * Reads a {@code multipart/form-data} body part after part as it arrives (RFC 7578), so that a file part streams
 * from the request to wherever the caller sends it, never spooled nor held whole. The servlet container's own
 * multipart handling is not used for this reason. Each part's body is a stream that ends at the next boundary; reading
 * the next part skips what is left of the current one. Part headers are limited to {@value #MAX_HEADER_BYTES} bytes.
 */
final class MultipartReader {

    /** The largest block of headers of one part. */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final int BUFFER = 64 * 1024;

    /** A part: its form field name, its file name (null for a plain field) and its body, read to the boundary. */
    record Part(String name, String fileName, InputStream body) {
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private boolean eof;
    private boolean finished;
    private Body current;

    private MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // the body starts with the first boundary, which has no line end before it: act as if it had one
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /**
     * A reader of {@code body}, whose content type is {@code contentType}.
     *
     * @throws BadApiRequestException when the content type is not multipart/form-data with a boundary
     */
    static MultipartReader of(String contentType, InputStream body) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (RuntimeException e) {
            throw new BadApiRequestException("The request is not multipart/form-data");
        }
        String boundary = type.getParameter("boundary");
        if (!MediaType.MULTIPART_FORM_DATA.includes(type) || boundary == null || boundary.isEmpty()
                || boundary.length() > 70) {
            throw new BadApiRequestException("The request is not multipart/form-data with a boundary");
        }
        if (boundary.length() > 1 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        return new MultipartReader(body, boundary);
    }

    /**
     * The next part, or null after the last one.
     *
     * @throws BadApiRequestException when the body is not well-formed multipart
     */
    Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (current == null) {
            current = new Body();
        }
        current.skipToEnd();
        if (!fill(2)) {
            throw malformed();
        }
        if (buffer[position] == '-' && buffer[position + 1] == '-') {
            finished = true;
            return null;
        }
        String headers = readHeaders();
        String disposition = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-disposition")) {
                disposition = line.substring(colon + 1).strip();
            }
        }
        if (disposition == null) {
            throw new BadApiRequestException("A part of the request has no Content-Disposition header");
        }
        ContentDisposition parsed;
        try {
            parsed = ContentDisposition.parse(disposition);
        } catch (RuntimeException e) {
            throw new BadApiRequestException("A part of the request has a malformed Content-Disposition header");
        }
        current = new Body();
        return new Part(parsed.getName(), parsed.getFilename(), current);
    }

    /** The rest of the boundary line (transport padding allowed), then the headers up to the empty line. */
    private String readHeaders() throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int lineEnds = 0;
        boolean boundaryLine = true;
        while (true) {
            if (!fill(1)) {
                throw malformed();
            }
            byte b = buffer[position++];
            if (boundaryLine) {
                if (b == '\n') {
                    boundaryLine = false;
                }
                continue;
            }
            headers.write(b);
            if (headers.size() > MAX_HEADER_BYTES) {
                throw new BadApiRequestException("The headers of a part are longer than " + MAX_HEADER_BYTES
                        + " bytes");
            }
            lineEnds = b == '\n' ? lineEnds + 1 : b == '\r' ? lineEnds : 0;
            if (lineEnds == 2) {
                return headers.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /** Makes at least {@code bytes} bytes available from {@code position}; false at the end of the body. */
    private boolean fill(int bytes) throws IOException {
        while (limit - position < bytes) {
            if (eof) {
                return false;
            }
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
        return true;
    }

    /** Where the delimiter starts in the buffer from {@code position}, or -1. */
    private int delimiterAt() {
        int last = limit - delimiter.length;
        for (int i = position; i <= last; i++) {
            if (buffer[i] == delimiter[0]
                    && Arrays.equals(buffer, i, i + delimiter.length, delimiter, 0, delimiter.length)) {
                return i;
            }
        }
        return -1;
    }

    private static BadApiRequestException malformed() {
        return new BadApiRequestException("The request is not a readable multipart/form-data upload: its body ends "
                + "before its closing boundary");
    }

    /** One part's body: the bytes up to the next delimiter, which it consumes at its end. */
    private final class Body extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            if (!fill(delimiter.length)) {
                throw malformed();
            }
            int at = delimiterAt();
            int available;
            if (at == position) {
                ended = true;
                position += delimiter.length;
                return -1;
            } else if (at >= 0) {
                available = at - position;
            } else {
                // a delimiter may begin in the last bytes: keep them until more has arrived
                available = limit - position - (delimiter.length - 1);
            }
            int n = Math.min(length, available);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }

        void skipToEnd() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // discard
            }
        }
    }
}
