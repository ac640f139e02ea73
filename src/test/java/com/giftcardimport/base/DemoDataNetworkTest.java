package com.giftcardimport.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.giftcardimport.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SPEC §10: the demo data (well-known passwords and tokens) exists only on the embedded default, and while it
 * exists the server listens on loopback only unless told otherwise; an external database never gets it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoDataNetworkTest {

    @Test
    void while_the_demo_data_exists_the_server_listens_on_loopback_only_and_says_so(CapturedOutput output)
            throws IOException {
        InetAddress external = nonLoopbackAddress();
        try (ConfigurableApplicationContext context = start()) {
            int port = port(context);

            assertReachable(InetAddress.getLoopbackAddress(), port);
            assertThatThrownBy(() -> connect(external, port)).isInstanceOf(IOException.class);
            assertThat(output.getOut()).contains("Listening on 127.0.0.1 only")
                    .contains("Set server.address");
        }
    }

    @Test
    void an_explicit_server_address_is_obeyed_with_the_demo_data() throws IOException {
        InetAddress external = nonLoopbackAddress();
        try (ConfigurableApplicationContext context = start("--server.address=0.0.0.0")) {
            assertReachable(external, port(context));
        }
    }

    @Test
    void an_external_database_never_gets_the_demo_data_and_the_server_listens_as_configured(@TempDir Path dir)
            throws Exception {
        InetAddress external = nonLoopbackAddress();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("create role gci_app login password 'app' nosuperuser nobypassrls noinherit");
            }
            int port = ApplicationProcess.freePort();
            ApplicationProcess application = ApplicationProcess.start(port, dir.resolve("app.log"), List.of(),
                    List.of("--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                            "--spring.datasource.username=gci_app", "--spring.datasource.password=app",
                            "--spring.liquibase.user=postgres", "--spring.liquibase.password=postgres",
                            "--app.data-dir=" + dir.resolve("data"), "--app.demo-data.enabled=true"));
            try {
                application.awaitServing(Duration.ofSeconds(180));

                JdbcClient owner = JdbcClient.create(postgres.getPostgresDatabase());
                assertThat(owner.sql("select count(*) from app_user").query(Long.class).single()).isZero();
                assertThat(owner.sql("select count(*) from project").query(Long.class).single()).isZero();
                assertThat(owner.sql("select count(*) from api_token").query(Long.class).single()).isZero();
                assertReachable(external, port);
                assertThat(application.log()).doesNotContain("Listening on 127.0.0.1 only");
            } finally {
                application.process().destroy();
                application.process().waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.com.giftcardimport.base=INFO"));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(Application.class).profiles("test").run(all.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static void assertReachable(InetAddress address, int port) throws IOException {
        connect(address, port);
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    /** An address of this machine other than loopback: where a neighbour on the network would connect. */
    private static InetAddress nonLoopbackAddress() throws IOException {
        List<InetAddress> addresses = NetworkInterface.networkInterfaces().filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).toList();
        assumeThat(addresses).as("a network address other than loopback").isNotEmpty();
        return addresses.getFirst();
    }
}
