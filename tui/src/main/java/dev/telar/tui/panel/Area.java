package dev.telar.tui.panel;


/**
 * A rectangle of the screen in character cells: {@code column}, {@code row} of the top-left cell
 * (0-based) and its {@code width} and {@code height}. Never negative.
 */
public record Area(int column, int row, int width, int height) {
    public Area {
        width = Math.max(0, width);
        height = Math.max(0, height);
    }
}
