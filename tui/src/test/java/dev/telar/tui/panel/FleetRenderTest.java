package dev.telar.tui.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.telar.config.Language;
import dev.telar.config.Settings;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.view.FleetNews;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.remote.fleet.FleetRow;
import dev.telar.workloads.remote.fleet.FleetSnapshot;
import dev.telar.workloads.remote.fleet.HostSummary;
import dev.telar.workloads.remote.fleet.RunningJob;
import dev.telar.workloads.remote.fleet.TelarJob;
import dev.telar.workloads.remote.fleet.TopProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fleet view drawn on a virtual terminal from fixed fleet snapshots: the list, a host's view, and its one-line states. */
class FleetRenderTest {
    /** The time of the test snapshots' sample. */
    static final long NOW = 1_700_000_000_000L;

    static FleetSnapshot twoHosts() {
        HostSummary alpha = new HostSummary("alpha", 4100, NOW - 1500, new double[] {0, 0.5, 1, 0.25}, new double[] {1.25, 0.5, 0.25},
                3L << 30, 8L << 30,
                List.of(new TopProcess(777, "java", 187.5, 512L << 20), new TopProcess(12, "sshd", 0.5, 8L << 20)),
                List.of(new TelarJob(777, "lab", 187.5, 512L << 20, 31), new TelarJob(4100, "agent", 0.7, 90L << 20, 19)),
                List.of(new RunningJob(777, "experiment", "cpu thread-target, 2 workers", NOW - 1500 - 12_000, figures())));
        HostSummary beta = new HostSummary("beta", 52, NOW - 20_000, new double[] {0.125, 0.125}, new double[] {0.1, 0.2, 0.3},
                1L << 30, 2L << 30, List.of(new TopProcess(1, "systemd", 0, 10L << 20)), List.of());
        return new FleetSnapshot(NOW, List.of(new FleetRow(alpha, NOW - 1000, FleetRow.LIVE, 7),
                new FleetRow(beta, NOW - 20_000, NOW - 12_000, 3)), true);
    }

