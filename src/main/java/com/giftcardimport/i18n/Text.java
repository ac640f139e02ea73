package com.giftcardimport.i18n;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;
import org.springframework.context.MessageSourceResolvable;

/**
 * A message for people as a key of the texts bundle and its arguments, said in whichever language the reader needs:
 * a service or a validator makes it, a view says it with {@code getTranslation(text.key(), text.args())}, the API
 * with Spring's {@code MessageSource} (a {@code Text} is a {@link MessageSourceResolvable}), a stored row error
 * keeps key and arguments and is said in the reader's language when read. Arguments are kept as text, so that a
 * stored message reads back exactly as it was made.
 */
public record Text(String key, List<String> arguments) implements MessageSourceResolvable, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String BUNDLE = "vaadin-i18n/translations";
    /** Marks an argument that is itself a key, said in the same language (a private-use character). */
    private static final char REFERENCE = '\uE000';

    public Text {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A text needs a key");
        }
        arguments = List.copyOf(arguments);
    }

    /** The text of {@code key} with {@code arguments}, each turned into its {@code String.valueOf}. */
    public static Text of(String key, Object... arguments) {
        return new Text(key, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    /** An argument that is itself a key, said in the reader's language too: {@code ref("refusal.field.POOL")}. */
    public static String ref(String key) {
        return REFERENCE + key;
    }

    /** The arguments as {@code getTranslation(key, args)} takes them. */
    public Object[] args() {
        return arguments.toArray();
    }

    /** The same text with each argument replaced by {@code change} (e.g. a card number masked). */
    public Text withArguments(UnaryOperator<String> change) {
        return new Text(key, arguments.stream().map(change).toList());
    }

    /** Said in {@code locale} (English for a language the product does not speak), straight from the bundle. */
    public String in(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Languages.closest(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key + arguments;
        }
        if (arguments.isEmpty()) {
            return pattern;
        }
        MessageFormat format = new MessageFormat(pattern, locale);
        return format.format(typed(format));
    }

    /**
     * The arguments, a number where the pattern formats one ({@code {1,number,integer}}: {@code 10,000} in English,
     * {@code 10 000} in Russian), else the text as kept (a card number is never grouped).
     */
    private Object[] typed(MessageFormat format) {
        Object[] typed = args();
        Format[] formats = format.getFormatsByArgumentIndex();
        for (int i = 0; i < typed.length; i++) {
            String argument = arguments.get(i);
            if (!argument.isEmpty() && argument.charAt(0) == REFERENCE) {
                typed[i] = new Text(argument.substring(1), List.of()).in(format.getLocale());
            } else if (i < formats.length && formats[i] instanceof NumberFormat) {
                try {
                    typed[i] = new BigDecimal(argument);
                } catch (NumberFormatException e) {
                    // not a number after all: said as it was kept
                }
            }
        }
        return typed;
    }

    /** Said in English: what logs and the {@code message} of stored rows written before the texts were keyed hold. */
    public String english() {
        return in(Languages.ENGLISH);
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return args();
    }

    @Override
    public String getDefaultMessage() {
        return null;
    }
}
