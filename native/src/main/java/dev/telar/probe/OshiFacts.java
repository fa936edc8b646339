package dev.telar.probe;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.software.os.OperatingSystem;

/**
 * Machine facts and per-core ticks from OSHI. OSHI is used only for what it does cheaply
 * (processor identity and tick counters); the process table is read from {@code /proc} directly
 * because OSHI's full enumeration costs tens of milliseconds per call.
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
