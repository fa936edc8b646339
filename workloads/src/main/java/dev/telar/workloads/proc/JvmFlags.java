package dev.telar.workloads.proc;

import java.util.List;

/**
 * The JVM flag sets Telar starts its JVMs with. {@link #fast()} is what headless runs, benchmarks
 * and the lab JVM compute with: both JIT compilers and the default heap, so that timings match
 * Java figures measured elsewhere.
 *
 * <p>The Chronicle flags every JVM needs are inherited from the running JVM by {@link JvmCommand}.
 */
public final class JvmFlags {
    private JvmFlags() {
    }

    /** Flags of a JVM that computes at full speed (the launcher's set for {@code run}, {@code sweep}, {@code bench}). */
    public static List<String> fast() {
        return List.of("-XX:+UseSerialGC", "-Xshare:auto");
    }
}
