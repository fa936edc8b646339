package dev.telar.config;

import java.nio.file.Path;

/**
 * Where inter-process exchange files go and how much disk they may use.
 *
 * @param dir          parent of the per-run directories; null means $XDG_RUNTIME_DIR/telar, else /tmp/telar-$USER
 * @param diskCapBytes most bytes of exchange files one run may keep on disk
 */
public record IpcSettings(Path dir, long diskCapBytes) {
}
