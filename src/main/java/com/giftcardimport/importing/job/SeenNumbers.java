package com.giftcardimport.importing.job;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The card numbers a whole-file check has met so far, each with the first row that had it, kept in memory up to a
 * budget of bytes: an open-addressing table of a 64-bit key and an {@code int} row per slot (12 bytes, the table at
 * most three quarters full). A number of up to 18 digits is its own key (its digits as an exact code); any other
 * number's bytes go to pages of 1 MB, and its key is a hash of them with their place. Nothing is a fingerprint: a
 * number is found again only when its digits or bytes are the same. A 16-digit number costs about 16 bytes, a
 * 22-character code about 39.
 * <p>
 * When the budget is spent, {@link #remember} answers {@link #FULL} for a number it does not hold: the caller keeps
 * that number elsewhere (the check's table in the database) and asks there too. A number of more than 255 UTF-8 bytes
 * is always left to the caller that way. A number is so either here or there, never in both.
 */
final class SeenNumbers {

    /** {@link #remember}'s answer for a number met now for the first time, and remembered. */
    static final long FIRST = 0;
    /** {@link #remember}'s answer for a number not held, that there is no room left to remember. */
    static final long FULL = -1;

    private static final int SLOT_BYTES = Long.BYTES + Integer.BYTES;
    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    /** Set in the key of a number kept as bytes; never in a digit code (18 digits stay below 2^63). */
    private static final long TEXT = Long.MIN_VALUE;
    /** The longest number kept as bytes (its length is one byte). */
    private static final int MAX_BYTES = 255;

    private final long budgetBytes;
    private long[] keys = new long[1 << 10];
    private int[] rows = new int[1 << 10];
    private int size;
    private final List<byte[]> pages = new ArrayList<>();
    private int pageUsed = PAGE_SIZE;
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
        byte[] bytes = code == 0 ? number.getBytes(StandardCharsets.UTF_8) : null;
        if (bytes != null && bytes.length > MAX_BYTES) {
            return FULL;    // never held here: always left to the caller's table
        }
        long probe = code != 0 ? code : TEXT | ((long) (Arrays.hashCode(bytes) & 0x7fffffff) << 32);
        int slot = slotOf(probe, bytes);
        if (keys[slot] != 0) {
            return rows[slot];
        }
        if (full || row > Integer.MAX_VALUE || !roomFor(bytes)) {
            full = true;
            return FULL;
        }
        long key = code != 0 ? code : probe | store(bytes);
        slot = slotOf(key, bytes);
        keys[slot] = key;
        rows[slot] = (int) row;
        size++;
        return FIRST;
    }

    /** The slot holding the number, or the empty slot where it belongs (linear probing). */
    private int slotOf(long probe, byte[] bytes) {
        int mask = keys.length - 1;
        int slot = (int) mix(probe >>> (bytes == null ? 0 : 32)) & mask;
        while (keys[slot] != 0 && !same(keys[slot], probe, bytes)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private boolean same(long key, long probe, byte[] bytes) {
        if (bytes == null) {
            return key == probe;
        }
        if ((key & 0xffffffff00000000L) != (probe & 0xffffffff00000000L)) {
            return false;
        }
        int place = (int) key;
        byte[] page = pages.get(place >>> PAGE_BITS);
        int at = place & (PAGE_SIZE - 1);
        return (page[at] & 0xff) == bytes.length
                && Arrays.equals(page, at + 1, at + 1 + bytes.length, bytes, 0, bytes.length);
    }

    /** Whether one more number fits the budget, growing the table (and adding a page) as needed. */
    private boolean roomFor(byte[] bytes) {
        boolean grow = (size + 1) * 4L > keys.length * 3L;
        boolean newPage = bytes != null && pageUsed + 1 + bytes.length > PAGE_SIZE;
        long needed = (long) (grow ? keys.length * 2 : keys.length) * SLOT_BYTES
                + (long) (pages.size() + (newPage ? 1 : 0)) * PAGE_SIZE;
        if (needed > budgetBytes || (newPage && pages.size() >= 1 << (31 - PAGE_BITS))) {
            return false;
        }
        if (grow) {
            grow();
        }
        return true;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            long key = oldKeys[i];
            if (key != 0) {
                int slot = (int) mix(key >>> ((key & TEXT) != 0 ? 32 : 0)) & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                rows[slot] = oldRows[i];
            }
        }
    }

    /** Copies the bytes, after their length, to the current page; answers their place. */
    private long store(byte[] bytes) {
        if (pageUsed + 1 + bytes.length > PAGE_SIZE) {
            pages.add(new byte[PAGE_SIZE]);
            pageUsed = 0;
        }
        byte[] page = pages.getLast();
        page[pageUsed] = (byte) bytes.length;
        System.arraycopy(bytes, 0, page, pageUsed + 1, bytes.length);
        long place = ((long) (pages.size() - 1) << PAGE_BITS) | pageUsed;
        pageUsed += 1 + bytes.length;
        return place;
    }

    /** How many numbers are remembered. */
    int size() {
        return size;
    }

    /** Whether a number could not be remembered for lack of room. */
    boolean isFull() {
        return full;
    }

    /**
     * A string of 1 to 18 ASCII digits as a distinct positive code: bijective base ten, each digit counted as 1 to
     * 10, so {@code "7"} and {@code "07"} differ, and the largest, eighteen nines, stays below 2^63. Zero for
     * anything else.
     */
    static long digitsCode(String number) {
        int length = number.length();
        if (length == 0 || length > 18) {
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

    /** Spreads a key's bits over the table (the finalizer of SplitMix64). */
    private static long mix(long key) {
        long z = key;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
