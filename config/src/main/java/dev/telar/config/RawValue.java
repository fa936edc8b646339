package dev.telar.config;

/**
 * A setting's value as found, before it is checked: file values, environment variables and
 * option arguments all arrive as text.
 *
 * @param text   the scalar's text; empty for the other shapes
 * @param shape  what the file held there
 * @param origin where it came from
 */
record RawValue(String text, Shape shape, Origin origin) {
    /** What a YAML value was. Environment variables and options are always scalars. */
    enum Shape { SCALAR, NULL, MAPPING, LIST }

    static RawValue scalar(String text, Origin origin) {
        return new RawValue(text, Shape.SCALAR, origin);
    }

    /**
     * How the value is quoted in a message: {@code 'fast'} as typed, or a phrase such as
     * "a list" that is put into words in the message's language.
     */
    Object shown() {
        return switch (shape) {
            case SCALAR -> "'" + text + "'";
            case NULL -> new Phrase("shown.nothing");
            case MAPPING -> new Phrase("shown.block");
            case LIST -> new Phrase("shown.list");
        };
    }
}
