package dev.telar.config;

/** A setting that cannot be used; the message is one line, fit to show the user as it is. */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
