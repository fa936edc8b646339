/**
 * The race demo: processes add to one shared value first without its lock, losing updates, then
 * with it, losing none. A workload of its own so that it can be started, tested and shown apart
 * from the exchange experiment.
 */
package dev.telar.workloads.race;
