package dev.telar.tui.view;

import dev.telar.tui.text.Message;
import dev.telar.workloads.lab.JobKind;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import java.util.Locale;
import java.util.Optional;

/**
 * A view that asks the lab for jobs (experiments, exchange, sync): what it does when the lab starts,
 * ends, refuses or loses a job, and with the news of its own jobs. Called by {@link LabLink} on
 * the UI thread, in the lab's order.
 */
interface JobView {
    /** True for the kinds of job this view starts. */
    boolean owns(JobKind kind);

    /** The lab started a job of this view's {@code kind}; {@code asked} is the command that asked for it, if known. */
    void jobStarted(JobKind kind, Optional<LabCommand.Job> asked);

    /** The lab's slot is free again after a job of {@code kind}, this view's or another's. */
    void jobEnded(JobKind kind);

    /** News of a job (results, progress); each view takes its own kinds. */
    void news(LabEvent event);

    /** Shows {@code note} on this view's message line. */
    void tell(Message note);

    /** The note for a job of this view refused because another job of this view runs. */
    Message busyNote();

    /** Words for a job of {@code kind}, as a refusal names it ({@code lab.job.<kind>}). */
    default Message jobWords(JobKind kind) {
        return new Message("lab.job." + kind.name().toLowerCase(Locale.ROOT));
    }

    /** The lab died: this view's job is over; {@code note} says why. */
    void labLost(Message note);
}
