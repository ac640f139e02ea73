package com.giftcardimport.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client for the API tests: bearer token, JSON and multipart bodies. */
final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String token;

    ApiClient(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    ApiClient withToken(String otherToken) {
        return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherToken);
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET asking for answers in {@code language} ({@code Accept-Language}). */
    Response get(String path, String language) {
        return send(request(path).header("Accept-Language", language).GET());
    }

    Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Response postRaw(String path, HttpRequest.Builder builder) {
        return send(builder.uri(URI.create(base + path)));
    }

    /** A multipart/form-data POST; values are Strings (text parts) or {@link FilePart}s. */
    Response postMultipart(String path, Map<String, Object> parts, Map<String, String> headers) {
        String boundary = "----gci" + UUID.randomUUID();
        List<byte[]> chunks = new ArrayList<>();
        parts.forEach((name, value) -> {
            StringBuilder head = new StringBuilder("--" + boundary + "\r\n");
            if (value instanceof FilePart file) {
                head.append("Content-Disposition: form-data; name=\"").append(name).append("\"; filename=\"")
                        .append(file.name()).append("\"\r\nContent-Type: text/csv\r\n\r\n");
                chunks.add(head.toString().getBytes(StandardCharsets.UTF_8));
                chunks.add(file.content());
            } else {
                head.append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n");
                chunks.add(head.toString().getBytes(StandardCharsets.UTF_8));
                chunks.add(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            }
            chunks.add("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        chunks.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(chunks));
        headers.forEach(builder::header);
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record FilePart(String name, byte[] content) {
        static FilePart csv(String name, String text) {
            return new FilePart(name, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    record Response(int status, String contentType, Map<String, List<String>> headers, byte[] body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + text();
        }
    }
}
