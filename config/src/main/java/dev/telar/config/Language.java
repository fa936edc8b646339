package dev.telar.config;

/** The languages Telar speaks on screen, in help, verdicts and CLI messages. */
public enum Language {
    EN("en"), ES("es");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** ISO 639-1 code, as written in the settings file and after {@code --lang}. */
    public String code() {
        return code;
    }
}
