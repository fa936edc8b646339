package dev.telar.tui.cli;

import picocli.CommandLine.IVersionProvider;

/** The version lines of {@code --version}: Telar's ({@link TelarVersion}) and the running Java's. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"telar " + TelarVersion.version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
