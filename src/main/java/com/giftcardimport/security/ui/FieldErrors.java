package com.giftcardimport.security.ui;

import com.giftcardimport.security.InvalidInputException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The errors of one form, each beside its field: the fields by the names a service's {@link InvalidInputException}
 * uses, and a line under the form for a message that belongs to no field.
 */
final class FieldErrors {

    private final Map<String, Consumer<String>> shows = new HashMap<>();
    private final List<Runnable> clears = new ArrayList<>();
    final Span other = line();

    /** A field that shows its own error (a text field, a combo box, a select). */
    FieldErrors field(String name, HasValidation field) {
        shows.put(name, message -> {
            field.setErrorMessage(message);
            field.setInvalid(true);
        });
        clears.add(() -> field.setInvalid(false));
        return this;
    }

    /** A field that cannot show an error itself (a checkbox): {@code line}, placed beside it, does. */
    FieldErrors field(String name, Span line) {
        shows.put(name, message -> {
            line.setText(message);
            line.setVisible(true);
        });
        clears.add(() -> line.setVisible(false));
        return this;
    }

    /** A line for an error, hidden until there is one. */
    static Span line() {
        Span line = new Span();
        line.addClassName("gci-problem");
        line.setVisible(false);
        return line;
    }

    /** Runs {@code action} after clearing the errors; answers whether it went through, else shows why. */
    boolean run(Runnable action) {
        clear();
        try {
            action.run();
            return true;
        } catch (InvalidInputException e) {
            e.errors().forEach(this::show);
            return false;
        } catch (IllegalArgumentException e) {
            show("", e.getMessage());
            return false;
        }
    }

    void show(String field, String message) {
        Consumer<String> show = shows.get(field);
        if (show == null) {
            other.setText(message);
            other.setVisible(true);
        } else {
            show.accept(message);
        }
    }

    void clear() {
        clears.forEach(Runnable::run);
        other.setText("");
        other.setVisible(false);
    }
}
