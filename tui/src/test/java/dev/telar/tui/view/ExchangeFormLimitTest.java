package dev.telar.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.ExperimentDefaults;
import dev.telar.workloads.exchange.ExchangeSpec;
import org.junit.jupiter.api.Test;

/** The exchange form never offers more processes than an experiment takes (the queue's producers). */
class ExchangeFormLimitTest {
    @Test
    void theProcessesFieldStopsAtTheExchangeLimit() {
        ExperimentDefaults most = new ExperimentDefaults(ExperimentDefaults.DEFAULTS.draws(), ExperimentDefaults.DEFAULTS.tasks(),
                ExperimentDefaults.MAX_WORKERS, ExperimentDefaults.DEFAULTS.matrixSize());
        ExchangeState form = new ExchangeState(2, most);
        assertThat(form.processes()).isEqualTo(ExchangeSpec.MAX_PROCESSES);
        form.selectField(ExchangeState.Field.PROCESSES);
        assertThat(form.change(+1)).as("no step beyond the limit").isFalse();
        assertThat(form.processes()).isEqualTo(ExchangeSpec.MAX_PROCESSES);
        assertThat(form.change(-1)).isTrue();
        assertThat(form.processes()).isEqualTo(ExchangeSpec.MAX_PROCESSES - 1);
    }
}
