package dev.telar.workloads.remote;

/** The paths of the remote objects' nodes, relative to {@link ManagerClient#ROOT}. */
public final class RemoteNames {
    /** The longest name accepted, in characters: ZooKeeper keeps whole paths in memory on every server. */
    public static final int MAX_LENGTH = 200;

    private RemoteNames() {
    }

    /**
     * {@code folder/name}, once {@code name} is checked: one path segment (no '/'), not "." or
     * "..", not empty, at most {@value #MAX_LENGTH} characters, no control characters; else
     * {@link IllegalArgumentException} saying why.
     */
    public static String path(String folder, String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a remote object's name has 1 to " + MAX_LENGTH + " characters: '" + name + "'");
        }
        if (name.indexOf('/') >= 0 || name.equals(".") || name.equals("..") || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a remote object's name is one word without '/' or control characters: '" + name + "'");
        }
        return folder + "/" + name;
    }
}
