package dev.telar.tui.panel;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;

/**
 * A rectangle of the screen in character cells: {@code column}, {@code row} of the top-left cell
 * (0-based) and its {@code width} and {@code height}. Never negative.
 */
public record Area(int column, int row, int width, int height) {
    public Area {
        width = Math.max(0, width);
        height = Math.max(0, height);
    }

    /**
     * A drawing surface for this area only: coordinates are relative to its top-left cell and
     * anything drawn outside is clipped, so a panel can never paint over its neighbours.
     */
    public TextGraphics clip(TextGraphics screen) {
        return screen.newTextGraphics(new TerminalPosition(column, row), new TerminalSize(width, height));
    }
}
