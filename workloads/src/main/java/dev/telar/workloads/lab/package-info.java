/**
 * The lab: the one engine that runs experiments, exchange jobs and sync scenarios, one job at a
 * time, and reports everything as {@link dev.telar.workloads.lab.LabEvent}s.
 *
 * <p>Two hosts run the same {@link dev.telar.workloads.lab.LabEngine}: headless commands run it
 * in their own JVM; the dashboard runs it in a separate lab JVM that it drives over two Chronicle
 * queues, so that experiments get the full JIT and a large heap while the dashboard stays lean.
 * Both hosts are used through {@link dev.telar.workloads.lab.Lab}.
 */
package dev.telar.workloads.lab;
