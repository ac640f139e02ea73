package com.giftcardimport.importing.job;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a PostgreSQL {@code COPY ... FROM STDIN (FORMAT binary)} stream in memory, one chunk at a time, so that
 * the server does no text parsing (numbers, dates) at all. Only the types the loader needs. Not thread-safe.
 */
final class PgBinaryCopy {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in seconds since 1970. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final int TEXT_OID = 25;

    private byte[] buf;
    private int len;
    private int rows;
    private boolean finished;

    PgBinaryCopy(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
        reset();
    }

    /** Starts over with an empty stream (keeps the buffer). */
    void reset() {
        len = 0;
        rows = 0;
        finished = false;
        put(SIGNATURE, 0, SIGNATURE.length);
        int32(0);   // flags
        int32(0);   // header extension length
    }

    int rows() {
        return rows;
    }

    int size() {
        return len;
    }

    /** The finished stream, trailer included; valid until the next write or reset. */
    byte[] buffer() {
        return buf;
    }

    /** Appends the trailer (once); answers the number of bytes to send from {@link #buffer()}. */
    int finish() {
        if (!finished) {
            int16(-1);
            finished = true;
        }
        return len;
    }

    PgBinaryCopy row(int fieldCount) {
        rows++;
        int16(fieldCount);
        return this;
    }

    PgBinaryCopy nul() {
        int32(-1);
        return this;
    }

    PgBinaryCopy int8(long value) {
        int32(8);
        int64(value);
        return this;
    }

    PgBinaryCopy int4(int value) {
        int32(4);
        int32(value);
        return this;
    }

    /** text / varchar, or null. */
    PgBinaryCopy text(String value) {
        if (value == null) {
            return nul();
        }
        int at = len;
        int32(0);   // length, patched below
        int start = len;
        utf8(value);
        patchInt32(at, len - start);
        return this;
    }

    PgBinaryCopy bytea(byte[] value) {
        if (value == null) {
            return nul();
        }
        int32(value.length);
        put(value, 0, value.length);
        return this;
    }

    /** timestamptz, or null. */
    PgBinaryCopy timestamptz(Instant value) {
        if (value == null) {
            return nul();
        }
        long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L),
                value.getNano() / 1000);
        return int8(micros);
    }

    private static final long[] POW10 = {1, 10, 100, 1000, 10000};

    /** numeric, or null: base-10000 digits, weight, sign and display scale. */
    PgBinaryCopy numeric(BigDecimal value) {
        if (value == null) {
            return nul();
        }
        if (value.scale() >= 0 && value.scale() <= 4 && value.unscaledValue().bitLength() <= 48) {
            return smallNumeric(value.unscaledValue().longValue(), value.scale());
        }
        int scale = Math.max(0, value.scale());
        BigDecimal scaled = value.setScale(scale);
        BigInteger unscaled = scaled.unscaledValue();
        int sign = unscaled.signum() < 0 ? 0x4000 : 0x0000;
        String digits = unscaled.abs().toString();
        String intPart = digits.length() > scale ? digits.substring(0, digits.length() - scale) : "0";
        String fracPart = digits.length() >= scale ? digits.substring(digits.length() - scale)
                : "0".repeat(scale - digits.length()) + digits;
        int intGroups = (intPart.length() + 3) / 4;
        int fracGroups = (fracPart.length() + 3) / 4;
        String paddedInt = "0".repeat(intGroups * 4 - intPart.length()) + intPart;
        String paddedFrac = fracPart + "0".repeat(fracGroups * 4 - fracPart.length());
        short[] groups = new short[intGroups + fracGroups];
        for (int i = 0; i < intGroups; i++) {
            groups[i] = Short.parseShort(paddedInt.substring(i * 4, i * 4 + 4));
        }
        for (int i = 0; i < fracGroups; i++) {
            groups[intGroups + i] = Short.parseShort(paddedFrac.substring(i * 4, i * 4 + 4));
        }
        int first = 0;
        int last = groups.length - 1;
        while (first <= last && groups[first] == 0) {
            first++;
        }
        while (last >= first && groups[last] == 0) {
            last--;
        }
        int ndigits = last - first + 1;
        int weight = ndigits == 0 ? 0 : intGroups - 1 - first;
        if (ndigits == 0) {
            sign = 0;
        }
        int32(8 + 2 * ndigits);
        int16(ndigits);
        int16(weight);
        int16(sign);
        int16(scale);
        for (int i = first; i <= last; i++) {
            int16(groups[i]);
        }
        return this;
    }

    /** The common case without BigInteger or strings: |unscaled| < 2^48, scale 0 to 4. */
    private PgBinaryCopy smallNumeric(long unscaled, int scale) {
        int sign = unscaled < 0 ? 0x4000 : 0x0000;
        long v4 = Math.abs(unscaled) * POW10[4 - scale];
        short[] groups = new short[8];
        short[] integer = new short[6];
        int intCount = 0;
        for (long rest = v4 / 10000; rest > 0; rest /= 10000) {
            integer[intCount++] = (short) (rest % 10000);
        }
        int n = 0;
        for (int i = intCount - 1; i >= 0; i--) {
            groups[n++] = integer[i];
        }
        groups[n++] = (short) (v4 % 10000);
        int weight = intCount - 1;
        int first = 0;
        while (first < n && groups[first] == 0) {
            first++;
            weight--;
        }
        int last = n - 1;
        while (last >= first && groups[last] == 0) {
            last--;
        }
        int ndigits = last - first + 1;
        if (ndigits == 0) {
            weight = 0;
            sign = 0;
        }
        int32(8 + 2 * ndigits);
        int16(ndigits);
        int16(weight);
        int16(sign);
        int16(scale);
        for (int i = first; i <= last; i++) {
            int16(groups[i]);
        }
        return this;
    }

    /** text[] (one dimension), or null; null elements allowed. */
    PgBinaryCopy textArray(List<String> values) {
        if (values == null) {
            return nul();
        }
        int at = len;
        int32(0);   // length, patched below
        int start = len;
        int32(1);   // dimensions
        boolean hasNull = false;
        for (String value : values) {
            hasNull |= value == null;
        }
        int32(hasNull ? 1 : 0);
        int32(TEXT_OID);
        int32(values.size());
        int32(1);   // lower bound
        for (String value : values) {
            text(value);
        }
        patchInt32(at, len - start);
        return this;
    }

    private void utf8(String s) {
        int n = s.length();
        ensure(n);
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            buf[len++] = (byte) c;
        }
        if (i < n) {
            byte[] rest = s.substring(i).getBytes(StandardCharsets.UTF_8);
            put(rest, 0, rest.length);
        }
    }

    private void int16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    private void patchInt32(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    private void put(byte[] src, int off, int n) {
        ensure(n);
        System.arraycopy(src, off, buf, len, n);
        len += n;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
