package dev.telar.workloads.cyclea;

import dev.telar.workloads.cycleb.CycleB;

/** Half of a package cycle that {@code PackageCyclesTest} must reject. */
public final class CycleA {
    /** Needs the other package. */
    public static CycleB partner() {
        return new CycleB();
    }
}
