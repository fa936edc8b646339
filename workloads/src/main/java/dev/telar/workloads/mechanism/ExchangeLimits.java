package dev.telar.workloads.mechanism;

/**
 * Bounds of one exchange mechanism, fixed when it is created and read by every process that opens
 * it.
 *
 * @param capacity     most messages written but not yet taken; a sender past it blocks (or
 *                     {@code trySend} reports false), like a writer on a full pipe buffer
 * @param diskCapBytes most bytes the mechanism's files may take on disk (allocated blocks); a
 *                     writer past it blocks (or reports false) until files read by everyone are
 *                     deleted. Checked about every megabyte written, so it may be passed by that
 *                     much.
 */
public record ExchangeLimits(long capacity, long diskCapBytes) {
    /** Default back-pressure bound, messages. */
    public static final long DEFAULT_CAPACITY = 65_536;
    /** Default disk cap per mechanism, bytes. */
    public static final long DEFAULT_DISK_CAP = 256L << 20;
    /** Smallest disk cap accepted: room for a few of the one-second journal files. */
    public static final long MIN_DISK_CAP = 4L << 20;

    public ExchangeLimits {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1 message, got " + capacity);
        }
        if (diskCapBytes < MIN_DISK_CAP) {
            throw new IllegalArgumentException("disk cap must be at least " + MIN_DISK_CAP + " bytes, got " + diskCapBytes);
        }
    }

    /** The defaults: 65,536 messages, 256 MiB. */
    public static ExchangeLimits defaults() {
        return new ExchangeLimits(DEFAULT_CAPACITY, DEFAULT_DISK_CAP);
    }

    /** These limits with another capacity. */
    public ExchangeLimits withCapacity(long messages) {
        return new ExchangeLimits(messages, diskCapBytes);
    }

    /** These limits with another disk cap. */
    public ExchangeLimits withDiskCap(long bytes) {
        return new ExchangeLimits(capacity, bytes);
    }
}
