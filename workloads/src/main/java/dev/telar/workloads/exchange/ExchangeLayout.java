package dev.telar.workloads.exchange;

import java.nio.file.Path;

/** Where the exchange experiment keeps each mechanism's files inside its run directory. */
public final class ExchangeLayout {
    private ExchangeLayout() {
    }

    static Path pipe(Path dir, int index) {
        return dir.resolve("pipe-" + index);
    }

    static Path queue(Path dir) {
        return dir.resolve("queue");
    }

    static Path total(Path dir) {
        return dir.resolve("total.value");
    }

    static Path turn(Path dir) {
        return dir.resolve("turn.value");
    }

    static Path array(Path dir) {
        return dir.resolve("partials.array");
    }

    static Path dict(Path dir) {
        return dir.resolve("partials.dict");
    }

    public static Path gate(Path dir) {
        return dir.resolve("start.gate");
    }

    /** The name of the remote dict of the run in {@code dir}: unique like the directory. */
    static String remoteDict(Path dir) {
        return "exchange-" + dir.getFileName();
    }

    /** The manager value's entries: the running total, and whose turn it is to add. */
    static final String TOTAL = "total";
    static final String TURN = "turn";

    static String key(int index) {
        return "partial-" + index;
    }
}
