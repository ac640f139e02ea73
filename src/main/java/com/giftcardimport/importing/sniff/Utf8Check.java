package com.giftcardimport.importing.sniff;

import com.giftcardimport.i18n.Text;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How much of a head reads as UTF-8, by the JDK's strict decoder: the bytes of malformed sequences, and the characters
 * beyond ASCII that did decode. A head with more such characters than bad bytes is UTF-8 with a few bad bytes in it:
 * if the detection chose another encoding for it, the user is told how many bytes and which encoding.
 *
 * @param invalidBytes bytes of malformed or unmappable sequences (an incomplete one at the end of a cut head is not
 *                     counted: its rest lies past the head)
 * @param validNonAscii characters beyond ASCII that decoded
 */
record Utf8Check(long invalidBytes, long validNonAscii) {

    static Utf8Check of(byte[] head, int length, boolean truncated) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head, 0, length);
        CharBuffer out = CharBuffer.allocate(8192);
        long invalid = 0;
        long nonAscii = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, !truncated);
            out.flip();
            while (out.hasRemaining()) {
                if (out.get() > 0x7f) {
                    nonAscii++;
                }
            }
            out.clear();
            if (result.isError()) {
                invalid += result.length();
                in.position(in.position() + result.length());
            } else if (result.isUnderflow()) {
                return new Utf8Check(invalid, nonAscii);
            }
        }
    }

    /** Whether this is UTF-8 with some bytes that are not. */
    boolean mostlyUtf8() {
        return invalidBytes > 0 && validNonAscii > invalidBytes;
    }

    /** What to tell the user when {@code chosen} was detected for such a head; null when there is nothing to tell. */
    Text warning(Charset chosen, boolean truncated) {
        if (!mostlyUtf8() || chosen.equals(StandardCharsets.UTF_8)) {
            return null;
        }
        String key = "fileWarning.notUtf8." + (truncated ? "head" : "file") + (invalidBytes == 1 ? "Byte" : "Bytes");
        return truncated ? Text.of(key, invalidBytes, FileSniffer.SAMPLE_BYTES >> 20, chosen.name())
                : Text.of(key, invalidBytes, chosen.name());
    }
}
