package dev.telar.workloads.remote;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;
import org.apache.zookeeper.server.persistence.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a manager's old snapshots and transaction logs, keeping the newest {@code keep} valid
 * snapshots and every log needed to replay from the oldest of them. ZooKeeper's own purge does the
 * same but prints each file it removes to {@code System.out}, which is the user's terminal under
 * {@code telar manager serve} (and the dashboard's screen when a manager runs inside it); this one
 * only logs. Safe while the server runs: it touches only files older than a snapshot kept.
 */
final class DataPurge {
    private static final Logger LOG = LoggerFactory.getLogger(DataPurge.class);
    private static final String SNAPSHOT = "snapshot";
    private static final String LOG_FILE = "log";

    private DataPurge() {
    }

    /**
     * One purge of {@code dataDirectory} (ZooKeeper's dataDir, holding {@code version-2}).
     *
     * @return how many files it deleted
     */
    static int purge(Path dataDirectory, int keep) throws IOException {
        FileTxnSnapLog files = new FileTxnSnapLog(dataDirectory.toFile(), dataDirectory.toFile());
        try {
            List<File> kept = files.findNValidSnapshots(keep);
            if (kept.size() < keep) {
                return 0; // fewer snapshots than kept: nothing is old yet
            }
            long oldestKept = Util.getZxidFromName(kept.get(kept.size() - 1).getName(), SNAPSHOT);
            Set<File> needed = new HashSet<>(List.of(files.getSnapshotLogs(oldestKept)));
            int deleted = 0;
            File[] all = files.getSnapDir().listFiles();
            for (File f : all == null ? new File[0] : all) {
                String prefix = f.getName().startsWith(SNAPSHOT + ".") ? SNAPSHOT
                        : f.getName().startsWith(LOG_FILE + ".") ? LOG_FILE : null;
                long zxid = prefix == null ? -1 : Util.getZxidFromName(f.getName(), prefix);
                if (zxid < 0 || zxid >= oldestKept || needed.contains(f)) {
                    continue; // not ZooKeeper's name (not ours to delete), or still needed
                }
                if (Files.deleteIfExists(f.toPath())) {
                    deleted++;
                    LOG.debug("manager purge removed {}", f);
                }
            }
            LOG.info("manager purge of {}: {} old files removed, {} snapshots kept", dataDirectory, deleted, kept.size());
            return deleted;
        } finally {
            files.close();
        }
    }
}
