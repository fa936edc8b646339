package dev.telar.workloads.ipc;

import java.nio.file.Path;

/**
 * Keeps Chronicle from making a directory in the shared temporary directory. Chronicle's {@code OS}
 * class picks a "target" directory when it loads: the property {@code project.build.directory},
 * else {@code ./target} when the working directory has one, else it <em>creates</em>
 * {@code <java.io.tmpdir>/target}, a directory Telar would then leave in {@code /tmp} beside other
 * people's files. Telar names its own place instead ({@link RunDirectory#defaultParent}), which
 * Chronicle only names and never creates or writes in Telar's use.
 */
public final class ChronicleTarget {
    private static final String PROPERTY = "project.build.directory";

    private ChronicleTarget() {
    }

    /** Sets the property, unless it is set already; call before the first Chronicle class loads. */
    public static void keepOutOfTmp() {
        if (System.getProperty(PROPERTY) == null) {
            Path own = RunDirectory.defaultParent(System.getenv()).resolve("chronicle");
            System.setProperty(PROPERTY, own.toString());
        }
    }
}
