package dev.telar.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.ExperimentDefaults;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.model.ModelKind;
import org.junit.jupiter.api.Test;

/** The experiments form starts from the settings' experiment defaults. */
class ExperimentFormDefaultsTest {
    @Test
    void builtInDefaultsAreTheLecturesFourByFour() {
        ExperimentState form = new ExperimentState(8);
        assertThat(form.workers()).isEqualTo(4);
        assertThat(form.tasks()).isEqualTo(4);
        assertThat(form.size()).isEqualTo(200_000_000L);
    }

    @Test
    void zeroWorkersMeansOnePerCore() {
        ExperimentState form = new ExperimentState(6, new ExperimentDefaults(10_000_000L, 12, 0, 500));
        assertThat(form.workers()).isEqualTo(6);
        assertThat(form.tasks()).isEqualTo(12);
        assertThat(form.size()).isEqualTo(10_000_000L);
    }

    @Test
    void aSizeThatIsNoPresetIsOfferedAmongThePresets() {
        ExperimentState form = new ExperimentState(4, new ExperimentDefaults(75_000_000L, 4, 2, 400));
        assertThat(form.size()).isEqualTo(75_000_000L);
        form.selectField(ExperimentState.Field.SIZE);
        assertThat(form.change(+1)).isTrue();
        assertThat(form.size()).isEqualTo(200_000_000L);
        assertThat(form.change(-1)).isTrue();
        assertThat(form.change(-1)).isTrue();
        assertThat(form.size()).isEqualTo(50_000_000L);

        form.selectField(ExperimentState.Field.KERNEL);
        form.change(+1);
        form.change(+1);
        assertThat(form.kernel()).isEqualTo(KernelKind.MATMUL);
        assertThat(form.size()).isEqualTo(400);
        assertThat(form.spec().kernelThreads()).isEqualTo(2);
    }

    @Test
    void theModelsOwnSettingShowsOnlyForGilAndSubinterpretersAndReachesTheRun() {
        ExperimentState form = new ExperimentState(2);
        assertThat(form.model()).isEqualTo(ModelKind.THREAD_TARGET);
        assertThat(form.fields()).doesNotContain(ExperimentState.Field.PARAM);
        form.selectField(ExperimentState.Field.MODEL);
        form.moveField(+1);
        assertThat(form.field()).as("the hidden row is skipped").isEqualTo(ExperimentState.Field.WORKERS);

        form.selectField(ExperimentState.Field.MODEL);
        while (form.model() != ModelKind.GIL) {
            form.change(+1);
        }
        assertThat(form.param()).isEqualTo(ExperimentState.Param.SWITCH);
        assertThat(form.fields()).containsSubsequence(ExperimentState.Field.MODEL, ExperimentState.Field.PARAM,
                ExperimentState.Field.WORKERS);
        form.moveField(+1);
        assertThat(form.field()).isEqualTo(ExperimentState.Field.PARAM);
        assertThat(form.spec().switchMillis()).isEqualTo(5.0);
        assertThat(form.change(+1)).isTrue();
        assertThat(form.change(+1)).isTrue();
        assertThat(form.change(+1)).as("100 ms is the last preset").isFalse();
        assertThat(form.spec().switchMillis()).isEqualTo(100.0);

        form.selectField(ExperimentState.Field.MODEL);
        while (form.model() != ModelKind.SUBINTERPRETERS) {
            form.change(+1);
        }
        assertThat(form.param()).isEqualTo(ExperimentState.Param.INTERPRETERS);
        form.selectField(ExperimentState.Field.PARAM);
        assertThat(form.change(-1)).isTrue();
        assertThat(form.spec().interpreters()).isEqualTo(1);
        assertThat(form.change(-1)).isFalse();

        form.selectField(ExperimentState.Field.KERNEL);
        while (form.kernel() != KernelKind.MATMUL) {
            form.change(+1);
        }
        assertThat(form.param()).as("the product runs on its own threads").isEqualTo(ExperimentState.Param.NONE);
        assertThat(form.fields()).doesNotContain(ExperimentState.Field.PARAM);
    }
}
