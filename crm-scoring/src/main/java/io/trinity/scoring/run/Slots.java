package io.trinity.scoring.run;

import java.util.Arrays;

/**
 * Gives each customer id seen in a stream of rows a dense slot (0, 1, 2, … in order of first sight) through an
 * open-addressing hash table of primitives, so per-customer totals can be summed into plain arrays while rows
 * arrive in any order.
 */
final class Slots {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] slots;
    private long[] ids = new long[1024];
    private int size;

    Slots(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        slots = new int[capacity];
        Arrays.fill(keys, EMPTY);
    }

    /** The slot of {@code id}, assigning the next one on first sight. */
    int of(long id) {
        int mask = keys.length - 1;
        int i = hash(id) & mask;
        while (true) {
            long key = keys[i];
            if (key == id) {
                return slots[i];
            }
            if (key == EMPTY) {
                keys[i] = id;
                slots[i] = size;
                if (size == ids.length) {
                    ids = Arrays.copyOf(ids, size * 2);
                }
                ids[size] = id;
                size++;
                if (size * 2 > keys.length) {
                    grow();
                }
                return size - 1;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    long id(int slot) {
        return ids[slot];
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = hash(oldKeys[j]) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                slots[i] = oldSlots[j];
            }
        }
    }

    private static int hash(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
