/**
 * The exchange experiment: processes compute partial sums and hand them back through one
 * mechanism of {@code dev.telar.workloads.mechanism}; here are its spec, the run with its children
 * and collector, the progress and events it reports, and the result it ends with.
 */
package dev.telar.workloads.exchange;
