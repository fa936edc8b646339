package dev.telar.tui;

import dev.telar.config.IpcSettings;
import dev.telar.workloads.exchange.ExchangeLimits;
import dev.telar.workloads.ipc.RunDirectory;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the exchange runs Telar starts keep their files, and how much disk they may take, as the
 * settings' {@code ipc} block says. Used by the dashboard, {@code telar run exchange} and
 * {@code telar bench ipc} alike.
 */
public final class IpcPlace {
    private IpcPlace() {
    }

    /** The settings' {@code ipc.dir}, or the automatic place ({@link RunDirectory#defaultParent}). */
    public static Path parentDir(IpcSettings ipc, Map<String, String> env) {
        return ipc.dir() != null ? ipc.dir() : RunDirectory.defaultParent(env);
    }

    /**
     * The default limits with the settings' disk cap, raised to {@link ExchangeLimits#MIN_DISK_CAP}
     * (4 MiB) when smaller: below that a run could not keep even the one-second journal files it
     * is reading.
     */
    public static ExchangeLimits limits(IpcSettings ipc) {
        return ExchangeLimits.defaults().withDiskCap(Math.max(ExchangeLimits.MIN_DISK_CAP, ipc.diskCapBytes()));
    }
}
