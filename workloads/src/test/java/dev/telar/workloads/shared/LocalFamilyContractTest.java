package dev.telar.workloads.shared;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the local family: mapped files and Chronicle in a directory of this machine. */
class LocalFamilyContractTest extends SharedObjectsContract {
    @TempDir
    Path dir;

    @Override
    protected List<String> where() {
        return List.of("local", dir.toString());
    }

    @Override
    protected int perProcess() {
        return 500;
    }
}
