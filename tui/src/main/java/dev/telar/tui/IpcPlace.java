package dev.telar.tui;

import dev.telar.config.IpcSettings;
import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.mechanism.ExchangeLimits;
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

    /**
     * Telar's own place for run directories: its subdirectory {@code telar-<uid>} of the settings'
     * {@code ipc.dir} ({@link RunDirectory#placeIn}; the chosen directory itself is never changed),
     * or the automatic place ({@link RunDirectory#defaultParent}).
     */
    public static Path parentDir(IpcSettings ipc, Map<String, String> env) {
        return ipc.dir() != null ? RunDirectory.placeIn(ipc.dir()) : RunDirectory.defaultParent(env);
    }

    /**
     * {@link #parentDir}, made or checked ({@link RunDirectory#ensurePlace}) so that a command can
     * refuse an untrustworthy place with one line before it starts anything.
     *
     * @throws dev.telar.workloads.ipc.UnsafePlaceException when the place is a symlink, another user's, or open to others
     */
    public static Path prepared(IpcSettings ipc, Map<String, String> env) {
        return RunDirectory.ensurePlace(parentDir(ipc, env));
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
