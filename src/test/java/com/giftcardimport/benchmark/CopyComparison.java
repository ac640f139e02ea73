package com.giftcardimport.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL's own {@code COPY} of an import's cards on the database of an application started by {@link AppProcess}
 * on the embedded default, connected as the database's owner (the embedded server's superuser {@code postgres}).
 * The cards are exported once, as the table stores them ({@code COPY (select …) TO STDOUT}, untimed); each timed
 * {@code COPY … FROM STDIN (FORMAT csv)} loads them into a new empty table of the same shape as {@code gift_card}
 * ({@code LIKE gift_card INCLUDING ALL} plus the same foreign keys, as {@link ImportBenchmark}), after a checkpoint.
 */
final class CopyComparison implements AutoCloseable {

    private static final String COLUMNS = "project_id, pool_id, card_number, cvv_encrypted, balance, "
            + "point_of_contact, purchased_at, expires_at, status, import_job_id, import_row_number";
    private static final String OWNER = "postgres";

    private final Connection connection;
    private final CopyManager copy;
    private final CpuMeter cpu;
    private final Path copyFile;

    private CopyComparison(Connection connection, Path copyFile) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.copyFile = copyFile;
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            this.cpu = new CpuMeter(rs.getLong(1));
        }
    }

    /**
     * Connects to the embedded server of the data directory {@code dataDir}: its port from
     * {@code postgres/postmaster.pid}; as {@code postgres}, with the password {@code postgres} or, when the server
     * asks for another, the owner's password from the credentials file of the data directory.
     */
    static CopyComparison open(Path dataDir, Path copyFile) throws IOException, SQLException {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres";
        SQLException refused = null;
        for (String password : passwords(dataDir)) {
            try {
                return new CopyComparison(DriverManager.getConnection(url, OWNER, password), copyFile);
            } catch (SQLException e) {
                refused = e;
            }
        }
        throw refused;
    }

    /**
     * The owner's password: {@code postgres} on a data directory of a version before generated passwords, else
     * {@code owner.password} of the credentials file the application keeps beside the server's files.
     */
    private static List<String> passwords(Path dataDir) throws IOException {
        List<String> passwords = new ArrayList<>(List.of(OWNER));
        Path credentials = dataDir.resolve("postgres").resolve("gci-credentials.properties");
        if (Files.isRegularFile(credentials)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(credentials)) {
                properties.load(reader);
            }
            passwords.addFirst(properties.getProperty("owner.password"));
        }
        return passwords;
    }

    /** Writes the cards of import {@code jobId} as the table stores them, in row order, to the COPY file. */
    void exportCards(long jobId) throws SQLException, IOException {
        try (Writer out = Files.newBufferedWriter(copyFile, StandardCharsets.UTF_8)) {
            copy.copyOut("copy (select " + COLUMNS + " from gift_card where import_job_id = " + jobId
                    + " order by import_row_number) to stdout (format csv)", out);
        }
    }

    /** Loads the exported cards with COPY into a new empty table of the shape of {@code gift_card}; seconds. */
    double timeCopy(long rows) throws SQLException, IOException {
        execute("drop table if exists benchmark_copy");
        execute("create table benchmark_copy (like gift_card including all)");
        execute("""
                alter table benchmark_copy
                    add foreign key (project_id) references project (id) on delete cascade,
                    add foreign key (project_id, pool_id) references pool (project_id, id),
                    add foreign key (project_id, import_job_id) references import_job (project_id, id)
                """);
        checkpoint();
        double cpuBefore = databaseCpuSeconds();
        long start = System.nanoTime();
        long copied;
        try (Reader in = Files.newBufferedReader(copyFile, StandardCharsets.UTF_8)) {
            copied = copy.copyIn("copy benchmark_copy (" + COLUMNS + ") from stdin (format csv)", in);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "copy: %.1f s; CPU: database %.1f s%n", seconds,
                databaseCpuSeconds() - cpuBefore);
        assertThat(copied).isEqualTo(rows);
        execute("drop table benchmark_copy");
        return seconds;
    }

    /** Removes every card, so that the next import loads into an empty table as the first did. */
    void emptyGiftCards() throws SQLException {
        execute("truncate gift_card cascade");
    }

    void checkpoint() throws SQLException {
        execute("checkpoint");
    }

    /** CPU seconds used so far by the database server (all its processes). */
    double databaseCpuSeconds() {
        return cpu.databaseSeconds();
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
