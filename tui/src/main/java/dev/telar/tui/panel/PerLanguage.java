package dev.telar.tui.panel;

import dev.telar.tui.text.Texts;
import java.util.function.Function;

/**
 * A value made from one language's texts (labels, column headers, formats), made again only when
 * the language changes, so panels do not look words up in the bundle on every frame. UI thread
 * only, like the panel that holds it.
 *
 * @param <T> what is made
 */
final class PerLanguage<T> {
    private final Function<Texts, T> make;
    private Texts madeFor;
    private T value;

    PerLanguage(Function<Texts, T> make) {
        this.make = make;
    }

    /** The value for {@code texts}; made now if the last call was for another language. */
    T get(Texts texts) {
        if (texts != madeFor) {
            value = make.apply(texts);
            madeFor = texts;
        }
        return value;
    }
}
