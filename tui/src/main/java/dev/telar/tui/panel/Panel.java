package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.view.ViewState;

/**
 * One part of the dashboard. Draws only inside its area, only from the snapshot and the view
 * state it is given; never reads the system and never changes the user's choices.
 */
public interface Panel {
    /**
     * Draws the panel.
     *
     * @param screen the whole screen; the panel draws through {@code screen.clip(area)}
     * @param area   where to draw, in cells
     * @param snap   the newest snapshot, or null before the first sample (draw placeholders)
     * @param view   the user's choices and derived rows
     */
    void render(Canvas screen, Area area, SystemSnapshot snap, ViewState view);
}
