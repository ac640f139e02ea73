package com.giftcardimport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming multipart parser on bodies shaped the awkward ways clients and networks shape them. */
class MultipartReaderTest {

    static final String BOUNDARY = "----b0undary";
    static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    @Test
    void a_body_arriving_a_byte_at_a_time_gives_every_part_byte_for_byte() throws IOException {
        byte[] file = new byte[200_000];
        new Random(3).nextBytes(file);
        byte[] body = body(part("mapping", null, "{\"A\":\"POOL\"}".getBytes(StandardCharsets.UTF_8)),
                part("file", "cards.csv", file), part("delimiter", null, ";".getBytes(StandardCharsets.UTF_8)));

        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        MultipartReader reader = MultipartReader.of(TYPE, new Trickle(body));
        for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
            names.add(p.name() + "/" + p.fileName());
            contents.add(p.body().readAllBytes());
        }

        assertThat(names).containsExactly("mapping/null", "file/cards.csv", "delimiter/null");
        assertThat(contents.get(0)).asString(StandardCharsets.UTF_8).isEqualTo("{\"A\":\"POOL\"}");
        assertThat(contents.get(1)).isEqualTo(file);
        assertThat(contents.get(2)).asString(StandardCharsets.UTF_8).isEqualTo(";");
    }

    @Test
    void content_that_almost_holds_the_boundary_stays_content_and_a_preamble_is_skipped() throws IOException {
        byte[] tricky = ("line\r\n--" + BOUNDARY.substring(0, 8) + "x\r\n--\r\n\r\n" + BOUNDARY + "\r\n-")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("this is a preamble\r\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(body(part("file", "x.csv", tricky)));

        MultipartReader reader = MultipartReader.of("multipart/form-data; boundary=\"" + BOUNDARY + "\"",
                new ByteArrayInputStream(body.toByteArray()));
        MultipartReader.Part file = reader.next();

        assertThat(file.body().readAllBytes()).isEqualTo(tricky);
        assertThat(reader.next()).isNull();
    }

    @Test
    void a_part_not_read_is_skipped_by_asking_for_the_next() throws IOException {
        MultipartReader reader = MultipartReader.of(TYPE, new ByteArrayInputStream(body(
                part("file", "a.csv", new byte[100_000]), part("encoding", null, "UTF-8".getBytes()))));

        assertThat(reader.next().name()).isEqualTo("file");
        MultipartReader.Part encoding = reader.next();

        assertThat(encoding.name()).isEqualTo("encoding");
        assertThat(encoding.body().readAllBytes()).asString().isEqualTo("UTF-8");
    }

    @Test
    void a_body_cut_before_its_closing_boundary_is_a_bad_request() throws IOException {
        byte[] whole = body(part("file", "a.csv", new byte[10_000]));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 30);
        MultipartReader reader = MultipartReader.of(TYPE, new ByteArrayInputStream(cut));
        MultipartReader.Part file = reader.next();

        assertThatThrownBy(() -> file.body().readAllBytes()).isInstanceOf(BadApiRequestException.class)
                .hasMessageContaining("ends before its closing boundary");
    }

    @Test
    void headers_longer_than_the_limit_and_a_content_type_without_boundary_are_bad_requests() throws IOException {
        String longHeader = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"\r\nX-Pad: "
                + "a".repeat(MultipartReader.MAX_HEADER_BYTES) + "\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n";
        MultipartReader reader = MultipartReader.of(TYPE,
                new ByteArrayInputStream(longHeader.getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(reader::next).isInstanceOf(BadApiRequestException.class).hasMessageContaining("headers");
        assertThatThrownBy(() -> MultipartReader.of("multipart/form-data", InputStream.nullInputStream()))
                .isInstanceOf(BadApiRequestException.class);
        assertThatThrownBy(() -> MultipartReader.of("application/json", InputStream.nullInputStream()))
                .isInstanceOf(BadApiRequestException.class);
    }

    private static byte[] part(String name, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] body(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A stream that gives one byte per read, as a slow network might. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private int position;

        Trickle(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= bytes.length) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            b[off] = bytes[position++];
            return 1;
        }
    }
}
