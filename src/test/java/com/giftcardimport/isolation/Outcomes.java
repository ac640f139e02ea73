package com.giftcardimport.isolation;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a call answered, as text that can be compared and searched: a value as its records print it, an exception as
 * its type and message. The ids the call was given are replaced by placeholders, so that "the answer for a foreign id"
 * and "the answer for an id that does not exist" compare equal when they are the same answer.
 */
final class Outcomes {

    private Outcomes() {
    }

    /** The answer of {@code call}, or what it threw. */
    static String of(Callable<?> call) {
        try {
            return describe(call.call());
        } catch (Throwable t) {
            return describe(t);
        }
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Throwable t) {
            return "threw " + t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(v -> "Optional[" + describe(v) + "]").orElse("Optional.empty");
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(Outcomes::describe).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> describe(e.getKey()) + "=" + describe(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Record || value instanceof CharSequence || value instanceof Number
                || value instanceof Boolean || value instanceof Enum<?>) {
            return String.valueOf(value);
        }
        Class<?>[] interfaces = value.getClass().getInterfaces();
        return "a " + (interfaces.length > 0 ? interfaces[0].getSimpleName() : value.getClass().getSimpleName());
    }

    /** {@code text} with every whole occurrence of each of {@code ids} replaced by a placeholder. */
    static String withoutIds(String text, List<String> ids) {
        String result = text;
        for (int i = 0; i < ids.size(); i++) {
            Pattern whole = Pattern.compile("(?<![\\w.-])" + Pattern.quote(ids.get(i)) + "(?![\\w-])");
            result = whole.matcher(result).replaceAll(Matcher.quoteReplacement("<id>"));
        }
        return result;
    }
}
