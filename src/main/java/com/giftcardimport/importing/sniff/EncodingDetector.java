package com.giftcardimport.importing.sniff;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells the encoding of a file from its head: a byte-order mark wins; else text that is valid UTF-8 (a character
 * cut by the end of the sample allowed) is UTF-8; else, when the bytes above 0x7F come in runs the way Cyrillic
 * words do, the Cyrillic encoding that decodes them into the most plausible Russian text (Windows-1251 winning
 * ties); else ICU4J's guess, Windows-1252 when it has none.
 *
 * <p>ICU4J alone is not enough for our files: its n-gram statistics need a lot of text, and a short Windows-1251
 * header such as {@code НОМЕР;ПУЛ;БАЛАНС} gets no Cyrillic candidate at all, or KOI8-R.
 */
final class EncodingDetector {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset[] CYRILLIC = {
            WINDOWS_1251, Charset.forName("KOI8-R"), Charset.forName("IBM866"), Charset.forName("ISO-8859-5")};

    private EncodingDetector() {
    }

    /** The byte-order mark at the start of {@code head}: its charset and length, or null. */
    record Bom(Charset charset, int length) {
    }

    static Bom bom(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return new Bom(StandardCharsets.UTF_8, 3);
        }
        if (length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return new Bom(StandardCharsets.UTF_16LE, 2);
        }
        if (length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return new Bom(StandardCharsets.UTF_16BE, 2);
        }
        return null;
    }

    /**
     * UTF-16 without a byte-order mark: most characters are ASCII, so one byte of each pair is zero. Null when
     * the zero bytes do not fall that way.
     */
    static Charset utf16WithoutBom(byte[] head, int length) {
        if (length < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        int pairs = length / 2;
        for (int i = 0; i + 1 < length; i += 2) {
            if (head[i] == 0) {
                evenZeros++;
            }
            if (head[i + 1] == 0) {
                oddZeros++;
            }
        }
        if (oddZeros * 10L >= pairs * 6L && evenZeros * 20L <= pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 10L >= pairs * 6L && oddZeros * 20L <= pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** The encoding of a head without a byte-order mark that is not UTF-16. */
    static Charset detect(byte[] head, int length, boolean truncated) {
        if (isUtf8(head, length, truncated)) {
            return StandardCharsets.UTF_8;
        }
        if (looksCyrillic(head, length)) {
            return bestCyrillic(head, length);
        }
        return icu(head, length);
    }

    /**
     * Whether the bytes are valid UTF-8 (ASCII included), as the JDK's strict decoder judges it: well-formed
     * sequences, no overlong forms, no surrogates, nothing above U+10FFFF. When the head was cut from a longer file,
     * an incomplete sequence at its very end is allowed (the decoder is told more input may follow).
     */
    static boolean isUtf8(byte[] b, int length, boolean truncated) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(b, 0, length), CharBuffer.allocate(length), !truncated);
        return !result.isError();
    }

    /**
     * Whether the bytes above 0x7F mostly stand next to each other, as the letters of Cyrillic words do in any
     * single-byte Cyrillic encoding; accented letters of Western European text mostly stand alone.
     */
    static boolean looksCyrillic(byte[] b, int length) {
        int high = 0;
        int inRuns = 0;
        for (int i = 0; i < length; i++) {
            if (b[i] >= 0) {
                continue;
            }
            high++;
            if ((i > 0 && b[i - 1] < 0) || (i + 1 < length && b[i + 1] < 0)) {
                inRuns++;
            }
        }
        return high > 0 && inRuns * 10L >= high * 6L;
    }

    /**
     * Decodes the head with each Cyrillic encoding and scores how Russian the result reads: a point per letter of
     * the Russian (or Ukrainian, Belarusian) alphabet, a penalty per other letter, symbol or undefined byte, and per
     * lower-case letter directly followed by an upper-case one (what case-swapped decodings produce). Windows-1251
     * wins ties.
     */
    static Charset bestCyrillic(byte[] b, int length) {
        Charset best = WINDOWS_1251;
        long bestScore = Long.MIN_VALUE;
        int sample = Math.min(length, 64 * 1024);
        for (Charset charset : CYRILLIC) {
            long score = cyrillicScore(decode(b, sample, charset));
            if (score > bestScore) {
                bestScore = score;
                best = charset;
            }
        }
        return best;
    }

    private static long cyrillicScore(String text) {
        long score = 0;
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                previous = c;
                continue;
            }
            if (isCommonCyrillic(c)) {
                score++;
                if (Character.isUpperCase(c) && Character.isLowerCase(previous)) {
                    score -= 2;
                }
            } else if (Character.isLetter(c)) {
                score -= 2;
            } else if (c != '№' && c != '«' && c != '»' && c != '–' && c != '—' && c != '\u00a0' && c != '…'
                    && c != '“' && c != '”' && c != '„') {
                score -= 3;
            }
            previous = c;
        }
        return score;
    }

    private static boolean isCommonCyrillic(char c) {
        return (c >= 'А' && c <= 'я') || c == 'Ё' || c == 'ё' || c == 'І' || c == 'і' || c == 'Ї' || c == 'ї'
                || c == 'Є' || c == 'є' || c == 'Ґ' || c == 'ґ' || c == 'Ў' || c == 'ў';
    }

    private static Charset icu(byte[] b, int length) {
        byte[] sample = length == b.length ? b : java.util.Arrays.copyOf(b, length);
        CharsetDetector detector = new CharsetDetector();
        detector.setText(sample);
        for (CharsetMatch match : detector.detectAll()) {
            String name = match.getName();
            if (name.startsWith("UTF-") || match.getConfidence() < 10 || !Charset.isSupported(name)) {
                continue;
            }
            Charset charset = Charset.forName(name);
            if (charset.name().equals("ISO-8859-1")) {
                return WINDOWS_1252;
            }
            return charset;
        }
        return WINDOWS_1252;
    }

    static String decode(byte[] b, int length, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(b, 0, length));
            return chars.toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
