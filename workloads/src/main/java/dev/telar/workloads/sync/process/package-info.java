/**
 * The primitives for separate JVM processes: each lives in a small memory-mapped file (Chronicle
 * Bytes) that every participant maps, and changes by compare-and-swap on 64-bit words.
 *
 * <p>Who holds what is written into the shared words as an owner word (pid, a per-JVM thread tag
 * and the process start time), so that a waiter can tell when a holder process has died and take
 * over, and a panel can name holders. Waiting spins for a few microseconds, then parks with growing
 * pauses (up to a millisecond): fast hand-offs between busy processes, almost no CPU for a
 * process that waits long.
 */
package dev.telar.workloads.sync.process;
