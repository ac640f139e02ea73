package com.giftcardimport.base;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hand-written HTTP/1.1 on a raw socket, for requests no browser or HTTP client library would send: a multipart
 * upload with chunked transfer or a Content-Length that lies. The body is written on its own thread while the
 * calling thread reads the answer, because a server may answer and close long before the body is sent.
 */
public final class RawHttp {

    public static final String BOUNDARY = "----gci-raw-boundary";

    private RawHttp() {
    }

    /** What came back, and how much of the body the server let the client send. */
    public record Response(int status, String head, String body, long bytesSent, String sendError) {
        @Override
        public String toString() {
            return "status " + status + ", sent " + bytesSent + " bytes"
                    + (sendError == null ? "" : " (" + sendError + ")") + "\n" + head + "\n" + body;
        }
    }

    /** The request line and headers of a multipart POST; {@code extraHeaders} lines end with CRLF. */
    public static String multipartHead(String path, String extraHeaders) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary="
                + BOUNDARY + "\r\n" + extraHeaders + "Connection: close\r\n\r\n";
    }

    /** Writes a request body through a {@link Sink}. */
    public interface Body {
        void writeTo(Sink sink) throws IOException;
    }

    /** Where a body goes: counts what was sent, and frames it as chunks when the request is chunked. */
    public static final class Sink {
        private final OutputStream out;
        private final boolean chunked;
        private final AtomicLong sent;

        Sink(OutputStream out, boolean chunked, AtomicLong sent) {
            this.out = out;
            this.chunked = chunked;
            this.sent = sent;
        }

        public void write(byte[] data) throws IOException {
            if (chunked) {
                out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(data);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(data);
            }
            sent.addAndGet(data.length);
        }
    }

    /** A multipart body whose 'file' part holds {@code header}, then {@code fileBytes} of {@code rows} repeated. */
    public static Body multipartFile(String header, String rows, long fileBytes) {
        return sink -> {
            sink.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"cards.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            rawFile(header, rows, fileBytes).writeTo(sink);
            sink.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        };
    }

    /** The file itself as the body: {@code header}, then {@code fileBytes} of {@code rows} repeated. */
    public static Body rawFile(String header, String rows, long fileBytes) {
        return sink -> {
            sink.write((header + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] block = repeat(rows.getBytes(StandardCharsets.UTF_8), 64 * 1024);
            for (long n = 0; n < fileBytes; n += block.length) {
                sink.write(block);
            }
        };
    }

    /**
     * Sends {@code head}, then a multipart body whose 'file' part holds {@code header} and then {@code fileBytes} of
     * {@code rows} repeated, as chunks or plain; reads the answer until the server closes.
     */
    public static Response send(int port, String head, String header, String rows, long fileBytes, boolean chunked)
            throws IOException, InterruptedException {
        return send(port, head, multipartFile(header, rows, fileBytes), chunked);
    }

    /** Sends {@code head} and {@code body} (as chunks or plain) on a writer thread; reads the answer here. */
    public static Response send(int port, String head, Body body, boolean chunked)
            throws IOException, InterruptedException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            AtomicLong sent = new AtomicLong();
            String[] sendError = {null};
            Thread writer = Thread.ofPlatform().name("raw-http-writer").start(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    body.writeTo(new Sink(out, chunked, sent));
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                    socket.shutdownOutput();
                } catch (IOException e) {
                    sendError[0] = e.toString();
                }
            });
            byte[] answer = readAnswer(socket.getInputStream());
            writer.join(30_000);
            String text = new String(answer, StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String responseHead = split < 0 ? text : text.substring(0, split);
            int status = responseHead.startsWith("HTTP/1.1 ") ? Integer.parseInt(responseHead.substring(9, 12)) : -1;
            return new Response(status, responseHead, split < 0 ? "" : text.substring(split + 4), sent.get(),
                    sendError[0]);
        }
    }

    /** What came back to a slow sender, and how much of the body it had sent when the answer began. */
    public record SlowResponse(int status, String head, long sentBeforeAnswer) {
    }

    /**
     * Sends {@code head}, then a body of 'x' in pieces of 512 bytes every 20 ms (at most {@code maxBytes}), and
     * records how much of it was sent when the first byte of the answer arrived: a server that answers without
     * reading the body answers after a few hundred bytes, one that reads a body of megabytes first after minutes.
     */
    public static SlowResponse sendSlowly(int port, String head, long maxBytes) throws IOException, InterruptedException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Thread writer = Thread.ofPlatform().name("raw-http-slow-writer").start(() -> {
                byte[] piece = repeat("x".getBytes(StandardCharsets.US_ASCII), 512);
                try {
                    while (sent.get() < maxBytes && !Thread.currentThread().isInterrupted()) {
                        out.write(piece);
                        out.flush();
                        sent.addAndGet(piece.length);
                        Thread.sleep(20);
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed, or the answer came
                }
            });
            InputStream in = socket.getInputStream();
            int first = in.read();
            long atAnswer = sent.get();
            writer.interrupt();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (first >= 0) {
                answer.write(first);
                socket.setSoTimeout(2_000);
                answer.writeBytes(readAnswer(in));
            }
            writer.join(10_000);
            String text = answer.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String responseHead = split < 0 ? text : text.substring(0, split);
            int status = responseHead.startsWith("HTTP/1.1 ") ? Integer.parseInt(responseHead.substring(9, 12)) : -1;
            return new SlowResponse(status, responseHead, atAnswer);
        }
    }

    private static byte[] repeat(byte[] unit, int length) {
        if (unit.length == 0) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        byte[] block = new byte[length];
        for (int i = 0; i < length; i += unit.length) {
            System.arraycopy(unit, 0, block, i, Math.min(unit.length, length - i));
        }
        return block;
    }

    /** Everything the server sends until it closes, or what came before a reset or a long silence. */
    private static byte[] readAnswer(InputStream in) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // the server said what it had to say
        } catch (IOException e) {
            // reset by the server after its answer: keep what arrived
        }
        return answer.toByteArray();
    }
}
