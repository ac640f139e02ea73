package com.giftcardimport.importing.job;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.security.TenantScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The check's half of a {@link ChunkLoader}: takes the same {@link Chunk}s from the same {@link ChunkProducer}, and
 * instead of loading the cards finds the rows that would fail against stored cards (taken numbers; for a status update,
 * unknown ones) and against the file's earlier rows, and keeps every failed row in {@code import_check_error}. Creates
 * nothing else. The file's card numbers seen so far are kept in memory ({@link SeenNumbers}, up to
 * {@code app.import.check-memory}); past that budget, the numbers not held go to a temporary table of the one
 * connection the check holds for its whole run (each chunk is a transaction of its own, scoped to the project), so
 * memory stays bounded whatever the file, and the table goes with the connection whatever happens. The database is
 * asked, per chunk, only which numbers are stored.
 */
final class CheckLoader implements AutoCloseable {

    /** What one chunk came to. */
    record Checked(long valid, long failed, long rowsRead) {
    }

    private static final String CREATE_STAGING = """
            create temp table gci_check_staging (
                card_number        varchar(64) not null,
                import_row_number  bigint      not null
            ) on commit delete rows
            """;

    private static final String CREATE_SEEN = """
            create temp table gci_check_seen (
                card_number  varchar(64) primary key,
                row_number   bigint      not null
            )
            """;

    /**
     * The chunk's valid rows that would fail against the database: a number a stored card has (adding cards) or no
     * stored card has (a status update), and, for the rows whose numbers {@link SeenNumbers} had no room for, the
     * first earlier row in the table of seen numbers. Only those rows come back.
     */
    private static final String FIND_FAILURES = """
            select import_row_number, stored, first_row from (
                select s.import_row_number,
                       exists (select 1 from gift_card g where g.project_id = ? and g.card_number = s.card_number)
                           as stored,
                       case when s.import_row_number = any (?) then
                           (select seen.row_number from gci_check_seen seen where seen.card_number = s.card_number)
                       end as first_row
                  from gci_check_staging s) r
             where stored = ? or first_row is not null
            """;

    private static final String REMEMBER_IN_TABLE = """
            insert into gci_check_seen (card_number, row_number)
            select card_number, import_row_number from gci_check_staging where import_row_number = any (?)
            """;

    private final Connection connection;
    private final CopyManager copy;
    private final JobLayout layout;
    private final boolean createsCards;
    private final SeenNumbers seen;

    CheckLoader(DataSource dataSource, JobLayout layout, boolean createsCards, long memoryBytes) throws SQLException {
        this.layout = layout;
        this.createsCards = createsCards;
        this.seen = new SeenNumbers(memoryBytes);
        this.connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (Statement st = connection.createStatement()) {
                st.execute("drop table if exists gci_check_seen, gci_check_staging");
                st.execute(CREATE_SEEN);
                st.execute(CREATE_STAGING);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Checks one chunk in one transaction: its duplicates against stored cards and earlier rows become row errors of
     * the chunk, the chunk's errors are kept, and the check's counters move on.
     */
    Checked check(Chunk chunk) throws SQLException {
        try {
            scope();
            long failures = 0;
            if (chunk.cardCount() > 0) {
                Map<Long, Long> firstRows = new HashMap<>();
                List<Long> notHeld = remember(chunk, firstRows);
                ChunkLoader.copyIn(copy, "copy gci_check_staging (card_number, import_row_number) from stdin"
                        + " (format binary)", chunk.cards());
                failures = findFailures(chunk, firstRows, notHeld);
            }
            storeErrors(chunk);
            long valid = chunk.cardCount() - failures;
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
     * Looks the chunk's valid rows' numbers up among the numbers seen so far, in file order, and remembers them: an
     * earlier row found goes to {@code firstRows}; the rows whose numbers memory has no room for are answered, to be
     * looked up in the table (a repeat of one within the chunk is answered here).
     */
    private List<Long> remember(Chunk chunk, Map<Long, Long> firstRows) {
        List<Long> notHeld = new ArrayList<>();
        Map<String, Long> notHeldInChunk = new HashMap<>();
        for (int i = 0; i < chunk.cardCount(); i++) {
            long row = chunk.cardRowNumber(i);
            long first = seen.remember(chunk.cardNumber(i), row);
            if (first == SeenNumbers.FULL) {
                first = notHeldInChunk.getOrDefault(chunk.cardNumber(i), SeenNumbers.FULL);
            }
            if (first == SeenNumbers.FULL) {
                notHeldInChunk.put(chunk.cardNumber(i), row);
                notHeld.add(row);
            } else if (first != SeenNumbers.FIRST) {
                firstRows.put(row, first);
            }
        }
        return notHeld;
    }

    /**
     * Turns the chunk's valid rows that would fail at load into its row errors, with the loader's messages: a number
     * a stored card has or an earlier row of the file had (adding cards), a number no stored card has or an earlier
     * row had (a status update). {@code firstRows} holds the earlier rows found in memory; {@code notHeld} the rows
     * whose numbers memory had no room for, looked up (and then kept) in the table of seen numbers.
     */
    private long findFailures(Chunk chunk, Map<Long, Long> firstRows, List<Long> notHeld) throws SQLException {
        Set<Long> failingOnStore = new HashSet<>();
        try (PreparedStatement st = connection.prepareStatement(FIND_FAILURES)) {
            st.setLong(1, layout.projectId());
            st.setArray(2, connection.createArrayOf("bigint", notHeld.toArray()));
            st.setBoolean(3, createsCards);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long row = rs.getLong(1);
                    if (rs.getBoolean(2) == createsCards) {
                        failingOnStore.add(row);
                    }
                    Long firstRow = (Long) rs.getObject(3);
                    if (firstRow != null) {
                        firstRows.put(row, firstRow);
                    }
                }
            }
        }
        rememberInTable(notHeld, firstRows);
        SortedSet<Long> failing = new TreeSet<>(firstRows.keySet());
        failing.addAll(failingOnStore);
        for (long row : failing) {
            boolean stored = failingOnStore.contains(row) == createsCards;
            Long firstRow = firstRows.get(row);
            // a repeat within the chunk is a duplicate whatever is stored, as the import's chunk finds it first
            boolean inChunk = firstRow != null && firstRow >= chunk.cardRowNumber(0);
            if (createsCards) {
                chunk.addDuplicate(row, inChunk || !stored, firstRow);
            } else {
                chunk.addStatusFailure(row, inChunk || stored ? firstRow : null);
            }
        }
        return failing.size();
    }

    /** The rows whose numbers memory had no room for and the table did not have yet: into the table. */
    private void rememberInTable(List<Long> notHeld, Map<Long, Long> firstRows) throws SQLException {
        Object[] rows = notHeld.stream().filter(row -> !firstRows.containsKey(row)).toArray();
        if (rows.length == 0) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement(REMEMBER_IN_TABLE)) {
            st.setArray(1, connection.createArrayOf("bigint", rows));
            st.executeUpdate();
        }
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
            st.execute("drop table if exists gci_check_seen, gci_check_staging");
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
            connection.close();
        }
    }
}
