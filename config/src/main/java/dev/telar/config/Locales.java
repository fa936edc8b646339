package dev.telar.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * What the POSIX locale variables say, read the way the C library does: the first variable that
 * is set and not empty wins. Used only when neither file, variable nor option chose.
 */
final class Locales {
    private Locales() {
    }

    /** LC_ALL, then LC_MESSAGES, then LANG: Spanish for es, es_ES.UTF-8 and the like, else English. */
    static Language language(Function<String, String> env) {
        String locale = first(env, "LC_ALL", "LC_MESSAGES", "LANG");
        if (locale == null) {
            return Language.EN;
        }
        String lang = locale.toLowerCase(Locale.ROOT).split("[_.@-]", 2)[0];
        return lang.equals(Language.ES.code()) ? Language.ES : Language.EN;
    }

    /**
     * LC_ALL, then LC_CTYPE, then LANG: true when the character set is UTF-8 (e.g. en_US.UTF-8,
     * C.utf8). Unset, C and POSIX mean ASCII, as for the C library.
     */
    static boolean utf8(Function<String, String> env) {
        String locale = first(env, "LC_ALL", "LC_CTYPE", "LANG");
        if (locale == null) {
            return false;
        }
        int dot = locale.indexOf('.');
        if (dot < 0) {
            return false;
        }
        int at = locale.indexOf('@', dot);
        String charset = locale.substring(dot + 1, at < 0 ? locale.length() : at);
        return charset.replace("-", "").replace("_", "").equalsIgnoreCase("utf8");
    }

    private static String first(Function<String, String> env, String... names) {
        for (String name : names) {
            String value = env.apply(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
