package dev.telar.config;

/**
 * Where a setting's value came from, for messages that start with it.
 *
 * @param where   what a message starts with: {@code config.yaml:3:10}, {@code TELAR_LANG}, {@code --theme}
 * @param inFile  true for a file position, which does not name the key: messages then name it
 */
record Origin(String where, boolean inFile) {
    static Origin file(String file, long line, long column) {
        return new Origin(file + ":" + line + ":" + column, true);
    }

    static Origin env(String variable) {
        return new Origin(variable, false);
    }

    static Origin flag(String option) {
        return new Origin(option, false);
    }
}
