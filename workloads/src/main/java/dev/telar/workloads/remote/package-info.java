/**
 * The lecture's remote Manager on Apache ZooKeeper and Curator: the shared key
 * ({@link dev.telar.workloads.remote.ManagerKey}), the embedded server
 * ({@link dev.telar.workloads.remote.ManagerServer}) and an authenticated client
 * ({@link dev.telar.workloads.remote.ManagerClient}), and the remote objects used through it: the
 * manager value ({@link dev.telar.workloads.remote.RemoteValue}), the manager lock
 * ({@link dev.telar.workloads.remote.RemoteLock}), and the manager's dict, list and queue. The
 * value, dict, list and queue are the remote family of the {@code shared} interfaces, which the
 * local objects of {@code mechanism} implement too. ZooKeeper and Curator are used in this
 * package and in {@code sync.remote}, the remote family of the sync primitives built on its client.
 */
package dev.telar.workloads.remote;
