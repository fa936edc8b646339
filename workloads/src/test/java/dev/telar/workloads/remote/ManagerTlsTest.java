package dev.telar.workloads.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.problem.ProblemFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manager serving TLS only, with a key store made by the JDK's keytool as docs/MANAGER-TLS.md
 * shows, and real clients: with TLS and the key, without TLS, trusting another certificate.
 */
@Timeout(90)
class ManagerTlsTest {
    private static final String STORE_PASSWORD = "store-secret-123";
    private static final Duration SHORT = Duration.ofSeconds(3);

    @TempDir
    static Path state;
    private static ManagerKey key;
    private static ManagerServer server;
    private static ManagerTls tls;

    @BeforeAll
    static void startTlsManager() throws Exception {
        Path keys = Files.createDirectories(state.resolve("tls"));
        makeStores(keys, "manager", "trust");
        tls = ManagerTls.read(settingsFile(keys, "tls.properties", "manager.p12", "trust.p12", "rw-------"));
        key = ManagerKey.readOrCreate(ManagerKey.defaultFile(state));
        server = ManagerServer.start(new InetSocketAddress("127.0.0.1", 0), ManagerServer.defaultDirectory(state), key,
                ManagerServer.Options.defaults().withTls(tls));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aClientWithTlsAndTheKeyAddsToAValue() throws Exception {
        try (ManagerClient client = ManagerClient.connect(server.connectString(), key, LoopbackManager.CONNECT,
                ManagerClient.DEFAULT_SESSION, tls)) {
            RemoteValue v = RemoteValue.open(client, "secure", 41);
            assertThat(v.addAndGet(1)).isEqualTo(42);
            assertThat(v.get()).isEqualTo(42);
        }
    }

    @Test
    void aPlainClientGetsNoSession() {
        assertThatThrownBy(() -> ManagerClient.connect(server.connectString(), key, SHORT))
                .isInstanceOf(ProblemFailure.class)
                .satisfies(e -> assertThat(((ProblemFailure) e).problem())
                        .isEqualTo(Problem.of(ProblemCode.MANAGER_UNREACHABLE, server.connectString(), "3")));
    }

    @Test
    void aClientTrustingAnotherCertificateGetsNoSession(@TempDir Path other) throws Exception {
        makeStores(other, "stranger", "trust");
        ManagerTls wrongTrust = ManagerTls.read(settingsFile(other, "tls.properties", "stranger.p12", "trust.p12", "rw-------"));
        assertThatThrownBy(() -> ManagerClient.connect(server.connectString(), key, SHORT, ManagerClient.DEFAULT_SESSION, wrongTrust))
                .isInstanceOf(ProblemFailure.class)
                .satisfies(e -> assertThat(((ProblemFailure) e).problem().code()).isEqualTo(ProblemCode.MANAGER_UNREACHABLE));
    }

    @Test
    void settingsReadableByOthersOrNamingNoStoreAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path open = settingsFile(dir, "open.properties", "manager.p12", "trust.p12", "rw-r--r--");
        assertThatThrownBy(() -> ManagerTls.read(open)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem())
                        .isEqualTo(Problem.of(ProblemCode.MANAGER_TLS_BAD, open, "others may read it (rw-r--r--); chmod 600")));
        Path clientOnly = settingsFile(dir, "client.properties", null, "trust.p12", "rw-------");
        ManagerTls noKeyStore = ManagerTls.read(clientOnly);
        assertThat(noKeyStore.trustStore()).isEqualTo(dir.resolve("trust.p12"));
        assertThat(noKeyStore.toString()).doesNotContain(STORE_PASSWORD);
        assertThatThrownBy(() -> ManagerServer.start(new InetSocketAddress("127.0.0.1", 0), dir.resolve("m"), key,
                ManagerServer.Options.defaults().withTls(noKeyStore)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem())
                        .isEqualTo(Problem.of(ProblemCode.MANAGER_TLS_BAD, clientOnly.toString(), "it names no keyStore")));
        assertThat(dir.resolve("m")).doesNotExist();
    }

    /**
     * {@code NAME.p12}: a key pair and a self-signed certificate for 127.0.0.1 and localhost;
     * {@code TRUST.p12}: that certificate alone, for clients. Both with {@link #STORE_PASSWORD}.
     */
    static void makeStores(Path dir, String name, String trust) throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        keytool(dir, keytool, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "30",
                "-keystore", name + ".p12", "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        keytool(dir, keytool, "-exportcert", "-alias", name, "-keystore", name + ".p12", "-storepass", STORE_PASSWORD,
                "-rfc", "-file", name + ".crt");
        keytool(dir, keytool, "-importcert", "-noprompt", "-alias", name, "-file", name + ".crt",
                "-keystore", trust + ".p12", "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
    }

    private static void keytool(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool %s: %s", command[1], out).isZero();
    }

    /** A settings file in {@code dir} naming the stores (relative: taken from the file's folder), with {@code mode}. */
    private static Path settingsFile(Path dir, String name, String keyStore, String trustStore, String mode) throws IOException {
        StringBuilder text = new StringBuilder();
        if (keyStore != null) {
            text.append("keyStore=").append(keyStore).append("\nkeyStorePassword=").append(STORE_PASSWORD).append('\n');
        }
        text.append("trustStore=").append(trustStore).append("\ntrustStorePassword=").append(STORE_PASSWORD).append('\n');
        Path file = dir.resolve(name);
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }
}
