package com.giftcardimport.importing;

import com.giftcardimport.i18n.Text;
import java.util.List;
import java.util.Locale;

/**
 * A launch was refused before any job was made: a problem of the file (not text, no header, unreadable) or of the
 * mapping (a required field with no column, a field twice, a mapping that does not fit the header).
 */
public class ImportRefusedException extends RuntimeException {

    private final List<String> problems;
    private final transient List<Text> texts;

    /** Problems said in English only. */
    public ImportRefusedException(List<String> problems) {
        this(problems, List.of());
    }

    private ImportRefusedException(List<String> problems, List<Text> texts) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.texts = List.copyOf(texts);
    }

    /** Problems said in the reader's language ({@link #problemsIn}). */
    public static ImportRefusedException because(List<Text> texts) {
        return new ImportRefusedException(texts.stream().map(Text::english).toList(), texts);
    }

    /** What keeps the import from being launched, in words for the user (in English). */
    public List<String> problems() {
        return problems;
    }

    /** What keeps the import from being launched, in {@code locale} where the problems have keys. */
    public List<String> problemsIn(Locale locale) {
        return texts.isEmpty() ? problems : texts.stream().map(t -> t.in(locale)).toList();
    }
}
