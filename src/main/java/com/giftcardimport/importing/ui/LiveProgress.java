package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportProgress;
import com.giftcardimport.importing.ImportProgressBus;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.ImportSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Span;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server push for one view, the Vaadin way (STYLE habit 8): subscribes when the view attaches (in the request
 * thread, where the user and the UI are known), unsubscribes when it detaches, and hands events to the UI through
 * {@link UI#access}. Events that arrive while an update is still waiting for the UI lock are merged (the newest
 * state of each job wins), so a page gets at most one pending update however many jobs report; the bus already
 * limits each job to about four events a second. Every event also feeds a {@link PaceEstimator}, so that the page can
 * show the rows per second and the time left of a running import ({@link #paceLine}).
 */
final class LiveProgress implements Serializable {

    private static final Logger log = LoggerFactory.getLogger(LiveProgress.class);

    private final transient Function<Consumer<ImportProgress>, ImportProgressBus.Subscription> subscribe;
    private final transient Consumer<List<ImportProgress>> onUi;
    private final transient Map<ImportJobId, ImportProgress> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final transient PaceEstimator pace = new PaceEstimator(Clock.systemUTC());
    private transient ImportProgressBus.Subscription subscription;
    private transient volatile UI ui;

    private LiveProgress(Function<Consumer<ImportProgress>, ImportProgressBus.Subscription> subscribe,
                         Consumer<List<ImportProgress>> onUi) {
        this.subscribe = subscribe;
        this.onUi = onUi;
    }

    /**
     * Keeps {@code view} subscribed while it is attached.
     *
     * @param subscribe how to subscribe, e.g. {@code imports::subscribe}; called on attach in the request thread
     * @param onUi      runs in the UI (lock held) with the newest event of each job that reported
     */
    static LiveProgress bind(Component view, Function<Consumer<ImportProgress>, ImportProgressBus.Subscription> subscribe,
                             Consumer<List<ImportProgress>> onUi) {
        LiveProgress live = new LiveProgress(subscribe, onUi);
        view.addAttachListener(event -> live.start(event.getUI()));
        view.addDetachListener(event -> live.stop());
        return live;
    }

    /** Subscribes again (the view now shows something else, e.g. another import), if it is attached. */
    void resubscribe() {
        UI attachedTo = ui;
        if (attachedTo != null) {
            start(attachedTo);
        }
    }

    /**
     * The rows per second and time left of {@code job} under its progress bar while it runs ("estimating…" until
     * enough of it was seen on this page); an empty, hidden line otherwise.
     */
    Span paceLine(ImportSummary job) {
        Span line = PaceLine.of(pace.pace(job.id()));
        line.setVisible(job.status() == ImportStatus.RUNNING);
        return line;
    }

    private void start(UI attachedTo) {
        stop();
        ui = attachedTo;
        subscription = subscribe.apply(this::offer);
    }

    private void stop() {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
        ui = null;
        pending.clear();
        scheduled.set(false);
    }

    /** Called on the bus's thread. */
    private void offer(ImportProgress progress) {
        UI target = ui;
        if (target == null) {
            return;
        }
        pace.record(progress);
        pending.merge(progress.jobId(), progress, (older, newer) -> newer.at().isBefore(older.at()) ? older : newer);
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            target.access(this::deliver);
        } catch (UIDetachedException e) {
            log.debug("Progress for a detached UI dropped");
            scheduled.set(false);
        }
    }

    /** Runs with the UI lock held. */
    private void deliver() {
        scheduled.set(false);
        List<ImportProgress> batch = new ArrayList<>();
        for (ImportJobId id : List.copyOf(pending.keySet())) {
            ImportProgress progress = pending.remove(id);
            if (progress != null) {
                batch.add(progress);
            }
        }
        if (!batch.isEmpty() && ui != null) {
            onUi.accept(batch);
        }
    }
}
