package dev.telar.archfixture.cycle.left;

import dev.telar.archfixture.cycle.right.Right;

/** Test fixture: one half of a package cycle (see ArchitectureTest). */
public final class Left {
    private Left() {
    }

    public static Class<?> other() {
        return Right.class;
    }
}
