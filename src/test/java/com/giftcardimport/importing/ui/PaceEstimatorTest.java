package com.giftcardimport.importing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportProgress;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.project.ProjectId;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class PaceEstimatorTest {

    static final ImportJobId JOB = new ImportJobId(7);
    final MovingClock clock = new MovingClock();
    final PaceEstimator estimator = new PaceEstimator(clock);

    @Test
    void the_pace_is_estimating_until_the_events_span_a_few_seconds() {
        assertThat(estimator.pace(JOB).estimating()).isTrue();
        report(10_000, 100_000L);
        clock.advance(Duration.ofSeconds(2));
        report(20_000, 100_000L);

        assertThat(estimator.pace(JOB).estimating()).isTrue();
    }

    @Test
    void rows_per_second_and_time_left_come_from_the_recent_window() {
        report(0, 100_000L);
        clock.advance(Duration.ofSeconds(4));
        report(40_000, 100_000L);

        PaceEstimator.Pace pace = estimator.pace(JOB);
        assertThat(pace.rowsPerSecond()).hasValue(10_000.0);
        assertThat(pace.timeLeft()).hasValue(Duration.ofSeconds(6));
    }

    @Test
    void a_slow_start_is_forgotten_once_it_leaves_the_window() {
        report(0, 1_000_000L);
        clock.advance(Duration.ofSeconds(60));   // a slow first minute: 1,000 rows
        report(1_000, 1_000_000L);
        for (int second = 1; second <= 10; second++) {
            clock.advance(Duration.ofSeconds(1));
            report(1_000 + second * 50_000L, 1_000_000L);
        }

        PaceEstimator.Pace pace = estimator.pace(JOB);
        // measured since launch it would be about 7,300 rows/s; over the last 20 s it is the real 50,000
        assertThat(pace.rowsPerSecond()).hasValue(50_000.0);
        assertThat(pace.timeLeft()).hasValue(Duration.ofSeconds(10));
    }

    @Test
    void a_pause_longer_than_the_window_makes_it_estimate_again() {
        report(0, 100_000L);
        clock.advance(Duration.ofSeconds(5));
        report(50_000, 100_000L);
        clock.advance(PaceEstimator.WINDOW.plusSeconds(1));

        assertThat(estimator.pace(JOB).estimating()).isTrue();
    }

    @Test
    void without_a_total_or_past_the_estimate_there_is_a_rate_but_no_time_left() {
        report(0, null);
        clock.advance(Duration.ofSeconds(5));
        report(5_000, null);
        assertThat(estimator.pace(JOB).rowsPerSecond()).hasValue(1_000.0);
        assertThat(estimator.pace(JOB).timeLeft()).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        report(12_000, 10_000L);   // the estimate made at launch was too low
        assertThat(estimator.pace(JOB).timeLeft()).isEmpty();
    }

    @Test
    void an_ended_import_is_forgotten() {
        report(0, 100L);
        clock.advance(Duration.ofSeconds(5));
        estimator.record(progress(ImportStatus.COMPLETED, 100, 100L));

        assertThat(estimator.pace(JOB).estimating()).isTrue();
    }

    @Test
    void the_pace_reads_in_english_and_in_russian() {
        report(0, 1_000_000L);
        clock.advance(Duration.ofSeconds(10));
        report(123_450, 1_000_000L);
        PaceEstimator.Pace pace = estimator.pace(JOB);

        assertThat(PaceLine.text(pace, bundle(Locale.ENGLISH), Locale.ENGLISH))
                .isEqualTo("12,345 rows/s · 1 min 12 s left");
        assertThat(PaceLine.text(pace, bundle(Locale.forLanguageTag("ru")), Locale.forLanguageTag("ru")))
                .isEqualTo("12\u00a0345 строк/с · осталось 1 мин 12 с");
        assertThat(PaceLine.text(PaceEstimator.Pace.ESTIMATING, bundle(Locale.forLanguageTag("ru")),
                Locale.forLanguageTag("ru"))).isEqualTo("оцениваем…");
    }

    private static java.util.function.BiFunction<String, Object[], String> bundle(Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle("vaadin-i18n/translations", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return (key, args) -> args.length == 0 ? texts.getString(key)
                : new MessageFormat(texts.getString(key), locale).format(args);
    }

    private void report(long processed, Long total) {
        estimator.record(progress(ImportStatus.RUNNING, processed, total));
    }

    private ImportProgress progress(ImportStatus status, long processed, Long total) {
        return new ImportProgress(new ProjectId(1), JOB, status, processed, 0, total, processed + 1, clock.instant());
    }

    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-11-30T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
