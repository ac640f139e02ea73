package com.giftcardimport.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.ApplicationProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §10: after the application is killed, the next start succeeds at the first attempt. The application runs as
 * a process of its own on its embedded PostgreSQL in a data directory of this test; {@code kill -9} leaves that
 * PostgreSQL running and holding the directory, which used to fail the next start ("Gave up waiting for server to
 * start after 10000ms").
 */
class RestartAfterKillIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    final List<ApplicationProcess> applications = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (ApplicationProcess application : applications) {
            application.process().destroy();
            if (!application.process().waitFor(90, TimeUnit.SECONDS)) {
                application.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        postmaster().ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void after_a_kill_9_the_next_start_succeeds_at_the_first_attempt() throws Exception {
        int port = ApplicationProcess.freePort();
        ApplicationProcess first = start(port, "first-run.log");
        first.awaitServing(START_TIMEOUT);
        ProcessHandle orphan = postmaster().orElseThrow();

        first.process().destroyForcibly();
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(orphan.isAlive()).as("the killed run's PostgreSQL still runs and holds the directory").isTrue();

        ApplicationProcess second = start(port, "second-run.log");
        second.awaitServing(START_TIMEOUT);

        assertThat(second.log()).contains("left running by an earlier run still holds")
                .doesNotContain("Gave up waiting");
        assertThat(orphan.isAlive()).isFalse();
        assertThat(postmaster()).isPresent().get().isNotEqualTo(orphan);
    }

    private ApplicationProcess start(int port, String logName) throws IOException {
        ApplicationProcess application = ApplicationProcess.start(port, dir.resolve(logName), List.of(),
                List.of("--app.data-dir=" + dir.resolve("data"), "--app.demo-data.enabled=false"));
        applications.add(application);
        return application;
    }

    /** The PostgreSQL running on the test's data directory, from its {@code postmaster.pid}. */
    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dir.resolve("data").resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().strip()))
                .filter(ProcessHandle::isAlive);
    }
}
