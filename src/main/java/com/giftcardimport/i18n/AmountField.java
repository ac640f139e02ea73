package com.giftcardimport.i18n;

import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A text field for an amount of money, read in the user's locale by {@link LocalizedAmount}: both decimal marks
 * where the locale allows, spaces between thousands. While typing, its helper line says what it understood
 * ({@code Read as 1 000,00}); text that is not an amount without guessing is refused with the reason, never scaled.
 * Bind it with {@code binder.forField(field).withConverter(field.converter())}.
 */
public class AmountField extends TextField {

    private String hint = "";

    public AmountField(String label) {
        super(label);
        setValueChangeMode(ValueChangeMode.LAZY);
        addValueChangeListener(event -> {
            if (event.isFromClient()) {
                showReading();
            }
        });
    }

    /** The helper line shown before anything is typed; what was understood is added after it. */
    public void setHint(String hint) {
        this.hint = hint;
        setHelperText(hint);
    }

    /** Text ↔ amount in the locale of the UI, for a {@code Binder}. */
    public Converter<String, BigDecimal> converter() {
        return new Converter<>() {
            @Override
            public Result<BigDecimal> convertToModel(String text, ValueContext context) {
                try {
                    return Result.ok(LocalizedAmount.parse(text, locale(context)));
                } catch (AmountNotUnderstoodException e) {
                    return Result.error(getTranslation(locale(context), e.key(), e.arguments()));
                }
            }

            @Override
            public String convertToPresentation(BigDecimal amount, ValueContext context) {
                return amount == null ? "" : LocalizedAmount.format(amount, locale(context));
            }
        };
    }

    private Locale locale(ValueContext context) {
        return context.getLocale().orElseGet(this::getLocale);
    }

    private void showReading() {
        String reading = "";
        try {
            BigDecimal amount = LocalizedAmount.parse(getValue(), getLocale());
            if (amount != null) {
                reading = getTranslation("amount.readAs", LocalizedAmount.format(amount, getLocale()));
            }
        } catch (AmountNotUnderstoodException e) {
            // the binder shows why; the helper line keeps the hint only
        }
        setHelperText(hint.isEmpty() || reading.isEmpty() ? hint + reading : hint + " · " + reading);
    }
}
