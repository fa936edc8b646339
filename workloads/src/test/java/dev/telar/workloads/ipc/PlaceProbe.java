package dev.telar.workloads.ipc;

import java.nio.file.Path;

/**
 * A JVM of its own (run as another user or in another PID namespace by the tests) that asks
 * {@link RunDirectory#ensurePlace} about a place and prints the answer: {@code ok <path>} and exit
 * 0, or the refusal's problem as one line ({@link dev.telar.workloads.problem.Problem#toLine()}) and exit 3. Args: a path, or {@code default} for the automatic place of
 * this process's environment.
 */
public final class PlaceProbe {
    private PlaceProbe() {
    }

    public static void main(String[] args) {
        Path place = args[0].equals("default") ? RunDirectory.defaultParent(System.getenv()) : Path.of(args[0]);
        try {
            System.out.println("ok " + RunDirectory.ensurePlace(place));
        } catch (UnsafePlaceException e) {
            System.out.println(e.problem().toLine());
            System.exit(3);
        }
    }
}
