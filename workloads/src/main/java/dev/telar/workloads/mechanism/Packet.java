package dev.telar.workloads.mechanism;

/**
 * One message of a pipe or queue: a 64-bit key and a double. Two numbers are what the lecture's
 * experiments exchange (which task, which chunk; a partial sum), and nothing but plain numbers
 * crosses between processes: no object serialization.
 *
 * @param key   free for the sender: an index, a sequence number, a time stamp
 * @param value the payload
 */
public record Packet(long key, double value) {
}
