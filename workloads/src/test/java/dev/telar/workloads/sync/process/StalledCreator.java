package dev.telar.workloads.sync.process;

import dev.telar.workloads.proc.ProcessTarget;
import java.nio.file.Path;

/**
 * Child JVM for {@link HalfCreatedFileTest}: {@code dir name} opens Lock {@code name} in {@code dir}
 * with the creation test hook set, so it claims the new file, writes part of the header and stops
 * there for good, as a creator killed at that point would leave it.
 */
public final class StalledCreator implements ProcessTarget {
    @Override
    public void run(String[] args) {
        System.setProperty(PrimitiveFile.STALL_PROPERTY, args[1] + ".lock");
        new ProcessSync(Path.of(args[0])).lock(args[1]); // never returns
    }
}
