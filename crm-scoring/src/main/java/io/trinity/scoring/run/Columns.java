package io.trinity.scoring.run;

import java.util.Arrays;

/** Growable primitive columns, so reading a million rows costs arrays, not a million objects. */
final class Columns {

    private Columns() {
    }

    static final class Longs {
        long[] values = new long[1024];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    static final class Doubles {
        double[] values = new double[1024];
        int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
