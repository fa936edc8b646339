package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;

/**
 * One part of the dashboard, a pure function of what it is given: it draws only inside its area,
 * only from the snapshot and the view state, never reads the system and never changes any state
 * (the view state's changes are not visible to it). What it laid out that keys and clicks act on
 * (click targets, the process list's page and scroll position) it returns; the loop hands the
 * frame's to the dispatcher, which keeps it for the next keys and the next frame.
 */
public interface Panel {
    /**
     * Draws the panel.
     *
     * @param screen the whole screen; the panel draws through {@code screen.clip(area)}
     * @param area   where to draw, in cells
     * @param snap   the newest snapshot, or null before the first sample (draw placeholders)
     * @param view   the user's choices and derived rows
     * @return what it laid out; {@link LaidOut#NOTHING} when it drew nothing a key or click acts on
     */
    LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view);
}
