/**
 * The lab: the one engine that runs experiments, exchange jobs and sync scenarios, one job at a
 * time, and reports everything as {@link dev.telar.workloads.lab.LabEvent}s.
 *
 * <p>Two hosts run the same {@link dev.telar.workloads.lab.LabEngine}: headless commands run it
 * in their own JVM; the dashboard runs it in a separate lab JVM that it drives over two Chronicle
 * queues, so that experiments get the full JIT and a large heap while the dashboard stays lean.
 * Both hosts are used through {@link dev.telar.workloads.lab.Lab}.
 *
 * <p>The dashboard's host is {@link dev.telar.workloads.lab.LabClient}; the lab JVM runs
 * {@link dev.telar.workloads.lab.LabMain}. They meet in a run directory holding a commands queue,
 * an events queue and a doorbell file whose futex words wake each reader (LabChannel, Doorbell);
 * records cross field by field ({@link dev.telar.workloads.lab.RecordWire}). When the lab JVM dies,
 * the client ends its job as failed from what it saw of it (JobLedger).
 */
package dev.telar.workloads.lab;
