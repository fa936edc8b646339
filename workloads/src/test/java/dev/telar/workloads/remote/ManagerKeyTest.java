package dev.telar.workloads.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The key's file (made owner-only, refused when others may read it), its variable, and its checks. */
@Timeout(10)
class ManagerKeyTest {
    @TempDir
    Path tmp;

    @Test
    void aNewKeyFileIsOwnerOnlyInAnOwnerOnlyDirectoryAndReadsBackTheSame() throws Exception {
        Path file = ManagerKey.defaultFile(tmp.resolve("state").resolve("telar"));
        ManagerKey made = ManagerKey.readOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(made.secret()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Files.readString(file)).isEqualTo(made.secret() + "\n");
        assertThat(ManagerKey.readOrCreate(file).secret()).isEqualTo(made.secret()); // never overwritten
        assertThat(ManagerKey.read(file).secret()).isEqualTo(made.secret());
        assertThat(made.toString()).doesNotContain(made.secret());
    }

    @Test
    void twoKeysMadeInTwoPlacesDiffer() {
        assertThat(ManagerKey.readOrCreate(tmp.resolve("a.key")).secret())
                .isNotEqualTo(ManagerKey.readOrCreate(tmp.resolve("b.key")).secret());
    }

    @Test
    void aKeyFileReadableByTheGroupIsRefusedAndLeftAsItWas() throws Exception {
        Path file = tmp.resolve("open.key");
        Files.writeString(file, "a-key-that-is-long-enough\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> ManagerKey.read(file)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem())
                        .isEqualTo(Problem.of(ProblemCode.MANAGER_KEY_OPEN, file, "rw-r-----")));
        assertThatThrownBy(() -> ManagerKey.readOrCreate(file)).isInstanceOf(ProblemException.class);
        assertThat(Files.readString(file)).isEqualTo("a-key-that-is-long-enough\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void aMissingFileADirectoryAndAShortKeyAreEachNamed() throws Exception {
        Path missing = tmp.resolve("none.key");
        assertThatThrownBy(() -> ManagerKey.read(missing))
                .satisfies(e -> assertThat(((ProblemException) e).problem()).isEqualTo(Problem.of(ProblemCode.MANAGER_KEY_MISSING, missing)));
        assertThatThrownBy(() -> ManagerKey.read(tmp))
                .satisfies(e -> assertThat(((ProblemException) e).problem()).isEqualTo(Problem.of(ProblemCode.MANAGER_KEY_NOT_FILE, tmp)));
        Path shortKey = tmp.resolve("short.key");
        Files.writeString(shortKey, "short\n");
        Files.setPosixFilePermissions(shortKey, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> ManagerKey.read(shortKey))
                .satisfies(e -> assertThat(((ProblemException) e).problem())
                        .isEqualTo(Problem.of(ProblemCode.MANAGER_KEY_BAD, shortKey, ManagerKey.MIN_LENGTH)));
    }

    @Test
    void theVariableGivesAKeyWhenSetAndNothingWhenBlank() {
        assertThat(ManagerKey.fromEnvironment(Map.of(ManagerKey.VARIABLE, " from-the-environment-1234 ")::get))
                .hasValueSatisfying(k -> {
                    assertThat(k.secret()).isEqualTo("from-the-environment-1234");
                    assertThat(k.source()).isEqualTo(ManagerKey.VARIABLE);
                });
        assertThat(ManagerKey.fromEnvironment(Map.of(ManagerKey.VARIABLE, "  ")::get)).isEmpty();
        assertThat(ManagerKey.fromEnvironment(Map.<String, String>of()::get)).isEmpty();
        assertThatThrownBy(() -> ManagerKey.fromEnvironment(Map.of(ManagerKey.VARIABLE, "two words here ok")::get))
                .satisfies(e -> assertThat(((ProblemException) e).problem())
                        .isEqualTo(Problem.of(ProblemCode.MANAGER_KEY_BAD, ManagerKey.VARIABLE, ManagerKey.MIN_LENGTH)));
    }
}
