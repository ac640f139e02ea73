package com.giftcardimport.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.importing.file.S3ProxyServer;
import com.giftcardimport.base.ApplicationProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A cluster on loopback, each part a process of its own: a standalone PostgreSQL (the application connects as the
 * restricted role {@code gci_app}, migrates as the owner), S3Proxy, N application nodes (external database, S3
 * storage, small chunks, takeover within 10 s) and Debian's HAProxy in front with cookie stickiness and health
 * checks, as docker/compose.yaml runs them.
 */
final class ClusterProcesses implements AutoCloseable {

    static final String TOKEN = "gci_cluster_test_secret_0123456789abcdefgh";
    static final String ADMIN = "cluster-admin";
    static final String PASSWORD = "cluster-password";
    static final String BUCKET = "gci-cluster";
    /** Every node encrypts CVVs with the same key (32 bytes, base64). */
    static final String CVV_KEY = "Z2NpLWNsdXN0ZXItdGVzdC1rZXktMzItYnl0ZXMhISE=";
    static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    final Path dir;
    final EmbeddedPostgres postgres;
    final JdbcClient db;
    final S3ProxyServer s3;
    final int[] ports;
    final Process[] nodes;
    final int proxyPort;
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Process haproxy;
    private int starts;

    private final List<String> extraArguments;

    /** {@code extraArguments}: more settings for every node, {@code --name=value}. */
    ClusterProcesses(Path dir, int nodeCount, String... extraArguments) throws Exception {
        this.dir = dir;
        this.extraArguments = List.of(extraArguments);
        postgres = EmbeddedPostgres.builder().start();
        DataSource owner = postgres.getPostgresDatabase();
        db = JdbcClient.create(owner);
        db.sql("create role gci_app login password 'app' nosuperuser nobypassrls noinherit").update();
        s3 = S3ProxyServer.start(Files.createDirectories(dir.resolve("s3")));
        s3.createBucket(BUCKET);
        ports = new int[nodeCount];
        nodes = new Process[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            ports[i] = ApplicationProcess.freePort();
        }
        proxyPort = ApplicationProcess.freePort();
    }

    /** Starts node {@code i} (0-based) and waits until it answers. */
    void startNode(int i) throws Exception {
        Path log = dir.resolve("node" + (i + 1) + "-" + (++starts) + ".log");
        List<String> arguments = new ArrayList<>(List.of(
                "--server.address=127.0.0.1",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "--spring.datasource.username=gci_app",
                "--spring.datasource.password=app",
                "--spring.liquibase.user=postgres",
                "--spring.liquibase.password=postgres",
                "--app.data-dir=" + dir.resolve("data" + (i + 1)),
                "--app.cvv-key=" + CVV_KEY,
                "--app.storage.type=s3",
                "--app.storage.s3.endpoint=" + s3.endpoint(),
                "--app.storage.s3.bucket=" + BUCKET,
                "--app.storage.s3.access-key=" + S3ProxyServer.ACCESS_KEY,
                "--app.storage.s3.secret-key=" + S3ProxyServer.SECRET_KEY,
                "--app.cluster.node-name=node" + (i + 1),
                "--app.cluster.takeover-within=10s",
                "--app.import.chunk-rows=2000",
                "--app.import.dispatch-interval=2s"));
        arguments.addAll(extraArguments);
        ApplicationProcess node = ApplicationProcess.start(ports[i], log, List.of("-Xmx384m"), arguments);
        nodes[i] = node.process();
        started.add(node.process());
        node.awaitServing(START_TIMEOUT);
    }

    /** kill -9. */
    void kill(int i) throws InterruptedException {
        nodes[i].destroyForcibly();
        assertThat(nodes[i].waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** SIGTERM, as a rolling deploy stops a node, and waits until it has stopped. */
    void stop(int i) throws InterruptedException {
        nodes[i].destroy();
        assertThat(nodes[i].waitFor(90, TimeUnit.SECONDS)).as("node %d stopped after SIGTERM", i + 1).isTrue();
    }

    /** HAProxy on {@link #proxyPort}: sticky by cookie, nodes checked every second. */
    void startProxy() throws IOException {
        StringBuilder config = new StringBuilder("""
                global
                    maxconn 256
                defaults
                    mode http
                    option redispatch
                    retries 2
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    timeout tunnel 1h
                frontend web
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    cookie GCI_NODE insert indirect nocache httponly
                    option httpchk GET /login
                    default-server inter 1s fall 2 rise 2
                """.formatted(proxyPort));
        for (int i = 0; i < ports.length; i++) {
            config.append("    server node%d 127.0.0.1:%d check cookie node%d%n".formatted(i + 1, ports[i], i + 1));
        }
        Path file = dir.resolve("haproxy.cfg");
        Files.writeString(file, config);
        haproxy = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        started.add(haproxy);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> answers(proxyPort));
    }

    /** A project with an admin (password {@link #PASSWORD}), the pool {@code flex} and an API token. */
    long seed() throws Exception {
        long project = db.sql("insert into project (slug, name) values ('cluster', 'Cluster') returning id")
                .query(Long.class).single();
        long admin = db.sql("insert into app_user (username, display_name, password_hash) values (?, 'Cluster Admin', ?) "
                        + "returning id").params(ADMIN, new BCryptPasswordEncoder().encode(PASSWORD))
                .query(Long.class).single();
        db.sql("insert into membership (project_id, user_id, role) values (?, ?, 'PROJECT_ADMIN')")
                .params(project, admin).update();
        db.sql("insert into pool (project_id, system_name, name, value_type) values (?, 'flex', 'Flexible', 'ARBITRARY')")
                .param(project).update();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(TOKEN.getBytes(StandardCharsets.UTF_8)));
        db.sql("insert into api_token (project_id, name, token_prefix, token_hash, created_by) values (?, 'cluster', ?, ?, ?)")
                .params(project, TOKEN.substring(0, 12), hash, admin).update();
        return project;
    }

    /** Launches an import of {@code file} over the HTTP API at {@code port}; returns its id. */
    long launch(int port, Path file) throws Exception {
        return CrashRecoveryIT.postImport(http, port, TOKEN, file);
    }

    /** Cancels an import over the HTTP API at {@code port}; answers the HTTP status. */
    int cancel(int port, long job) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports/" + job
                        + "/cancel")).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    Map<String, Object> job(long id) {
        return db.sql("""
                        select status, imported_rows, failed_rows, total_rows, last_row_number, failure_message,
                               (select count(*) from gift_card g where g.import_job_id = j.id) as cards,
                               (select count(distinct import_row_number) from gift_card g
                                 where g.import_job_id = j.id) as card_rows
                          from import_job j where id = ?
                        """).param(id).query().singleRow();
    }

    long processed(long id) {
        Map<String, Object> job = job(id);
        return (long) job.get("imported_rows") + (long) job.get("failed_rows");
    }

    /** The node whose claim on the import the job engine holds (1-based), or 0. */
    int runningOn(long id) {
        String node = db.sql("select picked_by from scheduled_tasks where task_name = 'import' and task_instance = ? "
                + "and picked").param(Long.toString(id)).query(String.class).optional().orElse("");
        return node.startsWith("node") ? Integer.parseInt(node.substring(4)) : 0;
    }

    String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                all.append(Files.readString(log));
            }
        }
        return all.toString();
    }

    private boolean answers(int port) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/imports")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 401;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        for (Process process : started) {
            if (process.isAlive()) {
                try {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        s3.close();
        postgres.close();
    }
}
