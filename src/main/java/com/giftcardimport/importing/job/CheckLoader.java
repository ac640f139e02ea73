package com.giftcardimport.importing.job;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.security.TenantScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The check's half of a {@link ChunkLoader}: takes the same {@link Chunk}s from the same {@link ChunkProducer}, and
 * instead of loading the cards finds the rows that would fail against stored cards (taken numbers; for a status update,
 * unknown ones) and against the file's earlier rows, and keeps every failed row in {@code import_check_error}. Creates
 * nothing else. The file's card numbers seen so far live in a temporary table of the one connection the check holds
 * for its whole run (each chunk is a transaction of its own, scoped to the project), so memory stays bounded
 * whatever the file, and the table goes with the connection whatever happens.
 */
final class CheckLoader implements AutoCloseable {

    /** What one chunk came to. */
    record Checked(long valid, long failed, long rowsRead) {
    }

    private static final String CREATE_STAGING = """
            create temp table gci_check_staging (
                card_number        varchar(64) not null,
                import_row_number  bigint      not null
            ) on commit drop
            """;

    private static final String CREATE_SEEN = """
            create temp table gci_check_seen (
                card_number  varchar(64) primary key,
                row_number   bigint      not null
            )
            """;

    /** Memory for the check's temporary tables, at most, per check running (PostgreSQL takes it as needed). */
    private static final String TEMP_BUFFERS = "128MB";

    private final Connection connection;
    private final CopyManager copy;
    private final JobLayout layout;
    private final boolean createsCards;

    CheckLoader(DataSource dataSource, JobLayout layout, boolean createsCards) throws SQLException {
        this.layout = layout;
        this.createsCards = createsCards;
        this.connection = dataSource.getConnection();
        try {
            roomForTemporaryTables(connection);
            connection.setAutoCommit(false);
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (Statement st = connection.createStatement()) {
                st.execute("drop table if exists gci_check_seen");
                st.execute(CREATE_SEEN);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Gives the numbers seen so far room in memory ({@code temp_buffers}, 8 MB by default; a million numbers with
     * their index take about 100 MB, which would otherwise be written out and read back). PostgreSQL allows it only
     * before the session's first temporary table: a pooled connection that had one keeps its setting.
     */
    private static void roomForTemporaryTables(Connection connection) {
        try (Statement st = connection.createStatement()) {
            st.execute("set temp_buffers = '" + TEMP_BUFFERS + "'");
        } catch (SQLException e) {
            // the session used temporary tables already: the check runs with the buffers it has
        }
    }

    /**
     * Checks one chunk in one transaction: its duplicates against stored cards and earlier rows become row errors of
     * the chunk, the chunk's errors are kept, and the check's counters move on.
     */
    Checked check(Chunk chunk) throws SQLException {
        try {
            scope();
            long duplicates = 0;
            if (chunk.cardCount() > 0) {
                try (Statement st = connection.createStatement()) {
                    st.execute(CREATE_STAGING);
                }
                ChunkLoader.copyIn(copy, "copy gci_check_staging (card_number, import_row_number) from stdin"
                        + " (format binary)", chunk.cards());
                duplicates = findFailures(chunk);
                try (Statement st = connection.createStatement()) {
                    st.execute("insert into gci_check_seen select card_number, import_row_number from gci_check_staging"
                            + " on conflict do nothing");
                }
            }
            storeErrors(chunk);
            long valid = chunk.cardCount() - duplicates;
            try (PreparedStatement st = connection.prepareStatement("""
                    update import_check
                       set checked_rows = checked_rows + ?, valid_rows = valid_rows + ?, failed_rows = failed_rows + ?,
                           updated_at = now()
                     where project_id = ? and id = ?
                    """)) {
                st.setLong(1, chunk.rowsRead());
                st.setLong(2, valid);
                st.setLong(3, chunk.failedRows());
                st.setLong(4, layout.projectId());
                st.setLong(5, layout.jobId());
                st.executeUpdate();
            }
            connection.commit();
            return new Checked(valid, chunk.failedRows(), chunk.rowsRead());
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * The chunk's valid rows that would fail at load: a number a stored card has (adding cards), a number no stored card
     * has (a status update), a number an earlier row of the file had. The same messages as the loader's.
     */
    private long findFailures(Chunk chunk) throws SQLException {
        // only the rows that fail come back: a taken number or an earlier row's (adding), an unknown card or an
        // earlier row's (a status update)
        String sql = "select import_row_number, stored, first_row from (select s.import_row_number,"
                + " exists (select 1 from gift_card g where g.project_id = ? and g.card_number = s.card_number)"
                + " as stored, seen.row_number as first_row"
                + " from gci_check_staging s left join gci_check_seen seen on seen.card_number = s.card_number) r"
                + " where first_row is not null or stored = ?"
                + " order by import_row_number";
        long failures = 0;
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setLong(1, layout.projectId());
            st.setBoolean(2, createsCards);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long row = rs.getLong(1);
                    boolean stored = rs.getBoolean(2);
                    Long firstRow = (Long) rs.getObject(3);
                    if (createsCards && (stored || firstRow != null)) {
                        chunk.addDuplicate(row, !stored, firstRow);
                        failures++;
                    } else if (!createsCards && (!stored || firstRow != null)) {
                        chunk.addStatusFailure(row, stored ? firstRow : null);
                        failures++;
                    }
                }
            }
        }
        return failures;
    }

    /** The chunk's failed rows into {@code import_check_error}, through a temporary table (row-level security). */
    private void storeErrors(Chunk chunk) throws SQLException {
        if (!chunk.hasErrors()) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute(ChunkLoader.CREATE_ERROR_STAGING);
            ChunkLoader.copyIn(copy, "copy gci_error_staging (" + Chunk.ERROR_COLUMNS + ") from stdin (format binary)",
                    chunk.errors());
            st.execute("insert into import_check_error (check_id, project_id, row_number, seq, column_name, value, code,"
                    + " message, original_row, message_key, message_args) select " + Chunk.ERROR_COLUMNS + " from gci_error_staging");
        }
    }

    /** Ends the check: COMPLETED with its total, or FAILED with the reason (said in the reader's language). */
    void finish(boolean completed, Long totalRows, Text failure) throws SQLException {
        try {
            scope();
            try (PreparedStatement st = connection.prepareStatement("""
                    update import_check set status = ?, total_rows = ?, failure_message = ?, failure_message_key = ?,
                                            failure_message_args = ?, finished_at = now(), updated_at = now()
                     where project_id = ? and id = ?
                    """)) {
                st.setString(1, completed ? "COMPLETED" : "FAILED");
                st.setObject(2, totalRows);
                st.setString(3, ImportJobRepository.english(failure));
                st.setString(4, ImportJobRepository.key(failure));
                st.setArray(5, failure == null ? null
                        : connection.createArrayOf("text", ImportJobRepository.arguments(failure)));
                st.setLong(6, layout.projectId());
                st.setLong(7, layout.jobId());
                st.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The transaction sees and writes the check's project only (row-level security). */
    private void scope() throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("select set_config('" + TenantScope.SETTING
                + "', ?, true)")) {
            st.setString(1, Long.toString(layout.projectId()));
            st.execute();
        }
    }

    @Override
    public void close() throws SQLException {
        try (Statement st = connection.createStatement()) {
            connection.rollback();
            st.execute("drop table if exists gci_check_seen");
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
            connection.close();
        }
    }
}
