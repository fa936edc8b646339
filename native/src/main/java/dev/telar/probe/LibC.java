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

    /** What glibc before 2.33 exports instead of stat; {@code ver} is _STAT_VER (1 on x86_64, 0 on aarch64). */
    int __xstat(int ver, String path, byte[] buf) throws LastErrorException;

    /** statx(2) into a raw 256-byte buffer; glibc 2.28 and later export it. */
    int statx(int dirfd, String path, int flags, int mask, byte[] buf) throws LastErrorException;

    /** Number of the statx system call on x86_64. */
    long SYS_STATX_X86_64 = 332;
    /** Number of the statx system call in the generic table (aarch64, riscv64). */
    long SYS_STATX_GENERIC = 291;

    int O_RDWR = 2;
    int O_CREAT = 0100;
    int O_CLOEXEC = 02000000;

    int open(String path, int flags, int mode) throws LastErrorException;

    int close(int fd);

    /** Allocates blocks for bytes [offset, offset+len) of the file; returns 0 or an error number (errno untouched). */
    int posix_fallocate(int fd, long offset, long len);

    /** glibc's malloc_trim(3): returns free heap memory to the kernel; 1 when some was returned. */
    int malloc_trim(long pad);

    /** syscall(2) with the arguments of statx. */
    long syscall(long number, int dirfd, String path, int flags, int mask, byte[] buf) throws LastErrorException;
}
