/**
 * The remote family of the lecture's primitives: {@link dev.telar.workloads.sync.remote.RemoteSync}
 * hands out Lock, RLock, Semaphore, Condition, Event, Barrier and shared counters whose state lives
 * on a manager (ZooKeeper, reached through {@link dev.telar.workloads.remote.ManagerClient}), so
 * that threads of any JVM on any machine with the key share them. Held locks, permits and waits
 * are ephemeral nodes of their participant's session: a participant that dies gives them back
 * when the manager ends its session. It lives beside the thread and process families, and uses
 * ZooKeeper and Curator as the {@code remote} package does (the only two places that do).
 */
package dev.telar.workloads.sync.remote;
