package dev.telar.tui.view;

import dev.telar.tui.text.Message;
import dev.telar.tui.text.Problems;
import dev.telar.workloads.lab.JobKind;
import dev.telar.workloads.lab.Lab;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's side of the {@link Lab}: the job views send their commands through it, and it
 * hands the lab's events to them. Whether a job starts is the lab's answer alone (only the lab
 * knows whether its one slot is free), so a job command is remembered until the lab starts or
 * refuses it, and the view that asked takes on the start with what it asked for. UI thread only.
 */
final class LabLink {
    private final ViewState view;
    private final Lab lab;
    private List<JobView> views = List.of();
    /** Jobs asked of the lab and not yet started or refused, oldest first. */
    private final Deque<LabCommand.Job> asked = new ArrayDeque<>();

    LabLink(ViewState view, Lab lab) {
        this.view = view;
        this.lab = lab;
    }

    /** The job views the lab's events go to, each owning its kinds of job (they are made with this link). */
    void serve(JobView... jobViews) {
        this.views = List.of(jobViews);
    }

    /** A job view opened: the lab may get ready now, so that the first job starts at once. */
    void warmUp() {
        lab.warmUp();
    }

    /** Asks the lab for {@code command}; returns at once, the answer comes as events. */
    void send(LabCommand command) {
        if (command instanceof LabCommand.Job job) {
            asked.add(job);
        }
        lab.send(command);
    }

    /**
     * c or Esc in a job view: the lab has one job at a time, so this cancels whichever runs, also
     * one started in another view (a refusal tells the user to do exactly that).
     *
     * @param shown the view the key was pressed in, which says {@code note}
     */
    Outcome cancel(JobView shown, Message note) {
        if (view.labJob().isEmpty()) {
            return Outcome.IGNORED;
        }
        send(new LabCommand.Cancel());
        shown.tell(note);
        return Outcome.REDRAW;
    }

    /** Takes an event of the lab, delivered in the lab's order through the event loop's queue. */
    void onLab(LabEvent event) {
        if (event instanceof LabEvent.Ready r) {
            view.setLabPid(r.pid());
        } else if (event instanceof LabEvent.JobStarted s) {
            view.setLabJob(s.kind());
            owner(s.kind()).jobStarted(s.kind(), takeAsked(s.kind()));
        } else if (event instanceof LabEvent.JobEnded e) {
            view.setLabJob(null);
            for (JobView v : views) {
                v.jobEnded(e.kind());
            }
        } else if (event instanceof LabEvent.Refused r) {
            takeAsked(r.asked());
            owner(r.asked()).tell(refusal(r.asked(), r.running()));
        } else if (event instanceof LabEvent.Rejected r) {
            owner(r.asked()).tell(new Message("lab.rejected", Problems.message(r.reason())));
        } else if (event instanceof LabEvent.LabLost lost) {
            // Its job was reported failed just before; the next job starts a new lab.
            asked.clear();
            view.setLabJob(null);
            Message note = new Message("lab.lost", Problems.message(lost.reason()));
            for (JobView v : views) {
                v.labLost(note);
            }
        } else {
            for (JobView v : views) {
                v.news(event);
            }
        }
    }

    /** Why a job of {@code asked} did not start: the view's own "busy" note, or which other job holds the slot. */
    private Message refusal(JobKind asked, JobKind running) {
        JobView mine = owner(asked);
        JobView theirs = owner(running);
        if (mine == theirs) {
            return mine.busyNote();
        }
        return new Message("lab.refused", theirs.jobWords(running), mine.jobWords(asked));
    }

    private JobView owner(JobKind kind) {
        for (JobView v : views) {
            if (v.owns(kind)) {
                return v;
            }
        }
        throw new IllegalStateException("no view starts jobs of kind " + kind);
    }

    /** The oldest job asked of {@code kind} and not yet answered, now answered; empty when there is none. */
    private Optional<LabCommand.Job> takeAsked(JobKind kind) {
        for (Iterator<LabCommand.Job> it = asked.iterator(); it.hasNext();) {
            LabCommand.Job job = it.next();
            if (job.kind() == kind) {
                it.remove();
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }
}
