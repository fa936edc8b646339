package dev.telar.workloads.ipc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Keeps Chronicle from making a directory in the shared temporary directory. Chronicle's {@code OS}
 * class picks a "target" directory when it loads: the property {@code project.build.directory},
 * else {@code ./target} when the working directory has one, else it <em>creates</em>
 * {@code <java.io.tmpdir>/target}, a directory Telar would then leave in {@code /tmp} beside other
 * people's files. Telar names a directory in its own place ({@link RunDirectory#defaultParent})
 * instead.
 *
 * <p>Chronicle creates {@code <target>/tmp} (and every missing parent) as it loads, with the
 * process's umask, so group and others could read it. That is why the place is made owner-only
 * here, before Chronicle can make it: a place Chronicle made first would be refused later as
 * open to others.
 */
public final class ChronicleTarget {
    private static final String PROPERTY = "project.build.directory";

    private ChronicleTarget() {
    }

    /**
     * Makes Telar's place (owner-only) and its {@code chronicle/tmp} directory when absent, and
     * sets the property to {@code chronicle}, unless the property is set already. Call before the
     * first Chronicle class loads. A place that is not safely Telar's own is left untouched and
     * the property unset: the command that needs the place reports it in one line.
     */
    public static void keepOutOfTmp() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Path place = RunDirectory.ensurePlace(RunDirectory.defaultParent(System.getenv()));
            Path own = place.resolve("chronicle");
            // inside an owner-only place, so no one else can have put anything here
            Files.createDirectories(own.resolve("tmp"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            System.setProperty(PROPERTY, own.toString());
        } catch (UnsafePlaceException | IOException notOurs) {
            // not ours to write in: leave it to the command that needs the place to say so
        }
    }
}
