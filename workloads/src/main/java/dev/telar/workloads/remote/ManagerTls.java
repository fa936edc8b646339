package dev.telar.workloads.remote;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

/**
 * Where a manager's TLS keys are: ZooKeeper's own TLS (Netty, the JDK's provider), set up from one
 * small owner-only file of {@code name=value} lines:
 *
 * <pre>
 * keyStore=manager.p12            # the server's key and certificate (the server needs it)
 * keyStorePassword=...
 * trustStore=trust.p12            # the certificate clients trust (the clients need it)
 * trustStorePassword=...
 * </pre>
 *
 * A relative path is taken from the file's folder. A store's type follows its name's ending, as
 * ZooKeeper tells it: {@code .p12} or {@code .pfx} (PKCS#12), {@code .jks}, {@code .pem}.
 *
 * <p><b>What TLS adds.</b> Clients check the server's certificate against the trust store (and its
 * name or address against the one they connect to), and everything on the wire is encrypted. The
 * server does not ask clients for certificates: clients prove themselves with the key (SASL), as
 * without TLS. {@link #toString()} never shows a password.
 *
 * @param source where the settings came from (a file's path), named in messages
 */
public record ManagerTls(String source, Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {
    private static final Set<PosixFilePermission> OPEN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    /**
     * The settings in {@code file}.
     *
     * @throws ProblemException {@link ProblemCode#MANAGER_TLS_BAD} when the file is missing,
     *                          readable by others (it holds passwords), unreadable, or names no store
     */
    public static ManagerTls read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw bad(file, "no such file");
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(OPEN::contains)) {
                throw bad(file, "others may read it (" + PosixFilePermissions.toString(mode) + "); chmod 600");
            }
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            Path folder = file.toAbsolutePath().getParent();
            ManagerTls tls = new ManagerTls(file.toString(), store(p, "keyStore", folder), p.getProperty("keyStorePassword", ""),
                    store(p, "trustStore", folder), p.getProperty("trustStorePassword", ""));
            if (tls.keyStore == null && tls.trustStore == null) {
                throw bad(file, "it names neither keyStore nor trustStore");
            }
            return tls;
        } catch (IOException e) {
            throw bad(file, String.valueOf(e.getMessage()));
        }
    }

    /** The key store, for a server. @throws ProblemException when none is named or it is not a readable file */
    Path serverKeyStore() {
        return existing(keyStore, "keyStore");
    }

    /** The trust store, for a client. @throws ProblemException when none is named or it is not a readable file */
    Path clientTrustStore() {
        return existing(trustStore, "trustStore");
    }

    private Path existing(Path store, String name) {
        if (store == null) {
            throw new ProblemException(Problem.of(ProblemCode.MANAGER_TLS_BAD, source, "it names no " + name));
        }
        if (!Files.isRegularFile(store) || !Files.isReadable(store)) {
            throw new ProblemException(Problem.of(ProblemCode.MANAGER_TLS_BAD, source, name + " " + store + " is not a readable file"));
        }
        return store;
    }

    private static Path store(Properties p, String name, Path folder) {
        String value = p.getProperty(name, "").trim();
        return value.isEmpty() ? null : folder.resolve(value).normalize();
    }

    private static ProblemException bad(Path file, String detail) {
        return new ProblemException(Problem.of(ProblemCode.MANAGER_TLS_BAD, file, detail));
    }

    @Override
    public String toString() {
        return "TLS settings from " + source + ": key store " + keyStore + ", trust store " + trustStore;
    }
}
