package dev.telar.workloads.remote;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The shared secret of a manager and its clients, like the authkey of the lecture's Manager: the
 * password of the one SASL user {@value #USER}. A key comes from a file that only its owner may
 * read, or from the variable {@value #VARIABLE}; never from the command line, where other users
 * would see it in the process list.
 *
 * <p>A generated key is {@value #RANDOM_BYTES} random bytes in URL-safe base64 without padding
 * (43 characters) and a newline. A key given by the user must be at least {@value #MIN_LENGTH}
 * characters without blanks. {@link #toString()} never shows the secret.
 */
public final class ManagerKey {
    /** The SASL user every Telar client authenticates as; the key is its password. */
    public static final String USER = "telar";
    /** The environment variable a key may come from. */
    public static final String VARIABLE = "TELAR_MANAGER_KEY";
    /** The key file's name in Telar's state directory. */
    public static final String FILE_NAME = "manager.key";
    /** How many random bytes a generated key holds. */
    public static final int RANDOM_BYTES = 32;
    /** The shortest key accepted, in characters. */
    public static final int MIN_LENGTH = 16;

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OPEN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final String secret;
    private final String source;

    private ManagerKey(String secret, String source) {
        this.secret = secret;
        this.source = source;
    }

    /** {@code stateDirectory/manager.key}: where {@code telar manager serve} keeps the key it generated. */
    public static Path defaultFile(Path stateDirectory) {
        return stateDirectory.resolve(FILE_NAME);
    }

    /**
     * The key in {@code file}: its first line, trimmed.
     *
     * @throws ProblemException when the file is missing, not a regular file, readable by its group
     *                          or others ({@link ProblemCode#MANAGER_KEY_OPEN}), unreadable, or its key too short
     */
    public static ManagerKey read(Path file) {
        if (!Files.exists(file)) {
            throw refused(ProblemCode.MANAGER_KEY_MISSING, file);
        }
        if (!Files.isRegularFile(file)) {
            throw refused(ProblemCode.MANAGER_KEY_NOT_FILE, file);
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(OPEN::contains)) {
                throw refused(ProblemCode.MANAGER_KEY_OPEN, file, PosixFilePermissions.toString(mode));
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return checked(text.lines().findFirst().orElse("").trim(), file.toString());
        } catch (IOException e) {
            throw refused(ProblemCode.MANAGER_KEY_UNREADABLE, file, e.getMessage());
        }
    }

    /** The key in the variable {@value #VARIABLE} of {@code env} (null when unset), if it is set and not blank. */
    public static Optional<ManagerKey> fromEnvironment(Function<String, String> env) {
        String value = env.apply(VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(checked(value.trim(), VARIABLE));
    }

    /**
     * The key in {@code file}, generated there first when no file is there. A new file is created
     * owner-only (0600) in one step, and never over an existing file: one that appeared meanwhile
     * is read instead. Missing parent directories are created owner-only (0700).
     *
     * @throws ProblemException as {@link #read}, or when the file cannot be written
     */
    public static ManagerKey readOrCreate(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return read(file);
        }
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            }
            try (SeekableByteChannel out = Files.newByteChannel(file,
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))) {
                out.write(ByteBuffer.wrap((secret + "\n").getBytes(StandardCharsets.US_ASCII)));
            }
            return new ManagerKey(secret, file.toString());
        } catch (FileAlreadyExistsException raced) {
            return read(file); // another serve made it first: theirs is the key
        } catch (IOException e) {
            throw refused(ProblemCode.MANAGER_KEY_UNREADABLE, file, e.getMessage());
        }
    }

    /** A key given in code (tests, and keys read elsewhere), checked like any other; {@code source} names it in messages. */
    public static ManagerKey of(String secret, String source) {
        return checked(secret, source);
    }

    /** Where this key came from: a file's path or {@value #VARIABLE}. */
    public String source() {
        return source;
    }

    /** The secret itself: only for the SASL login of this package. */
    String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "manager key from " + source;
    }

    private static ManagerKey checked(String secret, String source) {
        if (secret.length() < MIN_LENGTH || secret.chars().anyMatch(Character::isWhitespace)) {
            throw new ProblemException(Problem.of(ProblemCode.MANAGER_KEY_BAD, source, MIN_LENGTH));
        }
        return new ManagerKey(secret, source);
    }

    private static ProblemException refused(ProblemCode code, Path file, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = file;
        System.arraycopy(more, 0, args, 1, more.length);
        return new ProblemException(Problem.of(code, args));
    }
}
