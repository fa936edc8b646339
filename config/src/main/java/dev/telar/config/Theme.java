package dev.telar.config;

/**
 * Colour themes. DARK suits dark terminal backgrounds, LIGHT suits light ones (projectors),
 * MONO uses no colour at all (chosen automatically when {@code NO_COLOR} is set).
 */
public enum Theme {
    DARK, LIGHT, MONO;

    /** Lower-case name, as written in the settings file and after {@code --theme}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
