package com.giftcardimport.importing.job;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.event.SchedulerListener.SchedulerEventType;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.Task;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * The cluster job engine: db-scheduler on the application's database (docs/decisions/cluster-job-engine.md).
 * Each node runs one scheduler, named uniquely ({@code app.cluster.node-name}, by default host, process and a random
 * suffix). It heartbeats the executions it runs; an execution whose heartbeats stop for
 * {@value #MISSED_HEARTBEATS} intervals is dead and revived for another node. The heartbeat interval is a tenth of
 * {@code app.cluster.takeover-within} (30 s), so a dead node's imports resume elsewhere within it: dead after four
 * intervals, found within two more, picked within the polling interval ({@code app.cluster.poll-interval}).
 * <p>
 * Scheduling goes through {@link #client()}, which joins the caller's transaction (a transaction-aware data source),
 * so an import marked RUNNING and its execution commit together. On stop (SIGTERM) the node takes no new imports,
 * ends its running ones at their next chunk boundary (rescheduled for another node) and stops its scheduler; a
 * start after a stop (a paused test context) starts a new one.
 */
@Component
class JobEngine implements SmartLifecycle {

    static final int MISSED_HEARTBEATS = 4;

    private static final Logger log = LoggerFactory.getLogger(JobEngine.class);

    private final DataSource dataSource;
    private final List<Task<?>> tasks;
    private final SchedulerClient client;
    private final JobRunner runner;
    private final UndoRunner undoRunner;
    private final int threads;
    private final String name;
    private final Duration takeoverWithin;
    private final Duration pollInterval;
    private final Duration shutdownWait;
    private volatile Scheduler scheduler;
    private volatile boolean running;

    JobEngine(DataSource dataSource, ImportTasks tasks, JobRunner runner, UndoRunner undoRunner,
              ImportSettings settings,
              @Value("${app.cluster.node-name:}") String nodeName,
              @Value("${app.cluster.takeover-within:30s}") Duration takeoverWithin,
              @Value("${app.cluster.poll-interval:1s}") Duration pollInterval,
              @Value("${app.cluster.shutdown-wait:30s}") Duration shutdownWait) {
        this.dataSource = new TransactionAwareDataSourceProxy(dataSource);
        this.tasks = tasks.all();
        this.client = SchedulerClient.Builder.create(this.dataSource, this.tasks).build();
        this.runner = runner;
        this.undoRunner = undoRunner;
        this.threads = settings.maxRunningJobs() + 2;
        this.name = nodeName.isBlank() ? defaultNodeName() : nodeName;
        this.takeoverWithin = takeoverWithin;
        this.pollInterval = pollInterval;
        this.shutdownWait = shutdownWait;
    }

    /** Schedules executions, inside the caller's transaction when there is one. */
    SchedulerClient client() {
        return client;
    }

    /** Whether this node takes imports now. */
    boolean accepting() {
        return running;
    }

    /** Looks for due executions now rather than at the next poll (after scheduling some). */
    void checkForDueExecutions() {
        Scheduler current = scheduler;
        if (running && current != null) {
            current.triggerCheckForDueExecutions();
        }
    }

    @Override
    public void start() {
        Duration heartbeat = takeoverWithin.dividedBy(10);
        Scheduler started = Scheduler.create(dataSource, tasks)
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(threads)
                .pollingInterval(pollInterval)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .enableImmediateExecution()
                .shutdownMaxWait(shutdownWait)
                .addSchedulerListener(new PickRevivedAtOnce())
                .build();
        runner.resume();
        undoRunner.resume();
        started.start();
        scheduler = started;
        running = true;
        log.info("Job engine node {} started: heartbeat every {}, takeover within {}", name, heartbeat,
                takeoverWithin);
    }

    @Override
    public void stop() {
        running = false;
        runner.stopAll();
        undoRunner.stopAll();
        Scheduler current = scheduler;
        if (current != null) {
            current.stop();
        }
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After a round of dead-execution detection that revived some, looks for them at once, not at the next poll. */
    private final class PickRevivedAtOnce extends AbstractSchedulerListener {
        private volatile boolean revived;

        @Override
        public void onExecutionDead(Execution execution) {
            revived = true;
        }

        @Override
        public void onSchedulerEvent(SchedulerEventType type) {
            if (type == SchedulerEventType.RAN_DETECT_DEAD && revived) {
                revived = false;
                checkForDueExecutions();
            }
        }
    }

    private static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String suffix = "-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 4);
        return (host.length() > 50 - suffix.length() ? host.substring(0, 50 - suffix.length()) : host) + suffix;
    }
}
