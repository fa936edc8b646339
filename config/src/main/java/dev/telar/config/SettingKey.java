package dev.telar.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every setting the file may hold, by its key in the file. Keys inside a section are written
 * {@code section.key} here and as an indented block in the file.
 */
public enum SettingKey {
    REFRESH("refresh", "TELAR_REFRESH"),
    LANGUAGE("language", "TELAR_LANG"),
    THEME("theme", "TELAR_THEME"),
    ASCII("ascii", null),
    MOUSE("mouse", null),
    DRAWS("experiments.draws", null),
    TASKS("experiments.tasks", null),
    WORKERS("experiments.workers", null),
    MATRIX("experiments.matrix", null),
    IPC_DIR("ipc.dir", null),
    DISK_CAP("ipc.disk-cap-mb", null),
    LOG_FILE("log-file", null),
    MANAGER_ADDRESS("manager.address", "TELAR_MANAGER"),
    MANAGER_KEY_FILE("manager.key-file", null),
    MANAGER_SESSION("manager.session", null);

    /** Sections of the file: keys that hold a block of keys rather than a value. */
    static final List<String> SECTIONS = List.of("experiments", "ipc", "manager");

    private final String path;
    private final String envVar;

    SettingKey(String path, String envVar) {
        this.path = path;
        this.envVar = envVar;
    }

    /** The key as written in messages: {@code refresh}, {@code experiments.workers}. */
    public String path() {
        return path;
    }

    /** The environment variable that overrides the file, or null when there is none. */
    public String envVar() {
        return envVar;
    }

    /** The key with the given dotted path. */
    static Optional<SettingKey> byPath(String path) {
        for (SettingKey key : values()) {
            if (key.path.equals(path)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** The keys (and sections) valid directly under {@code section}, or at the top when it is empty. */
    static List<String> namesUnder(String section) {
        List<String> names = new ArrayList<>();
        String prefix = section.isEmpty() ? "" : section + ".";
        for (SettingKey key : values()) {
            if (!key.path.startsWith(prefix)) {
                continue;
            }
            String rest = key.path.substring(prefix.length());
            int dot = rest.indexOf('.');
            String name = dot < 0 ? rest : rest.substring(0, dot);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
