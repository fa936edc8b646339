package dev.telar.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which manager (the lecture's remote Manager, a ZooKeeper server or ensemble) Telar's remote
 * commands talk to, with which key, and how long a vanished client keeps its locks.
 *
 * @param address       {@code host:port}, or several comma-separated for an ensemble; null when
 *                      none is configured (remote commands then need {@code --manager})
 * @param keyFile       the file holding the shared key; null means automatic: the variable
 *                      {@code TELAR_MANAGER_KEY}, else {@code manager.key} in the state directory
 * @param sessionMillis how long after a client vanishes the manager ends its session and frees its
 *                      locks and permits, milliseconds ({@value #MIN_SESSION_MS}..{@value #MAX_SESSION_MS});
 *                      Telar's own manager grants 2 s to 60 s (two to sixty of its 1 s ticks);
 *                      another ensemble may bound it otherwise
 */
public record ManagerSettings(String address, Path keyFile, long sessionMillis) {
    public static final long MIN_SESSION_MS = 2_000;
    public static final long MAX_SESSION_MS = 60_000;
    /** No address, automatic key, 10 s sessions. */
    public static final ManagerSettings DEFAULTS = new ManagerSettings(null, null, 10_000);

    /** One {@code host:port}: a name, an IPv4 address or an IPv6 one in brackets; port 1..65535 checked apart. */
    private static final Pattern SERVER = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+):(\\d{1,5})");

    /** @throws SettingsException when the address is malformed, the key file relative or the session out of range */
    public ManagerSettings {
        if (address != null && !isAddress(address)) {
            throw SettingsException.of("manager.address.bad", address);
        }
        if (keyFile != null && !keyFile.isAbsolute()) {
            throw SettingsException.of("manager.keyfile.relative", keyFile.toString());
        }
        if (sessionMillis < MIN_SESSION_MS || sessionMillis > MAX_SESSION_MS) {
            throw SettingsException.of("manager.session.range", MIN_SESSION_MS / 1000, MAX_SESSION_MS / 1000,
                    String.format(Locale.ROOT, "%.1f", sessionMillis / 1000.0));
        }
    }

    /** The configured address, if any. */
    public Optional<String> configuredAddress() {
        return Optional.ofNullable(address);
    }

    /** These settings with another address (null: none). */
    public ManagerSettings withAddress(String other) {
        return new ManagerSettings(other, keyFile, sessionMillis);
    }

    /** These settings with another key file (null: automatic). */
    public ManagerSettings withKeyFile(Path other) {
        return new ManagerSettings(address, other, sessionMillis);
    }

    /**
     * True for {@code host:port[,host:port...]} with every port in 1..65535: what ZooKeeper's client
     * takes as a connect string (without a chroot, which Telar does not use).
     */
    public static boolean isAddress(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (String part : text.split(",", -1)) {
            var m = SERVER.matcher(part.strip());
            if (!m.matches()) {
                return false;
            }
            int port = Integer.parseInt(m.group(2));
            if (port < 1 || port > 65535) {
                return false;
            }
        }
        return true;
    }
}
