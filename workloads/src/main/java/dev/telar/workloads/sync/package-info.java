/**
 * The lecture's six synchronization primitives (Lock, RLock, Semaphore, Condition, Event,
 * Barrier), each as one interface with three implementations: {@code thread} (within one JVM, on
 * java.util.concurrent), {@code process} (between JVMs, in a small shared file) and {@code remote}
 * (between machines, in nodes of a ZooKeeper manager). Every primitive
 * reports an immutable {@link dev.telar.workloads.sync.SyncState} for the panels; the process
 * ones survive a holder process that dies (see {@link dev.telar.workloads.sync.SyncLock#isAbandoned()}).
 *
 * <p>Blocking methods are named after java.util.concurrent ({@code acquire}, {@code await},
 * {@code signal}) because {@code wait} and {@code notify} are final methods of every Java object;
 * each one says which Python call it stands for.
 */
package dev.telar.workloads.sync;
