package dev.telar.probe;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.software.os.OperatingSystem;

/**
 * Machine facts and per-core ticks from OSHI: the reference that {@link ProcHostFacts} and
 * {@link ProcStatTicks} are checked against. The probe itself reads {@code /proc}: OSHI's tick
 * read costs about 0.7 ms of CPU per call, and starting it (with JNA) a fifth of a second.
 */
final class OshiFacts implements CoreTicks {
    private final CentralProcessor processor;
    private final HostInfo host;

    OshiFacts() {
        SystemInfo info = new SystemInfo();
        this.processor = info.getHardware().getProcessor();
        OperatingSystem os = info.getOperatingSystem();
        String name = os.getNetworkParams().getHostName();
        String model = processor.getProcessorIdentifier().getName();
        this.host = new HostInfo(name, os.getFamily() + " " + os.getVersionInfo().getVersion()
                + " (kernel " + os.getVersionInfo().getBuildNumber() + ")",
                processor.getLogicalProcessorCount(), model == null ? "" : model.trim());
    }

    HostInfo host() {
        return host;
    }

    @Override
    public long[][] read() {
        return processor.getProcessorCpuLoadTicks();
    }
}
