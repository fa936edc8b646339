package dev.telar.workloads.ipc;

/**
 * A JVM of its own for {@link ChronicleTargetTest}: does what every Telar JVM does first
 * ({@link ChronicleTarget#keepOutOfTmp}), then loads Chronicle's {@code OS} class, which makes its
 * directories as it loads, and prints the property Chronicle read ({@code none} when unset).
 */
public final class ChronicleTargetProbe {
    private ChronicleTargetProbe() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        ChronicleTarget.keepOutOfTmp();
        Class.forName("net.openhft.chronicle.core.OS");
        System.out.println(System.getProperty("project.build.directory", "none"));
    }
}
