package dev.telar.tui.panel;

import dev.telar.tui.text.Message;
import dev.telar.tui.text.Problems;
import dev.telar.workloads.exchange.ChildReport;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.proc.ChildExit;
import java.util.Optional;

/**
 * How a child process of an exchange run ended, and why a run failed, as short messages in the
 * user's language for the exchange view. Pure functions.
 */
final class ExchangeTexts {
    private ExchangeTexts() {
    }

    /** E.g. "child 1234 killed by SIGKILL (9)" or "child 1234 ended with exit code 1". */
    static Message death(long pid, ChildExit exit) {
        int signal = exit.signal();
        return signal != 0 ? new Message("xchg.child.signal", pid, ChildExit.signalName(signal), signal)
                : new Message("xchg.child.exit", pid, exit.code());
    }

    /**
     * Why {@code r} failed: a full disk when that was the reason; else the first child that did
     * not end well, how it ended, and how many of the messages it wrote were read (all of them,
     * when nothing was lost); else the run's own words (e.g. the children did not start).
     */
    static Message failure(ExchangeResult r) {
        Optional<Problem> full = r.problem().diskFull();
        if (full.isPresent()) {
            // A full disk is the reason whoever met it (this process or a child): say that alone
            // (it names the place and the free space).
            return Problems.message(full.get());
        }
        for (ChildReport c : r.children()) {
            if (c.exit().isPresent() && !c.exit().get().ok()) {
                Message death = death(c.pid(), c.exit().get());
                return c.sent() >= 0 ? new Message("xchg.child.read", death, c.received(), c.sent()) : death;
            }
        }
        return Problems.message(r.problem());
    }
}
