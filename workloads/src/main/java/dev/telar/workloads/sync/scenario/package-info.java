/**
 * One lecture scenario per primitive, runnable with threads or with child JVMs from the same code:
 * {@link dev.telar.workloads.sync.scenario.SyncScenarioRunner} starts one, and the returned
 * {@link dev.telar.workloads.sync.scenario.RunningScenario} gives live snapshots (the primitive's
 * state, progress counters, recent events) for a panel to poll, cancellation, and the outcome.
 */
package dev.telar.workloads.sync.scenario;
