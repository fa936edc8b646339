package dev.telar.config;

import java.util.Optional;

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

    /** The language whose code is {@code text} (any case, blanks around ignored); empty for anything else, auto included. */
    public static Optional<Language> byCode(String text) {
        if (text != null) {
            for (Language l : values()) {
                if (l.code.equalsIgnoreCase(text.strip())) {
                    return Optional.of(l);
                }
            }
        }
        return Optional.empty();
    }
}
