package com.giftcardimport.base;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The application as a process of its own ({@code java -cp … com.giftcardimport.Application}), for tests that kill
 * it: the classpath of this test run without the test classes, its output in a log file.
 */
public final class ApplicationProcess {

    private final Process process;
    private final Path log;
    private final int port;

    private ApplicationProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the application on {@code port} with {@code arguments}; returns at once. */
    public static ApplicationProcess start(int port, Path log, List<String> jvmOptions, List<String> arguments)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", applicationClassPath(), "com.giftcardimport.Application",
                "--server.port=" + port, "--vaadin.launch-browser=false"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ApplicationProcess(process, log, port);
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /**
     * Waits until the application answers HTTP (the API's 401 without a token), or fails with its log when it stops
     * or does not answer within {@code timeout}.
     */
    public void awaitServing(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(500))
                    .until(() -> !process.isAlive() || answers(http));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The application did not start within " + timeout + ":\n" + log(), e);
        }
        if (!process.isAlive()) {
            throw new AssertionError("The application stopped while starting:\n" + log());
        }
    }

    private boolean answers(HttpClient http) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 401;
        } catch (IOException notYet) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The classpath of this test run without the test classes: the application's classes and dependencies. */
    public static String applicationClassPath() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>(List.of(classPath.split(File.pathSeparator)));
        if (entries.size() == 1 && entries.getFirst().endsWith(".jar")) {
            // a manifest-only jar: the real classpath is in its manifest
            try (JarFile jar = new JarFile(entries.getFirst())) {
                Manifest manifest = jar.getManifest();
                String manifestPath = manifest == null ? null
                        : manifest.getMainAttributes().getValue("Class-Path");
                if (manifestPath != null) {
                    entries = new ArrayList<>();
                    for (String url : manifestPath.trim().split("\\s+")) {
                        entries.add(new File(URI.create(url)).getPath());
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries.stream()
                .filter(entry -> !entry.replace('\\', '/').endsWith("/test-classes")
                        && !entry.replace('\\', '/').endsWith("/test-classes/"))
                .toList());
    }
}
