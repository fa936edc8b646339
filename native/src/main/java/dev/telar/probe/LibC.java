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

    int PR_SET_PDEATHSIG = 1;

    /** prctl with one argument; the unused ones are passed as 0 as the kernel requires. */
    int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

    int getppid();

    /** SIGTSTP on Linux (x86, ARM and the generic signal numbers alike). */
    int SIGTSTP = 20;

    /** kill(2): {@code pid} 0 means every process of the caller's process group. */
    int kill(int pid, int sig) throws LastErrorException;

    /** stat(2) into a raw buffer; glibc 2.33 and later export it under this name. */
    int stat(String path, byte[] buf) throws LastErrorException;
}
