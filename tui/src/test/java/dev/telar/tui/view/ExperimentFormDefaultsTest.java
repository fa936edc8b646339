package dev.telar.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.ExperimentDefaults;
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
        form.moveField(ExperimentState.Field.SIZE.ordinal() - form.field().ordinal());
        assertThat(form.change(+1)).isTrue();
        assertThat(form.size()).isEqualTo(200_000_000L);
        assertThat(form.change(-1)).isTrue();
        assertThat(form.change(-1)).isTrue();
        assertThat(form.size()).isEqualTo(50_000_000L);

        form.moveField(ExperimentState.Field.KERNEL.ordinal() - form.field().ordinal());
        form.change(+1);
        form.change(+1);
        assertThat(form.kernel()).isEqualTo("matmul");
        assertThat(form.size()).isEqualTo(400);
        assertThat(form.spec().kernelThreads()).isEqualTo(2);
    }
}
