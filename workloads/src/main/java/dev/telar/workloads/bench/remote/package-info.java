/**
 * {@code telar bench remote}: the remote manager's dict, lock and barrier timed from real child
 * JVMs, each a client with its own session, as the Python peer times multiprocessing's remote
 * Manager. In the remote package's tree because it uses Curator directly (its InterProcessMutex,
 * for comparison, and a barrier of its own).
 */
package dev.telar.workloads.bench.remote;
