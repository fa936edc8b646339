package dev.telar.probe;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/** The few libc calls Telar needs, bound through JNA. Linux only. */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int _SC_CLK_TCK = 2;
    int _SC_PAGESIZE = 30;

    long sysconf(int name);

    int isatty(int fd);

    int getpid();

    int sched_getcpu();

    /** Pins the thread {@code tid} (0: the calling thread) to the cores set in {@code mask}. */
    int sched_setaffinity(int tid, int size, long[] mask) throws LastErrorException;

    int sched_getaffinity(int tid, int size, long[] mask) throws LastErrorException;
}
