/**
 * The lecture's ways for processes to hand results to one another: pipes and queues (messages in
 * Chronicle Queue lanes, with their staging area, claims and roll table), and the shared value,
 * array and dict. Everything a mechanism needs lives here, and nothing here knows the experiment
 * that uses it, so the exchange experiment, the race demo and the benchmarks all build on it.
 */
package dev.telar.workloads.mechanism;
