package dev.telar.tui.view;

import dev.telar.tui.text.Message;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.exchange.TotalCheck;
import dev.telar.workloads.lab.JobKind;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.mechanism.Mechanism;
import java.util.Optional;

/**
 * The exchange view's controller: the form, the 1-vs-P comparison (Enter) or the race demo
 * ({@code r}) asked of the lab, and the lab's news and progress of them.
 */
final class ExchangeController extends FormController {
    private final ExchangeState e;

    ExchangeController(ExchangeState e, LabLink lab) {
        super(lab, "e.run", 'r', "e.race", "footer.race", "e.cancel");
        this.e = e;
    }

    @Override
    void moveField(int delta) {
        e.moveField(delta);
    }

    @Override
    boolean change(int delta) {
        return e.change(delta);
    }

    @Override
    void selectField(int index) {
        e.selectField(ExchangeState.Field.values()[index]);
    }

    @Override
    Outcome run() {
        boolean remote = e.mechanisms().stream().anyMatch(Mechanism::needsManager);
        lab().send(new LabCommand.CompareExchange(e.mechanisms(), e.processes(), e.draws(), e.compare(),
                TotalCheck.AFTER_RUN, remote ? e.manager() : Optional.empty()));
        return Outcome.REDRAW;
    }

    @Override
    Outcome runOther() {
        lab().send(new LabCommand.RunRace(e.processes(), e.increments()));
        return Outcome.REDRAW;
    }

    @Override
    public boolean owns(JobKind kind) {
        return kind == JobKind.EXCHANGE || kind == JobKind.RACE;
    }

    /**
     * The rows (or the race) start from what was asked, not from the form, which may have changed
     * since; a job this view did not ask for still makes it busy, and its own events fill it in.
     */
    @Override
    public void jobStarted(JobKind kind, Optional<LabCommand.Job> asked) {
        if (kind == JobKind.RACE) {
            LabCommand.RunRace r = asked.map(LabCommand.RunRace.class::cast).orElse(new LabCommand.RunRace(0, 0));
            e.raceJobStarted(r.processes(), r.increments());
        } else {
            asked.map(LabCommand.CompareExchange.class::cast).ifPresentOrElse(
                    c -> e.comparisonStarted(c.mechanisms(), c.processes(), c.withOne()),
                    () -> e.comparisonStarted(java.util.List.of(), 0, false));
        }
    }

    @Override
    public void jobEnded(JobKind kind) {
        e.setMessage(Message.NONE);
        if (owns(kind)) {
            e.idle();
        }
    }

    @Override
    public void news(LabEvent event) {
        if (event instanceof LabEvent.ExchangeProgressed p) {
            e.progress(p.progress());
        } else if (event instanceof LabEvent.RaceSampled r) {
            e.raceSample(r.sample());
        } else if (event instanceof LabEvent.Exchange x) {
            ExchangeEvent news = x.event();
            if (news instanceof ExchangeEvent.RunStarted s) {
                e.started(s.spec());
            } else if (news instanceof ExchangeEvent.RunFinished f) {
                e.finished(f);
            } else if (news instanceof ExchangeEvent.RaceStarted r) {
                e.raceStarted(r.processes(), r.increments());
            } else if (news instanceof ExchangeEvent.RaceFinished r) {
                e.raceFinished(r.result());
            } else if (news instanceof ExchangeEvent.Idle) {
                e.idle();
            }
        }
    }

    @Override
    public void tell(Message note) {
        e.setMessage(note);
    }

    @Override
    public Message busyNote() {
        return new Message("xchg.msg.busy");
    }

    @Override
    public void labLost(Message note) {
        e.idle();
        e.setMessage(note);
    }
}
