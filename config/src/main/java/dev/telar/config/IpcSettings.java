package dev.telar.config;

import java.nio.file.Path;

/**
 * Where inter-process exchange files go and how much disk they may use.
 *
 * @param dir          parent of the per-run directories, absolute; null means the automatic place,
 *                     {@code $XDG_RUNTIME_DIR/telar}, else {@code /tmp/telar-$USER}
 * @param diskCapBytes most bytes of exchange files one run may keep on disk
 *                     ({@value #MIN_DISK_CAP_MB}..{@value #MAX_DISK_CAP_MB} MiB)
 */
public record IpcSettings(Path dir, long diskCapBytes) {
    /** Bytes in the unit the settings file uses for the cap (MiB). */
    public static final long MB = 1024L * 1024;
    public static final long MIN_DISK_CAP_MB = 1;
    /** 1 TiB: a cap above that is no cap at all on a laptop. */
    public static final long MAX_DISK_CAP_MB = 1024L * 1024;

    /** Automatic directory, 512 MiB cap. */
    public static final IpcSettings DEFAULTS = new IpcSettings(null, 512 * MB);

    /** @throws SettingsException when the cap is out of range or the directory is relative */
    public IpcSettings {
        if (diskCapBytes < MIN_DISK_CAP_MB * MB || diskCapBytes > MAX_DISK_CAP_MB * MB) {
            throw SettingsException.of("ipc.diskcap.range", MIN_DISK_CAP_MB, MAX_DISK_CAP_MB,
                    Double.toString(diskCapBytes / (double) MB));
        }
        if (dir != null && !dir.isAbsolute()) {
            throw SettingsException.of("ipc.dir.relative", dir.toString());
        }
    }

    /** The cap in MiB, as written in the settings file. */
    public long diskCapMb() {
        return diskCapBytes / MB;
    }
}
