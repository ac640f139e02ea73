package com.giftcardimport.importing.job;

import java.util.HashMap;
import java.util.Map;

/**
 * The card numbers a whole-file check has met so far, each with the first row that had it, kept in memory up to a
 * budget of bytes. A number of up to 19 digits (what card numbers are) costs one slot of an open-addressing table:
 * the digits as an exact 64-bit code and the row as an {@code int}, 12 bytes, the table at most three quarters full.
 * Any other number (letters, dashes, longer) is kept as text in a map, at about 120 bytes. Nothing is hashed to a
 * fingerprint: a number is found again only when it is the same number.
 * <p>
 * When the budget is spent, {@link #remember} answers {@link #FULL} for a number it does not hold: the caller keeps
 * that number elsewhere (the check's table in the database) and asks there too.
 */
final class SeenNumbers {

    /** {@link #remember}'s answer for a number met now for the first time, and remembered. */
    static final long FIRST = 0;
    /** {@link #remember}'s answer for a number not held, that there is no room left to remember. */
    static final long FULL = -1;

    private static final int SLOT_BYTES = Long.BYTES + Integer.BYTES;
    private static final int TEXT_BYTES = 120;
    private static final int MIN_SLOTS = 1 << 10;

    private final long budgetBytes;
    private long[] codes = new long[MIN_SLOTS];
    private int[] rows = new int[MIN_SLOTS];
    private int size;
    private final Map<String, Integer> texts = new HashMap<>();
    private boolean full;

    SeenNumbers(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /**
     * The first row that had {@code number}, when a row before {@code row} had it; otherwise remembers {@code row}
     * as its first and answers {@link #FIRST}, or {@link #FULL} when there is no room to remember it.
     */
    long remember(String number, long row) {
        long code = digitsCode(number);
        if (code == 0 || row > Integer.MAX_VALUE) {
            return rememberText(number, row);
        }
        int slot = slotOf(code);
        if (codes[slot] == code) {
            return rows[slot];
        }
        if (full || !roomForOneMore()) {
            return FULL;
        }
        slot = slotOf(code);
        codes[slot] = code;
        rows[slot] = (int) row;
        size++;
        return FIRST;
    }

    private long rememberText(String number, long row) {
        Integer first = texts.get(number);
        if (first != null) {
            return first;
        }
        if (full || row > Integer.MAX_VALUE || usedBytes() + TEXT_BYTES + 2L * number.length() > budgetBytes) {
            full = true;
            return FULL;
        }
        texts.put(number, (int) row);
        return FIRST;
    }

    /** Grows the table when it would be more than three quarters full; false when that would pass the budget. */
    private boolean roomForOneMore() {
        if ((size + 1) * 4L <= codes.length * 3L) {
            return true;
        }
        long grown = codes.length * 2L;
        if (grown * SLOT_BYTES + (long) texts.size() * TEXT_BYTES > budgetBytes) {
            full = true;
            return false;
        }
        long[] oldCodes = codes;
        int[] oldRows = rows;
        codes = new long[(int) grown];
        rows = new int[(int) grown];
        for (int i = 0; i < oldCodes.length; i++) {
            if (oldCodes[i] != 0) {
                int slot = slotOf(oldCodes[i]);
                codes[slot] = oldCodes[i];
                rows[slot] = oldRows[i];
            }
        }
        return true;
    }

    /** The slot holding {@code code}, or the empty slot where it belongs (linear probing). */
    private int slotOf(long code) {
        int mask = codes.length - 1;
        int slot = (int) mix(code) & mask;
        while (codes[slot] != 0 && codes[slot] != code) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private long usedBytes() {
        return (long) codes.length * SLOT_BYTES + (long) texts.size() * TEXT_BYTES;
    }

    /** How many numbers are remembered. */
    int size() {
        return size + texts.size();
    }

    /** Whether a number could not be remembered for lack of room. */
    boolean isFull() {
        return full;
    }

    /**
     * A string of 1 to 19 ASCII digits as a distinct non-zero 64-bit code (unsigned): bijective base ten, each
     * digit counted as 1 to 10, so {@code "7"} and {@code "07"} differ, and the largest, nineteen nines, stays
     * below 2^64. Zero for anything else.
     */
    static long digitsCode(String number) {
        int length = number.length();
        if (length == 0 || length > 19) {
            return 0;
        }
        long code = 0;
        for (int i = 0; i < length; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            code = code * 10 + (c - '0' + 1);
        }
        return code;
    }

    /** Spreads a code's bits over the table (the finalizer of SplitMix64). */
    private static long mix(long code) {
        long z = code;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
