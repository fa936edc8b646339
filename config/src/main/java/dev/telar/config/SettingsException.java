package dev.telar.config;

/**
 * A setting that cannot be used. The message is one line, fit to show the user as it is, and
 * starts with the mistake's source (file:line:column, variable or option). It is kept as a bundle
 * key and arguments, so the same mistake can be told in either language: the loader gives it the
 * language of the messages ({@code --lang}, {@code TELAR_LANG}, the file's own when the file is
 * not what is wrong, else the locale); one made elsewhere speaks English until {@link #in} says
 * otherwise.
 */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Language language;
    private final String key;
    private final transient Object[] args;

    private SettingsException(Language language, String key, Object[] args) {
        super(key);
        this.language = language;
        this.key = key;
        this.args = args;
    }

    /** The mistake {@code key} of the settings bundle with its arguments (strings, numbers or phrases), in English. */
    static SettingsException of(String key, Object... args) {
        return new SettingsException(Language.EN, key, args);
    }

    /** The same mistake told in {@code other}. */
    public SettingsException in(Language other) {
        if (other == language) {
            return this;
        }
        SettingsException copy = new SettingsException(other, key, args);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The language {@link #getMessage()} speaks. */
    public Language language() {
        return language;
    }

    /** The bundle key naming the kind of mistake, e.g. {@code yaml.unknownkey.suggest}. */
    public String key() {
        return key;
    }

    /** The one-line message in {@code other}. */
    public String message(Language other) {
        return args == null ? key : ConfigMessages.format(other, key, args);
    }

    @Override
    public String getMessage() {
        return message(language);
    }
}
