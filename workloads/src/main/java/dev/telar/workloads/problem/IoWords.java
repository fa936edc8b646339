package dev.telar.workloads.problem;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Map;
import java.util.Optional;

/**
 * A file-system error in the words a user of {@code ls} or {@code mkdir} reads ({@code /x: no such
 * file or directory}), instead of a Java class name ({@code NoSuchFileException: /x}), which
 * error lines would otherwise show. The system's own reason is kept when Java has one.
 */
public final class IoWords {
    private IoWords() {
    }

    /** {@code file: reason} (or {@code file -> other: reason}) for a file-system error; empty for any other error. */
    public static Optional<String> of(Throwable failure) {
        if (!(failure instanceof FileSystemException f)) {
            return Optional.empty();
        }
        String why = f.getReason() != null && !f.getReason().isBlank() ? f.getReason().strip() : reason(f);
        if (f.getFile() == null) {
            return Optional.of(why);
        }
        String what = f.getOtherFile() == null ? f.getFile() : f.getFile() + " -> " + f.getOtherFile();
        return Optional.of(what + ": " + why);
    }

    /** The plain reason of each kind of error (the kinds are disjoint), as {@code strerror} words it. */
    private static final Map<Class<? extends FileSystemException>, String> REASONS = Map.of(
            NoSuchFileException.class, "no such file or directory",
            FileAlreadyExistsException.class, "exists already",
            AccessDeniedException.class, "permission denied",
            NotDirectoryException.class, "not a directory",
            DirectoryNotEmptyException.class, "directory not empty",
            NotLinkException.class, "not a symbolic link",
            FileSystemLoopException.class, "too many levels of symbolic links");

    private static String reason(FileSystemException f) {
        return REASONS.entrySet().stream().filter(e -> e.getKey().isInstance(f)).map(Map.Entry::getValue)
                .findFirst().orElse("file system error");
    }
}
