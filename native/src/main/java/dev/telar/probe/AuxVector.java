package dev.telar.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Values the kernel handed this process at {@code exec} (the auxiliary vector, read from
 * {@code /proc/self/auxv}): among them the clock tick rate and the page size that {@code sysconf}
 * returns. Reading them here costs one small file read, where asking libc through JNA would load
 * JNA first (about 60 ms, with an {@code ldconfig} child process), which the dashboard's first
 * frame does not otherwise need.
 */
final class AuxVector {
    /** Entry type of the page size, bytes. */
    static final int AT_PAGESZ = 6;
    /** Entry type of the clock ticks per second used in {@code /proc} times. */
    static final int AT_CLKTCK = 17;

    private AuxVector() {
    }

    /** The value of entry {@code type} in this process's vector, or -1 when absent or unreadable. */
    static long value(int type) {
        try {
            return find(Files.readAllBytes(Path.of("/proc/self/auxv")), type, wordBytes());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The value of entry {@code type} in a raw vector: pairs of native words (type, value), ended
     * by type 0; -1 when it is not there.
     *
     * @param word 8 on a 64-bit JVM, 4 on a 32-bit one
     */
    static long find(byte[] raw, int type, int word) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
        for (int at = 0; at + 2 * word <= raw.length; at += 2 * word) {
            long key = word == 8 ? b.getLong(at) : Integer.toUnsignedLong(b.getInt(at));
            if (key == 0) {
                break;
            }
            if (key == type) {
                return word == 8 ? b.getLong(at + word) : Integer.toUnsignedLong(b.getInt(at + word));
            }
        }
        return -1;
    }

    private static int wordBytes() {
        return "32".equals(System.getProperty("sun.arch.data.model")) ? 4 : 8;
    }
}
