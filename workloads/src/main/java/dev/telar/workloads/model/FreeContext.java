package dev.telar.workloads.model;

import dev.telar.workloads.kernel.CancelledException;
import dev.telar.workloads.kernel.TaskContext;
import dev.telar.workloads.run.RunControl;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The context of tasks that run truly in parallel: checkpoints only watch for cancellation. */
class FreeContext implements TaskContext {
    final RunControl control;

    FreeContext(RunControl control) {
        this.control = control;
    }

    @Override
    public void checkpoint() {
        control.check();
    }

    @Override
    public void blocking(BlockingAction action) {
        control.check();
        try {
            action.run();
        } catch (InterruptedException e) {
            throw new CancelledException();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Thread helperThread(String name, Runnable body) {
        return new Thread(control.instrument(body), name);
    }
}
