package dev.telar.probe;

/**
 * Facts about the machine that do not change while Telar runs.
 *
 * @param hostName     the host's name
 * @param os           operating system family, version and kernel, human-readable
 * @param logicalCores number of logical cores (hardware threads) the kernel reports
 * @param cpuModel     processor model name
 */
public record HostInfo(String hostName, String os, int logicalCores, String cpuModel) {
}
