package com.giftcardimport.importing.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BiFunction;

/** The pace of a running import in words, in the user's language: "1,234 rows/s · 3 min 20 s left". */
final class PaceLine {

    private PaceLine() {
    }

    /** A line under a progress bar. */
    static Span of(PaceEstimator.Pace pace) {
        Span line = new Span();
        line.addClassName("gci-pace");
        line.addClassName("gci-muted");
        UI ui = UI.getCurrent();
        line.setText(text(pace, line::getTranslation, ui == null ? Locale.getDefault() : ui.getLocale()));
        return line;
    }

    /**
     * @param translate key and arguments to text, e.g. a component's {@code getTranslation}
     */
    static String text(PaceEstimator.Pace pace, BiFunction<String, Object[], String> translate, Locale locale) {
        if (pace.estimating()) {
            return translate.apply("progress.pace.estimating", new Object[0]);
        }
        String rate = translate.apply("progress.pace.rate",
                new Object[] {NumberFormat.getIntegerInstance(locale).format(Math.round(pace.rowsPerSecond().get()))});
        return pace.timeLeft()
                .map(left -> translate.apply("progress.pace.rateAndLeft", new Object[] {rate, left(left, translate)}))
                .orElse(rate);
    }

    /** "45 s", "3 min 20 s", "2 h 05 min". */
    private static String left(Duration left, BiFunction<String, Object[], String> translate) {
        long seconds = Math.max(1, left.toSeconds());
        if (seconds < 60) {
            return translate.apply("progress.left.seconds", new Object[] {Long.toString(seconds)});
        }
        if (seconds < 3600) {
            return translate.apply("progress.left.minutes",
                    new Object[] {Long.toString(seconds / 60), String.format(Locale.ROOT, "%02d", seconds % 60)});
        }
        return translate.apply("progress.left.hours", new Object[] {Long.toString(seconds / 3600),
                String.format(Locale.ROOT, "%02d", (seconds % 3600) / 60)});
    }
}
