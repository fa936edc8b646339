package dev.telar.tui.view;

import dev.telar.tui.panel.Frame;

/** Test fixture: a view class that uses a panel, against the tui's layers on purpose (see ArchitectureTest). */
final class ReachesUpFixture {
    private ReachesUpFixture() {
    }

    static Class<?> up() {
        return Frame.class;
    }
}
