package dev.telar.workloads.mechanism;

/** The type of a shared number, as Python's typecodes 'q' (64-bit integer) and 'd' (double). */
public enum NumberType {
    LONG, DOUBLE;

    long toBits(double v) {
        return this == LONG ? (long) v : Double.doubleToRawLongBits(v);
    }

    double fromBits(long bits) {
        return this == LONG ? bits : Double.longBitsToDouble(bits);
    }

    static NumberType of(long code) {
        if (code == 1) {
            return LONG;
        }
        if (code == 2) {
            return DOUBLE;
        }
        throw new IllegalArgumentException("unknown number type code " + code);
    }

    long code() {
        return this == LONG ? 1 : 2;
    }
}
