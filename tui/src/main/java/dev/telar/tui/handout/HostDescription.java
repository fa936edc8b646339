package dev.telar.tui.handout;

import dev.telar.probe.Probe;
import dev.telar.probe.SystemSnapshot;

/**
 * The machine a handout was measured on, as the header panel and {@code telar snapshot} read it
 * (the native probe: {@code /proc}, {@code os-release}) plus the JVM that ran the steps.
 *
 * @param hostName    the host's name
 * @param os          operating system and kernel, human-readable
 * @param cpuModel    processor model name
 * @param cores       logical cores
 * @param memoryBytes physical memory, bytes (0 when unknown)
 * @param jvmName     the JVM's name, e.g. "OpenJDK 64-Bit Server VM"
 * @param jvmVersion  the Java runtime's version
 * @param jvmVendor   the JVM's vendor
 */
public record HostDescription(String hostName, String os, String cpuModel, int cores, long memoryBytes,
                              String jvmName, String jvmVersion, String jvmVendor) {
    /** This machine, from one sample of {@code probe}. */
    public static HostDescription of(Probe probe) {
        SystemSnapshot snap = probe.sample(pid -> false);
        return new HostDescription(snap.host().hostName(), snap.host().os(), snap.host().cpuModel(),
                snap.host().logicalCores(), snap.memory() == null ? 0 : snap.memory().totalBytes(),
                System.getProperty("java.vm.name", "?"), Runtime.version().toString(),
                System.getProperty("java.vm.vendor", "?"));
    }
}
