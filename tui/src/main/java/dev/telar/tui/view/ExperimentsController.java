package dev.telar.tui.view;

import dev.telar.tui.text.Message;
import dev.telar.workloads.lab.JobKind;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.run.ExperimentEvent;
import java.util.Optional;

/**
 * The experiments view's controller: the form, a run with its baseline (Enter) or a sweep
 * ({@code w}) asked of the lab, and the lab's news of them.
 */
final class ExperimentsController extends FormController {
    private final ExperimentState x;
    private final Sampling sampling;

    ExperimentsController(ExperimentState x, Sampling sampling, LabLink lab) {
        super(lab, "x.run", 'w', "x.sweep", "footer.sweep", "x.cancel");
        this.x = x;
        this.sampling = sampling;
    }

    @Override
    void moveField(int delta) {
        x.moveField(delta);
    }

    @Override
    boolean change(int delta) {
        return x.change(delta);
    }

    @Override
    void selectField(int index) {
        x.selectField(x.fields().get(index));
    }

    @Override
    Outcome run() {
        return start(false);
    }

    @Override
    Outcome runOther() {
        return start(true);
    }

    /**
     * Asks the lab for the form's run (or sweep), unless the form names something impossible (a
     * model this JVM lacks, said in the user's language). Whether it starts is the lab's answer.
     */
    private Outcome start(boolean sweep) {
        Optional<Message> problem = x.problemMessage();
        if (problem.isPresent()) {
            x.setMessage(new Message("exp.msg.cannot", problem.get()));
            return Outcome.REDRAW;
        }
        lab().send(sweep ? new LabCommand.RunSweep(x.spec()) : new LabCommand.RunExperiment(x.spec(), x.baseline()));
        return Outcome.REDRAW;
    }

    @Override
    public boolean owns(JobKind kind) {
        return kind == JobKind.EXPERIMENT || kind == JobKind.SWEEP;
    }

    @Override
    public void jobStarted(JobKind kind, Optional<LabCommand.Job> asked) {
        x.jobStarted(kind == JobKind.SWEEP);
        // Worker threads appear in the next samples; ask for one now rather than after a full interval.
        sampling.now();
    }

    @Override
    public void jobEnded(JobKind kind) {
        // A note ("cancelling…", a refusal) spoke of the job that just ended, whichever it was.
        x.setMessage(Message.NONE);
        if (owns(kind)) {
            x.idle();
        }
    }

    @Override
    public void news(LabEvent event) {
        if (!(event instanceof LabEvent.Experiment e)) {
            return;
        }
        ExperimentEvent news = e.event();
        if (news instanceof ExperimentEvent.Started s) {
            x.started(s.spec());
        } else if (news instanceof ExperimentEvent.Children c) {
            // The run computes in child JVMs: list their threads too, from the next sample on.
            x.childrenStarted(c.pids());
            sampling.follow(true);
        } else if (news instanceof ExperimentEvent.Finished f) {
            x.finished(f.result());
        } else if (news instanceof ExperimentEvent.SweepFinished s) {
            x.sweepFinished(s.results());
        } else if (news instanceof ExperimentEvent.Idle) {
            x.idle();
        }
    }

    @Override
    public void tell(Message note) {
        x.setMessage(note);
    }

    @Override
    public Message busyNote() {
        return new Message("exp.msg.busy");
    }

    @Override
    public void labLost(Message note) {
        x.idle();
        x.setMessage(note);
    }
}
