package dev.telar.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps numeric uids to user names from a passwd file, read once. Unknown uids show as numbers,
 * as {@code ps} does. Directory services (LDAP) are not consulted: they could block a sample.
 */
final class UserNames {
    private final Map<Integer, String> names = new HashMap<>();

    UserNames(Path passwd) {
        try {
            for (String line : Files.readAllLines(passwd)) {
                String[] parts = line.split(":");
                if (parts.length > 2) {
                    try {
                        names.putIfAbsent(Integer.parseInt(parts[2]), parts[0]);
                    } catch (NumberFormatException ignored) {
                        // A malformed line names nobody; skip it.
                    }
                }
            }
        } catch (IOException e) {
            // No passwd file (a minimal container): every user shows as its uid.
        }
    }

    String name(int uid) {
        if (uid < 0) {
            return "?";
        }
        String name = names.get(uid);
        return name != null ? name : Integer.toString(uid);
    }
}
