package dev.telar.config;

import java.nio.file.Path;

/**
 * The settings file Telar reads, and who chose it.
 *
 * @param path     the file; it may not exist
 * @param chosenBy the option or variable that named it ({@code --config}, {@code TELAR_CONFIG}),
 *                 or null for the default place; a file named explicitly must exist
 */
public record ConfigLocation(Path path, String chosenBy) {
    /** True when an option or variable named the file, so that its absence is an error. */
    public boolean explicit() {
        return chosenBy != null;
    }
}
