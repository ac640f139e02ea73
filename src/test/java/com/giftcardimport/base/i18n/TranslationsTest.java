package com.giftcardimport.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two bundles ({@code src/main/resources/vaadin-i18n/translations[_ru].properties}) say the same things: every
 * key in both, the same placeholders on both sides, each text a valid message, the Russian one really Russian.
 */
class TranslationsTest {

    private static final Path ENGLISH = Path.of("src/main/resources/vaadin-i18n/translations.properties");
    private static final Path RUSSIAN = Path.of("src/main/resources/vaadin-i18n/translations_ru.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    /** Keys whose Russian text is rightly the same as the English one (names, not sentences). */
    private static final Set<String> SAME_IN_BOTH = Set.of("shell.language.en", "shell.language.ru",
            "cards.column.cvv", "imports.filter.fromHelper");
    /** Keys that hold example data (the template's cells), not sentences. */
    private static final String EXAMPLE_DATA = "template.example.";

    @Test
    void every_key_exists_in_english_and_in_russian() {
        Properties english = load(ENGLISH);
        Properties russian = load(RUSSIAN);

        assertThat(difference(english, russian)).as("keys in English only").isEmpty();
        assertThat(difference(russian, english)).as("keys in Russian only").isEmpty();
    }

    @Test
    void a_key_has_the_same_placeholders_in_both_languages() {
        Properties english = load(ENGLISH);
        Properties russian = load(RUSSIAN);
        List<String> different = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            if (russian.containsKey(key)
                    && !placeholders(english.getProperty(key)).equals(placeholders(russian.getProperty(key)))) {
                different.add(key);
            }
        }
        assertThat(different).isEmpty();
    }

    @Test
    void every_text_with_placeholders_is_a_valid_message_whose_quotes_are_doubled() {
        List<String> broken = new ArrayList<>();
        for (Path file : List.of(ENGLISH, RUSSIAN)) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (placeholders(text).isEmpty()) {
                    continue;
                }
                try {
                    MessageFormat format = new MessageFormat(text, Locale.ROOT);
                    Object[] arguments = new Object[format.getFormatsByArgumentIndex().length];
                    for (int i = 0; i < arguments.length; i++) {
                        arguments[i] = format.getFormatsByArgumentIndex()[i] instanceof NumberFormat ? 1000 : "a";
                    }
                    String formatted = format.format(arguments);
                    if (text.replace("''", "").contains("'") || formatted.contains("{")) {
                        broken.add(file.getFileName() + ": " + key);
                    }
                } catch (IllegalArgumentException e) {
                    broken.add(file.getFileName() + ": " + key + " (" + e.getMessage() + ")");
                }
            }
        }
        assertThat(broken).as("a text with {0} is read by MessageFormat: a single quote must be written ''").isEmpty();
    }

    @Test
    void every_russian_text_is_written_in_russian() {
        Properties russian = load(RUSSIAN);
        List<String> notRussian = russian.stringPropertyNames().stream()
                .filter(key -> !SAME_IN_BOTH.contains(key) && !key.startsWith(EXAMPLE_DATA))
                .filter(key -> russian.getProperty(key).codePoints()
                        .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC))
                .sorted().toList();
        assertThat(notRussian).isEmpty();
    }

    @Test
    void every_key_is_under_an_area_header_once() throws IOException {
        for (Path file : List.of(ENGLISH, RUSSIAN)) {
            List<String> keys = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.substring(0, line.indexOf('='))).toList();
            assertThat(keys).as("%s: a key written twice", file.getFileName()).doesNotHaveDuplicates();
        }
    }

    static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Set<String> difference(Properties a, Properties b) {
        Set<String> keys = new TreeSet<>(a.stringPropertyNames());
        keys.removeAll(b.stringPropertyNames());
        return keys;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
