/**
 * Experiments and their execution models, child JVMs and Chronicle-based exchange between
 * processes. Usable without any UI; nothing here touches the terminal.
 */
package dev.telar.workloads;
