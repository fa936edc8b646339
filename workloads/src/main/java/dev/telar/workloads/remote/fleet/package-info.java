/**
 * The fleet: every host running {@code telar agent} publishes a {@link
 * dev.telar.workloads.remote.fleet.HostSummary} at its interval into an ephemeral node
 * {@code /fleet/hosts/<host>} under the manager's namespace ({@link
 * dev.telar.workloads.remote.fleet.FleetAgent}); a {@link dev.telar.workloads.remote.fleet.FleetWatch}
 * follows those nodes and hands out immutable {@link dev.telar.workloads.remote.fleet.FleetSnapshot}s,
 * in which a host whose node vanished (its session expired) stays listed as gone for a while.
 * The node data is {@link dev.telar.workloads.remote.fleet.SummaryCodec}'s line format.
 */
package dev.telar.workloads.remote.fleet;
