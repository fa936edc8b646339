/**
 * The primitives for threads of one JVM, built on java.util.concurrent (AbstractQueuedSynchronizer,
 * ReentrantLock, LockSupport). Waiting threads are parked by the JDK: a blocked thread costs no CPU.
 */
package dev.telar.workloads.sync.thread;
