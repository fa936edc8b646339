/**
 * The lecture's shared data objects as interfaces, one per kind: {@link
 * dev.telar.workloads.shared.NumberValue} (Value), {@link dev.telar.workloads.shared.NumberDict}
 * (the Manager's dict), {@link dev.telar.workloads.shared.ItemQueue} (Queue) and {@link
 * dev.telar.workloads.shared.ItemList} (the Manager's list). Code written against them runs on
 * either family: the local one in {@code mechanism} (mapped files and Chronicle, the processes of
 * one machine) or the remote one in {@code remote} (a manager on ZooKeeper, processes on any
 * machine). This package depends on nothing of Telar's, so both families can depend on it.
 *
 * <p>Numbers: values and dict entries are {@code double}s in both families (the lecture's partial
 * sums); whole numbers are exact up to 2<sup>53</sup> in magnitude, so counts of up to
 * 9,007,199,254,740,992 add exactly. Queue and list items are {@code long}s, exact in both.
 */
package dev.telar.workloads.shared;
