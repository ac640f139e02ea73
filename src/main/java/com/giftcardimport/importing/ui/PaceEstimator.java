package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rows per second and the time left of running imports, from the progress events a page receives. The rate is
 * measured over the last {@link #WINDOW} (not since launch, so a slow start or a pause does not distort it for
 * long) and is only given once the events it rests on span at least {@link #MINIMUM_SPAN}; before that the pace is
 * "estimating". Events are timed on arrival with the given clock. Thread-safe: events arrive on the bus's thread,
 * while the page reads the pace in the UI.
 */
final class PaceEstimator {

    static final Duration WINDOW = Duration.ofSeconds(20);
    static final Duration MINIMUM_SPAN = Duration.ofSeconds(3);

    private record Sample(Instant at, long processed) {
    }

    private record Track(Deque<Sample> samples, Long total) {
    }

    private final Clock clock;
    private final Map<ImportJobId, Track> tracks = new HashMap<>();

    PaceEstimator(Clock clock) {
        this.clock = clock;
    }

    /** Takes a progress event into account; an ended import is forgotten. */
    synchronized void record(ImportProgress progress) {
        if (progress.status().isFinal()) {
            tracks.remove(progress.jobId());
            return;
        }
        Instant now = clock.instant();
        Track track = tracks.get(progress.jobId());
        Deque<Sample> samples = track == null ? new ArrayDeque<>() : track.samples();
        if (!samples.isEmpty() && samples.getLast().processed() > progress.processed()) {
            samples.clear();   // an older event overtaken by a newer one: start again rather than go backwards
        }
        samples.addLast(new Sample(now, progress.processed()));
        tracks.put(progress.jobId(), new Track(samples, progress.totalOrEstimate()));
        forgetOld(samples, now);
    }

    /** The pace of a running import now: "estimating" until enough of it was seen. */
    synchronized Pace pace(ImportJobId job) {
        Track track = tracks.get(job);
        if (track == null) {
            return Pace.ESTIMATING;
        }
        Instant now = clock.instant();
        forgetOld(track.samples(), now);
        if (track.samples().size() < 2) {
            return Pace.ESTIMATING;
        }
        Sample first = track.samples().getFirst();
        Sample last = track.samples().getLast();
        Duration span = Duration.between(first.at(), last.at());
        if (span.compareTo(MINIMUM_SPAN) < 0) {
            return Pace.ESTIMATING;
        }
        double rowsPerSecond = (last.processed() - first.processed()) * 1000.0 / span.toMillis();
        Duration left = null;
        if (track.total() != null && rowsPerSecond > 0 && track.total() > last.processed()) {
            long seconds = (long) Math.ceil((track.total() - last.processed()) / rowsPerSecond);
            left = Duration.ofSeconds(seconds);
        }
        return new Pace(Optional.of(rowsPerSecond), Optional.ofNullable(left));
    }

    private static void forgetOld(Deque<Sample> samples, Instant now) {
        Instant oldest = now.minus(WINDOW);
        while (!samples.isEmpty() && samples.getFirst().at().isBefore(oldest)) {
            samples.removeFirst();
        }
    }

    /**
     * How fast an import goes.
     *
     * @param rowsPerSecond empty while estimating
     * @param timeLeft      empty while estimating, and when the total is unknown or already passed (an estimate)
     */
    record Pace(Optional<Double> rowsPerSecond, Optional<Duration> timeLeft) {

        static final Pace ESTIMATING = new Pace(Optional.empty(), Optional.empty());

        boolean estimating() {
            return rowsPerSecond.isEmpty();
        }
    }
}
