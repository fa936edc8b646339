package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.LessonWords;
import dev.telar.tui.text.Texts;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.LessonState;
import dev.telar.tui.view.ViewState;

/**
 * What the lesson's own panels share: the lesson's words in the view's language (made again only
 * when it changes), the theme's pens, and the {@link LessonState} they draw from. Each panel
 * draws one part of a step, clipped to its area, and lays out nothing a click acts on.
 */
abstract class LessonPanel implements Panel {
    private final PerLanguage<LessonWords> words = new PerLanguage<>(LessonWords::new);

    @Override
    public final LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Texts texts = Texts.of(view.language());
        draw(screen.clip(area), Palette.of(view.theme()), texts, words.get(texts), view.lesson(), area.width(),
                area.height());
        return LaidOut.NOTHING;
    }

    /**
     * Draws the panel on {@code g}, its area only ({@code width}×{@code height} cells), with the
     * theme's pens {@code p}, the texts and lesson words of the view's language, from {@code lesson}.
     */
    abstract void draw(Canvas g, Palette p, Texts t, LessonWords w, LessonState lesson, int width, int height);
}
