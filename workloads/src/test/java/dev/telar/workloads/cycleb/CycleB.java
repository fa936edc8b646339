package dev.telar.workloads.cycleb;

import dev.telar.workloads.cyclea.CycleA;

/** The other half of the cycle: needs the package that needs this one. */
public final class CycleB {
    /** Needs the other package. */
    public Object partner() {
        return CycleA.partner();
    }
}
