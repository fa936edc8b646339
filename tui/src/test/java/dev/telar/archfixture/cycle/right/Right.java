package dev.telar.archfixture.cycle.right;

import dev.telar.archfixture.cycle.left.Left;

/** Test fixture: the other half of a package cycle (see ArchitectureTest). */
public final class Right {
    private Right() {
    }

    public static Class<?> other() {
        return Left.class;
    }
}
