/**
 * The lecture's ways for processes to hand results to one another: pipes and queues (messages in
 * Chronicle Queue lanes, with their staging area, claims and roll table), and the shared value,
 * array, dict and list. The value, dict, list and (through {@code SharedItemQueue}) the queue are
 * the local family of the {@code shared} interfaces, which the remote objects implement too.
 * Everything a mechanism needs lives here, and nothing here knows the experiment
 * that uses it, so the exchange experiment, the race demo and the benchmarks all build on it.
 */
package dev.telar.workloads.mechanism;
