package com.giftcardimport.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application (the extracted production jar) started as a process of its own, on a fresh data
 * directory (embedded PostgreSQL, demo data) and a free port, driven through its HTTP API with the demo token of
 * project acme. JDK classes only: the AOT training run ({@link AotTraining}) runs it from its source, without the
 * test classpath.
 */
final class AppProcess implements AutoCloseable {

    /** The demo API token of project acme (README). */
    static final String DEMO_TOKEN = "gci_demo_acme_4fN8qT2wZ6yR1vK9mB3xL7pD";
    /** The demo pools of project acme, in the order of {@link BenchmarkRows#pool}'s three kinds. */
    static final String[] DEMO_POOLS = {"gold-1000", "flex", "summer.2026"};
    /** Maps the generated file's seven columns explicitly, so that no auto-mapping guess enters the figures. */
    static final String MAPPING = """
            {"Card number":"CARD_NUMBER","Pool system name":"POOL","Gift card CVV":"CVV",\
            "Card balance":"BALANCE","Point of contact external ID":"POINT_OF_CONTACT",\
            "Card purchase date (UTC)":"PURCHASE_DATE","Gift card status":"STATUS"}""";

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final URI base;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private double startSeconds;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.base = URI.create("http://localhost:" + port);
        this.log = log;
    }

    /**
     * Starts {@code java [jvmOptions] -jar appJar [appArguments]} in the jar's directory on the embedded default and
     * waits until the API accepts the demo token; {@link #startSeconds()} is the time from the process start to that
     * first answer.
     */
    static AppProcess start(Path java, Path appJar, List<String> jvmOptions, List<String> appArguments,
                            Path dataDir, Path log) throws IOException, InterruptedException {
        return start(java, appJar, jvmOptions, appArguments, Map.of(), dataDir, log, true);
    }

    /**
     * Starts the application with {@code environment} added to its own (e.g. an external database) and waits until
     * its API answers: with {@code demoToken}, until it accepts the demo token (the embedded default's demo data is
     * there), else until it answers at all (the server is listening: the context has started).
     */
    static AppProcess start(Path java, Path appJar, List<String> jvmOptions, List<String> appArguments,
                            Map<String, String> environment, Path dataDir, Path log, boolean demoToken)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(appJar.toAbsolutePath().toString());
        command.addAll(appArguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(appJar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("GCI_DATA_DIR", dataDir.toAbsolutePath().toString());
        builder.environment().put("PORT", Integer.toString(port));
        long started = System.nanoTime();
        AppProcess app = new AppProcess(builder.start(), port, log);
        app.awaitReady(started, demoToken);
        return app;
    }

    /** The java launcher of the JVM running this code. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    double startSeconds() {
        return startSeconds;
    }

    /** Spring Boot's own figure from the log: "Started … (process running for S)", or -1 when not logged. */
    double springStartedSeconds() throws IOException {
        Matcher m = Pattern.compile("Started \\w+ in [\\d.]+ seconds \\(process running for ([\\d.]+)\\)")
                .matcher(Files.readString(log));
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    /** The time of the last log line containing {@code text} (the log's lines start with an ISO instant), or null. */
    Instant lastLogged(String text) throws IOException {
        Instant last = null;
        for (String line : Files.readAllLines(log)) {
            if (line.contains(text) && line.length() > 24 && Character.isDigit(line.charAt(0))) {
                last = Instant.parse(line.substring(0, line.indexOf(' ')));
            }
        }
        return last;
    }

    long pid() {
        return process.pid();
    }

    /** Writes {@code rows} generated rows of the seven fields for acme's demo pools: a UTF-8 CSV file. */
    static void writeCards(Path file, long rows) throws IOException {
        BenchmarkRows.writeCsv(file, BenchmarkRows.HEADER, 0, rows, i -> BenchmarkRows.csvLine(i, DEMO_POOLS));
    }

    /** {@code POST /api/v1/imports} with the file and {@link #MAPPING}; answers the new import's id. */
    long createImport(Path csv) throws IOException, InterruptedException {
        String boundary = "gci-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"mapping\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + MAPPING + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + csv.getFileName() + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = authorised("/api/v1/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(csv), HttpRequest.BodyPublishers.ofString(tail)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("The import was not created: " + response.statusCode() + " "
                    + response.body());
        }
        return Long.parseLong(match(ID, response.body()));
    }

    /**
     * Polls {@code GET /api/v1/imports/{id}} every {@code interval} until the import has ended, as a client script
     * would; answers its last JSON.
     */
    String awaitEnd(long id, Duration interval) throws IOException, InterruptedException {
        while (true) {
            String body = get("/api/v1/imports/" + id);
            String status = match(STATUS, body);
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return body;
            }
            Thread.sleep(interval);
        }
    }

    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorised(path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** A string field of an API answer, or {@code null}. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|(-?\\d+))").matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    static Instant instant(String json, String name) {
        String value = field(json, name);
        return value == null ? null : Instant.parse(value);
    }

    /**
     * Stops the application as an operator would (SIGTERM: Spring's graceful shutdown, the embedded database
     * stopped) and waits for the process to end; a JVM recording an AOT cache writes it before it ends.
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(long started, boolean demoToken) throws IOException, InterruptedException {
        long deadline = started + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application stopped while starting; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(authorised("/api/v1/pools").GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 || !demoToken) {
                    startSeconds = (System.nanoTime() - started) / 1e9;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The application did not answer within " + START_TIMEOUT + "; see " + log);
    }

    private HttpRequest.Builder authorised(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + DEMO_TOKEN)
                .timeout(Duration.ofMinutes(10));
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected answer: " + body);
        }
        return m.group(1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
