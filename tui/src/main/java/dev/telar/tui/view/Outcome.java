package dev.telar.tui.view;

/** What the event loop should do after an event. */
public enum Outcome {
    /** Nothing changed; do not redraw. */
    IGNORED,
    /** The view changed; redraw. */
    REDRAW,
    /** The user asked to quit. */
    QUIT,
    /** The user asked to suspend Telar (Ctrl-Z): give the shell the terminal until {@code fg}. */
    SUSPEND
}
