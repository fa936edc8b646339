package dev.telar.tui.panel;

import dev.telar.tui.text.Message;
import dev.telar.workloads.exchange.ChildReport;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.ipc.DiskFullException;
import dev.telar.workloads.proc.ChildExit;

/**
 * How a child process of an exchange run ended, and why a run failed, as messages in the user's
 * language (the workloads word them in English for logs and JSON). Pure functions.
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
        int full = r.message().indexOf(DiskFullException.PREFIX);
        if (full >= 0) {
            // A full disk is the reason whoever met it (this process or a child): say that, in the
            // engine's words (they name the place and the free space).
            String reason = r.message().substring(full);
            boolean quoted = full > 0 && r.message().charAt(full - 1) == '(' && reason.endsWith(")");
            return Message.verbatim(quoted ? reason.substring(0, reason.length() - 1) : reason);
        }
        for (ChildReport c : r.children()) {
            if (c.exit().isPresent() && !c.exit().get().ok()) {
                Message death = death(c.pid(), c.exit().get());
                return c.sent() >= 0 ? new Message("xchg.child.read", death, c.received(), c.sent()) : death;
            }
        }
        return Message.verbatim(r.message());
    }
}