    /** An experiment's figures after its second run, in the lab's order. */
    private static Map<String, Double> figures() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("runs", 2.0);
        f.put("wall_s", 0.4213);
        f.put("speedup", 1.87);
        return f;
    }

    private static VirtualScreen fleetShown(Language language) {
        VirtualScreen vs = new VirtualScreen(80, 24, Settings.defaults().withLanguage(language)).show(Snapshots.lab().build());
        vs.fleet.configured = true;
        vs.press('f');
        return vs;
    }

    @Test
    void theListShowsOneRowPerHostLiveAndGone() {
        VirtualScreen vs = fleetShown(Language.EN);
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.FLEET);
        assertThat(vs.fleet.opens).isEqualTo(1);
        assertThat(vs.fleet(FleetNews.connecting()).text()).contains(" Connecting to the manager...");
        vs.fleet(FleetNews.watching(twoHosts()));
        List<String> rows = vs.rows();
        int title = vs.rowOf(" Fleet");
        assertThat(rows.get(title)).isEqualTo(" Fleet" + " ".repeat(59) + "1 live, 1 gone ");
        assertThat(rows.get(title + 1).stripTrailing()).isEqualTo("HOST            STATE         LOAD  MEMORY       CORES / BUSIEST");
        assertThat(rows.get(title + 2).stripTrailing()).isEqualTo("alpha           live 1s        1.25 3.0G/8.0G    ▁▅█▃ java 188%  [experiment]");
        assertThat(rows.get(title + 3).stripTrailing()).isEqualTo("beta            gone 12s ago   0.10 1.0G/2.0G    ▂▂ systemd 0%");
        assertThat(vs.rows().get(23)).startsWith("h Help Up/Dn Host Enter Open Esc Back f Procs L Español T Theme q Quit");
    }

    @Test
    void enterOpensTheHostsOwnViewAndEscGoesBack() {
        VirtualScreen vs = fleetShown(Language.EN);
        vs.fleet(FleetNews.watching(twoHosts()));
        vs.press(KeyType.Enter);
        List<String> rows = vs.rows();
        int title = vs.rowOf(" Host alpha");
        assertThat(rows.get(title).strip()).isEqualTo("Host alpha" + " ".repeat(50) + "live, heard 1s ago");
        assertThat(rows.get(title + 1).strip()).isEqualTo("agent pid 4100, 4 cores, load 1.25 0.50 0.25, memory 3.0G of 8.0G");
        assertThat(rows.get(title + 2).strip()).isEqualTo("cpu0  [         0%] cpu1  [||||    50%] cpu2  [|||||||100%]");
        assertThat(rows.get(title + 3).strip()).isEqualTo("cpu3  [||      25%]");
        assertThat(rows.get(title + 4).strip()).isEqualTo("RUNNING JOBS (from the labs' status files)");
        assertThat(rows.get(title + 5).stripTrailing()).isEqualTo(" 777  experiment  cpu thread-target, 2 workers, running 12s");
        assertThat(rows.get(title + 6).stripTrailing()).isEqualTo(" ".repeat(20) + "runs 2  wall s 0.42  speed-up 1.87");
        assertThat(rows.get(title + 7).strip()).isEqualTo("BUSIEST PROCESSES      PID    CPU    RSS  NAME");
        assertThat(rows.get(title + 8).strip()).isEqualTo("777 187.5   512M  java");
        assertThat(rows.get(title + 9).strip()).isEqualTo("12   0.5   8.0M  sshd");
        assertThat(rows.get(title + 10).strip()).isEqualTo("TELAR PROCESSES        PID    CPU    RSS  THR  KIND");
        assertThat(rows.get(title + 11).strip()).isEqualTo("777 187.5   512M   31  lab");
        assertThat(rows.get(title + 12).strip()).isEqualTo("4100   0.7  90.0M   19  agent");
        vs.press(KeyType.Escape);
        assertThat(vs.text()).contains("alpha           live 1s").doesNotContain("Host alpha");
        // the second host, gone: its own view says so
        vs.press(KeyType.ArrowDown);
        vs.press(KeyType.Enter);
        assertThat(vs.text()).contains(" Host beta").contains("gone 12s ago").contains("no Telar process found (told by command line)")
                .as("no job runs there: no such section").doesNotContain("RUNNING JOBS");
        // leaving the view lets the manager go
        vs.press('f');
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.PROCESSES);
        assertThat(vs.fleet.closes).isEqualTo(1);
        vs.press('f');
        assertThat(vs.fleet.opens).isEqualTo(2);
        assertThat(vs.text()).as("connecting again, not the old fleet nor the host").contains(" Connecting to the manager...")
                .doesNotContain("Host beta").doesNotContain("alpha");
    }

    @Test
    void withoutAManagerOneLineSaysHowToConfigureOneAndNothingOpens() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        vs.press('f');
        assertThat(vs.fleet.opens).isZero();
        assertThat(vs.text()).contains(" No manager configured. Start one with telar manager serve, run telar agent")
                .contains("--manager HOST:PORT on each host, then open Telar with --manager HOST:PORT (or");
    }

    @Test
    void aRefusedKeyIsSaidInOneLine() {
        VirtualScreen vs = fleetShown(Language.EN);
        vs.fleet(FleetNews.failed(Problem.of(ProblemCode.MANAGER_REFUSED, "10.0.0.5:2181")));
        assertThat(vs.text()).contains(" Cannot follow the fleet: manager at 10.0.0.5:2181 refused the key ").contains(" (authentication failed)");
    }

    @Test
    void aManagerThatDoesNotAnswerYetIsSaidWithTheRetryInBothLanguages() {
        VirtualScreen vs = fleetShown(Language.EN);
        vs.fleet(FleetNews.retrying(Problem.of(ProblemCode.MANAGER_UNREACHABLE, "10.0.0.5:2181", "10")));
        int said = vs.rowOf(" Cannot follow the fleet yet");
        assertThat(vs.rows().get(said).strip()).isEqualTo("Cannot follow the fleet yet: no manager answered at 10.0.0.5:2181 within 10 s.");
        assertThat(vs.rows().get(said + 1).strip()).isEqualTo("Trying again until the manager answers...");
        VirtualScreen es = fleetShown(Language.ES);
        es.fleet(FleetNews.retrying(Problem.of(ProblemCode.MANAGER_UNREACHABLE, "10.0.0.5:2181", "10")));
        said = es.rowOf(" Aún no se puede seguir la flota");
        assertThat(es.rows().get(said).strip()).isEqualTo("Aún no se puede seguir la flota: ningún manager respondió en 10.0.0.5:2181 en");
        assertThat(es.rows().get(said + 1).strip()).isEqualTo("10 s. Se reintenta hasta que el manager responda...");
    }

    /** The same two hosts, the manager lost 63 s ago, alpha last heard 65 s ago. */
    static FleetSnapshot managerLost() {
        FleetSnapshot known = twoHosts();
        FleetRow alpha = known.rows().get(0);
        return new FleetSnapshot(NOW, List.of(new FleetRow(alpha.latest(), NOW - 65_000, FleetRow.LIVE, alpha.updates()),
                known.rows().get(1)), true, NOW - 63_000);
    }

    @Test
    void aLostManagerIsSaidWithSinceWhenAndNoHostIsCalledLiveUntilItIsBack() {
        VirtualScreen vs = fleetShown(Language.EN);
        vs.fleet(FleetNews.watching(managerLost()));
        List<String> rows = vs.rows();
        int title = vs.rowOf(" Fleet");
        assertThat(rows.get(title)).isEqualTo(" Fleet" + " ".repeat(35) + "manager unreachable for 63s: 1 unknown ");
        assertThat(rows.get(title + 2).stripTrailing()).isEqualTo("alpha           heard 65s ago  1.25 3.0G/8.0G    ▁▅█▃ java 188%  [experiment]");
        assertThat(rows.get(title + 3).stripTrailing()).isEqualTo("beta            gone 12s ago   0.10 1.0G/2.0G    ▂▂ systemd 0%");
        assertThat(vs.text()).doesNotContain("live");
        vs.press(KeyType.Enter);
        assertThat(vs.rows().get(vs.rowOf(" Host alpha")).strip())
                .isEqualTo("Host alpha" + " ".repeat(17) + "unknown: manager unreachable for 63s, heard 65s ago");
        vs.press(KeyType.Escape);
        // back: the same rows read again, live
        vs.fleet(FleetNews.watching(twoHosts()));
        assertThat(vs.rows().get(title)).isEqualTo(" Fleet" + " ".repeat(59) + "1 live, 1 gone ");
        assertThat(vs.text()).contains("alpha           live 1s").doesNotContain("unreachable");
    }

    @Test
    void aLostManagerInSpanish() {
        VirtualScreen vs = fleetShown(Language.ES);
        vs.fleet(FleetNews.watching(managerLost()));
        assertThat(vs.text()).contains("manager inalcanzable desde hace 63s: 1 sin estado ")
                .contains("alpha           oída hace 65s  1.25").doesNotContain("activa");
        vs.press(KeyType.Enter);
        assertThat(vs.text()).contains("desconocida: manager inalcanzable desde hace 63s, oída hace 65s");
    }

    @Test
    void theListInSpanish() {
        VirtualScreen vs = fleetShown(Language.ES);
        vs.fleet(FleetNews.watching(twoHosts()));
        assertThat(vs.text()).contains(" Flota").contains("1 activas, 1 idas")
                .contains("MÁQUINA         ESTADO        CARGA MEMORIA      NÚCLEOS / MÁS OCUPADO")
                .contains("alpha           activa 1s      1.25 3.0G/8.0G    ▁▅█▃ java 188%  [experiment]")
                .contains("beta            ida hace 12s   0.10 1.0G/2.0G    ▂▂ systemd 0%");
        vs.press(KeyType.Enter);
        assertThat(vs.text()).contains("TRABAJOS EN MARCHA (de los ficheros de estado de los labs)")
                .contains(" 777  experiment  cpu thread-target, 2 workers, en marcha hace 12s")
                .contains("ejecuciones 2  s reloj 0.42  aceleración 1.87");
    }

    /** A running job's figures read as the sync panel's do: whole numbers grouped by three, fractions with two decimals. */
    @Test
    void aJobsFiguresAreGroupedByThree() {
        assertThat(FleetHostPanel.figure(88_706_608_518.0)).isEqualTo("88,706,608,518");
        assertThat(FleetHostPanel.figure(1)).isEqualTo("1");
        assertThat(FleetHostPanel.figure(1.875)).isEqualTo("1.88");
        assertThat(FleetHostPanel.figure(123_456.7)).isEqualTo("123,457");
    }
}
