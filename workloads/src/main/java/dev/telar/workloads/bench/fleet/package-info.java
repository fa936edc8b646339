/**
 * The fleet's scale bench: many simulated hosts ({@link dev.telar.workloads.bench.fleet.SimulatedHost}),
 * each agent with its own session, in a few child JVMs ({@link dev.telar.workloads.bench.fleet.AgentCrowd}),
 * against one manager, followed by one fleet watch that measures delivery delays, row ages, node
 * sizes and the server's write rate ({@link dev.telar.workloads.bench.fleet.FleetScale}); run from
 * the command line by {@link dev.telar.workloads.bench.fleet.FleetScaleMain} (bench/fleet-scale).
 */
package dev.telar.workloads.bench.fleet;
