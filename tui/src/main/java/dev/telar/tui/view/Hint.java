package dev.telar.tui.view;

/**
 * One hint of the footer, e.g. {@code s Sort}.
 *
 * @param key        the key as the full line shows it
 * @param shortKey   the key as the short line shows it; null: the hint is left out of the short line
 * @param label      the words key of its label on the full line
 * @param shortLabel the words key of its label on the short line
 * @param priority   how much it is needed: when even the short line is too long, the lowest go
 *                   first; from {@link #ALWAYS} on a hint always stays
 * @param press      the key a click on the hint presses
 */
public record Hint(String key, String shortKey, String label, String shortLabel, int priority, Key press) {
    /** Priority from which a hint is never left out (Help, Quit). */
    public static final int ALWAYS = 10;
}
