package com.giftcardimport.importing.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;

/** The wizard's visible stepper: numbered steps, the current one highlighted, done ones ticked. Plain CSS. */
final class WizardStepper extends Div {

    private final List<Div> steps = new ArrayList<>();
    private final List<Span> numbers = new ArrayList<>();
    private int current;

    WizardStepper(List<String> titles) {
        addClassName("gci-stepper");
        getElement().setAttribute("role", "list");
        for (int i = 0; i < titles.size(); i++) {
            Span number = new Span(Integer.toString(i + 1));
            number.addClassName("gci-step-number");
            Span title = new Span(titles.get(i));
            title.addClassName("gci-step-title");
            Div step = new Div(number, title);
            step.addClassName("gci-step");
            step.getElement().setAttribute("role", "listitem");
            steps.add(step);
            numbers.add(number);
            add(step);
        }
        setCurrent(0);
    }

    void setCurrent(int index) {
        current = index;
        for (int i = 0; i < steps.size(); i++) {
            String state = i < index ? "done" : i == index ? "current" : "todo";
            steps.get(i).getElement().setAttribute("data-state", state);
            numbers.get(i).setText(i < index ? "✓" : Integer.toString(i + 1));
            if (i == index) {
                steps.get(i).getElement().setAttribute("aria-current", "step");
            } else {
                steps.get(i).getElement().removeAttribute("aria-current");
            }
        }
    }

    int current() {
        return current;
    }

    /** For tests: the state of step {@code index} ("done", "current" or "todo"). */
    String stateOf(int index) {
        return steps.get(index).getElement().getAttribute("data-state");
    }
}
