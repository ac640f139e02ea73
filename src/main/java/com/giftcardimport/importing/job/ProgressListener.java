package com.giftcardimport.importing.job;

import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportProgress;
import com.giftcardimport.importing.ImportProgressBus;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.project.ProjectId;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings every import's progress to this node's {@link ImportProgressBus}, whichever node runs the import: the
 * database announces each committed change of a job row on the channel {@value #CHANNEL} (a trigger, see
 * {@code 050-cluster-jobs.sql}), and this listener LISTENs on a dedicated connection of its own (not one of the
 * pool's), named {@value #APPLICATION_NAME}. When that connection drops it connects again, every second until it
 * succeeds.
 */
@Component
class ProgressListener implements SmartLifecycle {

    static final String CHANNEL = "gci_import_progress";
    static final String APPLICATION_NAME = "gci-progress-listener";
    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);
    private static final int POLL_MILLIS = 250;
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final ImportProgressBus bus;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    ProgressListener(DataSource dataSource, ImportProgressBus bus) {
        this.dataSource = dataSource;
        this.bus = bus;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("import-progress-listener").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the listener is connected and LISTENing now. */
    boolean isListening() {
        return listening;
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                listening = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            publish(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    log.warn("Import progress listener lost its connection ({}); connecting again", e.toString());
                    awaitReconnect();
                }
            } finally {
                listening = false;
            }
        }
    }

    private void awaitReconnect() {
        try {
            Thread.sleep(RECONNECT_AFTER);   // a back-off between attempts; stop() interrupts it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(String payload) {
        try {
            JsonNode node = json.readTree(payload);
            JsonNode total = node.get("total");
            bus.publish(new ImportProgress(new ProjectId(node.get("project").asLong()),
                    new ImportJobId(node.get("job").asLong()), ImportStatus.valueOf(node.get("status").asString()),
                    node.get("imported").asLong(), node.get("failed").asLong(),
                    total == null || total.isNull() ? null : total.asLong(), node.get("lastRow").asLong(),
                    Instant.ofEpochMilli(node.get("at").asLong()),
                    node.has("unchanged") ? node.get("unchanged").asLong() : 0));
        } catch (RuntimeException e) {
            log.warn("Ignored an import progress notice that could not be read: {}", e.toString());
        }
    }

    /** A connection of its own, with the pool's settings: LISTEN holds it for as long as the node runs. */
    private Connection connect() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            Properties properties = new Properties();
            properties.putAll(pool.getDataSourceProperties());
            if (pool.getUsername() != null) {
                properties.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                properties.setProperty("password", pool.getPassword());
            }
            properties.setProperty("ApplicationName", APPLICATION_NAME);
            return DriverManager.getConnection(pool.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }
}
