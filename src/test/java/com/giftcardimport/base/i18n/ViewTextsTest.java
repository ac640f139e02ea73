package com.giftcardimport.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Views speak through the bundle: no user-visible string literal in a view's source, and every key a view asks for
 * exists. A view is any class of a {@code ui} package under {@code src/main/java}.
 *
 * <p>How a literal is judged, so that the test neither misses texts nor cries wolf: the source is read with its
 * comments and the insides of its literals masked; a literal counts as a text for people when it holds a letter and
 * a space, a capitalised word or Cyrillic; it does not count when it is an argument of a technical call (CSS class,
 * id, style, size, element attribute, JavaScript, route, theme, column key, log line) or of an annotation, or when
 * it is the key given to {@code getTranslation}.
 */
class ViewTextsTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /** Calls whose string arguments are for the machine, not for people. */
    private static final Set<String> TECHNICAL_CALLS = Set.of("addClassName", "addClassNames", "removeClassName",
            "setClassName", "setId", "setWidth", "setHeight", "setMinWidth", "setMaxWidth", "setMinHeight",
            "setMaxHeight", "set", "setAttribute", "removeAttribute", "getAttribute", "setProperty", "executeJs",
            "callJsFunction", "setKey", "getColumnByKey", "getTranslation", "navigate", "forwardTo", "rerouteTo",
            "setTarget", "setConfirmButtonTheme", "setCancelButtonTheme", "setThemeName", "addThemeNames",
            "ResponsiveStep", "setAllowedCharPattern", "setPattern", "setColspan", "addEventListener", "debug",
            "info", "warn", "error", "trace", "log", "Anchor", "setHref", "matches", "equals", "startsWith",
            "setFlexBasis", "setAriaLabelledBy", "ofPattern", "IllegalArgumentException", "IllegalStateException",
            "Workbook");

    private static final Pattern VISIBLE = Pattern.compile(".*(\\p{L}\\s+\\S|\\p{IsCyrillic}|^[A-Z][a-z]{2,}).*",
            Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_]+)+\\.?");

    @Test
    void no_view_holds_a_text_for_people_as_a_string_literal() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path view : views()) {
            for (JavaLiterals.Literal literal : JavaLiterals.read(Files.readString(view, StandardCharsets.UTF_8))) {
                if (VISIBLE.matcher(literal.value()).matches() && !literal.inAnnotation()
                        && !TECHNICAL_CALLS.contains(literal.call())) {
                    found.add(relative(view) + ":" + literal.line() + " \"" + literal.value() + "\"");
                }
            }
        }
        assertThat(found).as("texts for people in views: put them in the bundle and call getTranslation").isEmpty();
    }

    @Test
    void every_key_a_view_asks_for_exists_in_the_bundle() throws IOException {
        Properties english = TranslationsTest.load(Path.of("src/main/resources/vaadin-i18n/translations.properties"));
        List<String> missing = new ArrayList<>();
        for (Path view : views()) {
            for (JavaLiterals.Literal literal : JavaLiterals.read(Files.readString(view, StandardCharsets.UTF_8))) {
                String key = literal.value();
                if (!"getTranslation".equals(literal.call()) || !KEY.matcher(key).matches()) {
                    continue;
                }
                boolean exists = key.endsWith(".")
                        ? english.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                        : english.containsKey(key);
                if (!exists) {
                    missing.add(relative(view) + ":" + literal.line() + " " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void the_check_finds_a_text_for_people_and_lets_technical_strings_pass() {
        String source = """
                class Sample {
                    @Route("pools")
                    Sample() {
                        add(new Button("Save"));                      // a text: found
                        addClassName("gci-muted");                   // technical
                        setWidth("min(40rem, 95vw)");                // technical, despite the space
                        String title = getTranslation("pool.title");  // a key
                        // Notification.show("Not in a comment")
                        label.setText("Имя");                        // Cyrillic: found
                    }
                }
                """;
        List<String> texts = JavaLiterals.read(source).stream()
                .filter(l -> VISIBLE.matcher(l.value()).matches() && !l.inAnnotation()
                        && !TECHNICAL_CALLS.contains(l.call()))
                .map(JavaLiterals.Literal::value).toList();
        assertThat(texts).containsExactly("Save", "Имя");
    }

    private static List<Path> views() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.getParent().getFileName().toString().equals("ui"))
                    .sorted().toList();
        }
    }

    private static String relative(Path file) {
        return SOURCES.resolve("com/giftcardimport").relativize(file).toString().replace('\\', '/');
    }
}
