package com.giftcardimport.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL as an attacker on the same machine meets it (SPEC §10): a real server in a fresh data
 * directory, started the way the application starts it, probed over TCP and for a Unix socket.
 */
class EmbeddedDatabaseAccessTest {

    @TempDir
    static Path dataDir;

    static EmbeddedDatabase database;

    @BeforeAll
    static void start() {
        database = EmbeddedDatabase.start(dataDir.resolve("postgres"), false, EmbeddedDatabase.Settings.DURABLE);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void the_passwords_are_generated_on_the_first_start_and_kept_owner_only_in_the_data_directory()
            throws IOException {
        Path file = database.directory().resolve(DatabaseCredentials.FILE_NAME);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database.directory())))
                .isEqualTo("rwx------");
        Properties kept = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            kept.load(reader);
        }
        assertThat(kept.getProperty("owner.password")).isEqualTo(database.ownerPassword()).hasSizeGreaterThan(30);
        assertThat(kept.getProperty("app.password")).isEqualTo(database.appPassword()).hasSizeGreaterThan(30)
                .isNotEqualTo(database.ownerPassword());
    }

    @Test
    void pg_hba_requires_a_scram_password_of_every_role_and_trusts_nobody() throws IOException {
        List<String> rules = Files.readAllLines(database.directory().resolve("pg_hba.conf")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
        assertThat(String.join("\n", rules)).doesNotContain("trust", "peer", "ident", "password ", "md5");
    }

    @Test
    void connecting_without_a_password_or_with_a_wrong_one_over_tcp_is_refused_for_every_role() {
        for (String role : List.of(EmbeddedDatabase.OWNER, EmbeddedDatabaseConfiguration.APP_ROLE, "nobody")) {
            assertRefused(role, null);
            assertRefused(role, "");
            assertRefused(role, "postgres");
            assertRefused(role, "wrong");
        }
    }

    @Test
    void the_generated_passwords_do_log_in() throws SQLException {
        try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.OWNER,
                database.ownerPassword());
             Connection app = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabaseConfiguration.APP_ROLE,
                     database.appPassword())) {
            assertThat(show(owner, "password_encryption")).isEqualTo("scram-sha-256");
            assertThat(show(app, "current_user")).isEqualTo(EmbeddedDatabaseConfiguration.APP_ROLE);
        }
    }

    @Test
    void the_server_listens_on_loopback_only_and_has_no_unix_socket() throws Exception {
        try (Connection owner = owner()) {
            assertThat(show(owner, "listen_addresses")).isEqualTo("localhost");
            assertThat(show(owner, "unix_socket_directories")).isEmpty();
        }
        int port = database.server().getPort();
        for (Path directory : List.of(Path.of("/tmp"), Path.of("/var/run/postgresql"), database.directory())) {
            Path socket = directory.resolve(".s.PGSQL." + port);
            assertThat(socket).doesNotExist();
            assertThatThrownBy(() -> {
                try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    channel.connect(UnixDomainSocketAddress.of(socket));
                }
            }).as("a Unix socket at %s", socket).isInstanceOf(IOException.class);
        }
        for (InetAddress address : nonLoopbackAddresses()) {
            assertThatThrownBy(() -> {
                try (Socket tcp = new Socket()) {
                    tcp.connect(new InetSocketAddress(address, port), 2000);
                }
            }).as("TCP on %s", address).isInstanceOf(IOException.class);
        }
    }

    @Test
    void writes_are_durable_fsync_and_synchronous_commit_on() throws SQLException {
        try (Connection owner = owner()) {
            assertThat(show(owner, "fsync")).isEqualTo("on");
            assertThat(show(owner, "synchronous_commit")).isEqualTo("on");
            assertThat(show(owner, "full_page_writes")).isEqualTo("on");
        }
    }

    private static void assertRefused(String role, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", role);
        if (password != null) {
            properties.setProperty("password", password);
        }
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), properties).close())
                .as("%s with password %s", role, password)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.OWNER, database.ownerPassword());
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery(setting.equals("current_user") ? "select current_user"
                     : "show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        return NetworkInterface.networkInterfaces().filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address)
                .toList();
    }
}
