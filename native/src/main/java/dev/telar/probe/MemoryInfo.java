package dev.telar.probe;

/**
 * Physical memory, from {@code /proc/meminfo}.
 *
 * @param totalBytes     installed memory usable by the kernel, bytes
 * @param availableBytes memory available to new work without swapping (MemAvailable), bytes
 */
public record MemoryInfo(long totalBytes, long availableBytes) {
    /** Memory in use, bytes: total minus available. */
    public long usedBytes() {
        return Math.max(0, totalBytes - availableBytes);
    }
}
