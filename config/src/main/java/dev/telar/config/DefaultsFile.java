package dev.telar.config;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The complete settings file with every default and a comment per key, as printed by
 * {@code telar config --print-defaults}. Built from the same constants the loader checks against,
 * so the ranges it states are the ones enforced; loading it gives {@link Settings#defaults()} on a
 * UTF-8 English locale without {@code NO_COLOR}.
 */
public final class DefaultsFile {
    private DefaultsFile() {
    }

    /** The file's text with English comments, lines ending in {@code \n}. */
    public static String text() {
        return text(Language.EN);
    }

    /**
     * The file's text with comments in {@code language}; the keys and values, and so what loading
     * it gives, are the same in every language. Lines end in {@code \n}.
     */
    public static String text(Language language) {
        Settings d = Settings.defaults();
        ExperimentDefaults x = d.experiments();
        return String.format(Locale.ROOT, language == Language.ES ? SPANISH : ENGLISH,
                seconds(Settings.MIN_REFRESH_MS), seconds(Settings.MAX_REFRESH_MS), seconds(d.refreshMillis()),
                d.mouse(),
                entry("draws", x.draws()), ExperimentDefaults.MIN_DRAWS, ExperimentDefaults.MAX_DRAWS,
                entry("tasks", x.tasks()), ExperimentDefaults.MIN_TASKS, ExperimentDefaults.MAX_TASKS,
                entry("workers", x.workers()), ExperimentDefaults.MIN_WORKERS, ExperimentDefaults.MAX_WORKERS,
                entry("matrix", x.matrixSize()), ExperimentDefaults.MIN_MATRIX, ExperimentDefaults.MAX_MATRIX,
                entry("dir", "auto"),
                entry("disk-cap-mb", d.ipc().diskCapMb()), IpcSettings.MIN_DISK_CAP_MB, IpcSettings.MAX_DISK_CAP_MB,
                entry("address", "none"), entry("key-file", "auto"),
                entry("session", seconds(d.manager().sessionMillis())),
                ManagerSettings.MIN_SESSION_MS / 1000, ManagerSettings.MAX_SESSION_MS / 1000);
    }

    private static final String ENGLISH = """
                # Telar settings. Telar reads $XDG_CONFIG_HOME/telar/config.yaml, else
                # ~/.config/telar/config.yaml; TELAR_CONFIG=PATH or --config PATH name another file.
                # Every key is optional: a key left out, or left empty, keeps the default shown here.
                # Precedence, lowest first: these defaults, this file, environment variables, options.
                # Check a file with: telar config --check

                # Seconds between screen updates, %s to %s.
                # Environment: TELAR_REFRESH=SECONDS. Option: --refresh SECONDS.
                refresh: %s

                # Language: auto, en or es. auto follows the locale: LC_ALL, else LC_MESSAGES, else LANG
                # (es_ES.UTF-8 and other es... mean Spanish, anything else English).
                # Environment: TELAR_LANG. Option: --lang.
                language: auto

                # Colours: auto, dark, light or mono. auto is dark, or mono when NO_COLOR is set.
                # Environment: TELAR_THEME. Option: --theme.
                theme: auto

                # Draw with ASCII characters only (no box drawing, no accents): auto, on or off.
                # auto is on when the locale's character set (LC_ALL, else LC_CTYPE, else LANG) is not UTF-8.
                # Options: --ascii, --no-ascii.
                ascii: auto

                # Clicks select rows and panels (the keyboard always works): true or false.
                # Options: --mouse, --no-mouse.
                mouse: %s

                # What the experiments form, telar run and telar sweep start with, unless their options say otherwise.
                experiments:
                %s# random draws per task of the cpu kernel, %d to %d
                %s# tasks per run, %d to %d
                %s# threads or processes, %d to %d; 0 means one per core
                %s# order n of matmul's n x n matrices, %d to %d

                # Exchange files of multi-process experiments.
                ipc:
                %s# an absolute path or ~/...; auto is $XDG_RUNTIME_DIR/telar, else /tmp/telar-$USER
                %s# most MiB of exchange files one run may keep on disk, %d to %d

                # The log (nothing is logged to the terminal): auto, an absolute path or ~/...
                # auto is $XDG_STATE_HOME/telar/telar.log, else ~/.local/state/telar/telar.log.
                # Option: --log-file PATH.
                log-file: auto

                # The remote manager (telar manager serve, or a ZooKeeper ensemble) that telar sync --mode remote,
                # telar run exchange --via manager-dict, telar bench remote, telar agent and telar fleet talk to.
                manager:
                %s# host:port, several separated by commas for an ensemble, or none; env TELAR_MANAGER, option --manager
                %s# the key file; auto is $TELAR_MANAGER_KEY, else manager.key in the state directory ($XDG_STATE_HOME/telar); option --key-file
                %s# seconds after a client vanishes before its locks and permits are freed, %d to %d
                """;

    private static final String SPANISH = """
                # Ajustes de Telar. Telar lee $XDG_CONFIG_HOME/telar/config.yaml, si no
                # ~/.config/telar/config.yaml; TELAR_CONFIG=RUTA o --config RUTA indican otro fichero.
                # Toda clave es opcional: una clave ausente, o vacía, conserva el valor de aquí.
                # Precedencia, de menor a mayor: estos valores, este fichero, variables de entorno, opciones.
                # Compruebe un fichero con: telar config --check

                # Segundos entre actualizaciones de la pantalla, de %s a %s.
                # Entorno: TELAR_REFRESH=SEGUNDOS. Opción: --refresh SEGUNDOS.
                refresh: %s

                # Idioma: auto, en o es. auto sigue la configuración regional: LC_ALL, si no LC_MESSAGES,
                # si no LANG (es_ES.UTF-8 y demás es... dan español; cualquier otra, inglés).
                # Entorno: TELAR_LANG. Opción: --lang.
                language: auto

                # Colores: auto, dark, light o mono. auto es dark, o mono si NO_COLOR está definida.
                # Entorno: TELAR_THEME. Opción: --theme.
                theme: auto

                # Dibujar solo con caracteres ASCII (sin cajas ni acentos): auto, on u off.
                # auto lo activa cuando el juego de caracteres (LC_ALL, si no LC_CTYPE, si no LANG)
                # no es UTF-8.
                # Opciones: --ascii, --no-ascii.
                ascii: auto

                # Los clics seleccionan filas y paneles (el teclado funciona siempre): true o false.
                # Opciones: --mouse, --no-mouse.
                mouse: %s

                # Con qué empiezan el formulario de experimentos, telar run y telar sweep,
                # salvo que sus opciones digan otra cosa.
                experiments:
                %s# extracciones aleatorias por tarea de la carga cpu, de %d a %d
                %s# tareas por ejecución, de %d a %d
                %s# hilos o procesos, de %d a %d; 0 significa uno por núcleo
                %s# orden n de las matrices n x n de matmul, de %d a %d

                # Ficheros de intercambio de los experimentos con varios procesos.
                ipc:
                %s# una ruta absoluta o ~/...; auto es $XDG_RUNTIME_DIR/telar, si no /tmp/telar-$USER
                %s# máximo de MiB en disco de los ficheros de una ejecución, de %d a %d

                # El registro (nada se registra en la terminal): auto, una ruta absoluta o ~/...
                # auto es $XDG_STATE_HOME/telar/telar.log, si no ~/.local/state/telar/telar.log.
                # Opción: --log-file RUTA.
                log-file: auto

                # El gestor remoto (telar manager serve, o un conjunto de ZooKeeper) con el que hablan telar sync
                # --mode remote, telar run exchange --via manager-dict, telar bench remote, telar agent y telar fleet.
                manager:
                %s# host:puerto, varios separados por comas para un conjunto, o none; entorno TELAR_MANAGER, opción --manager
                %s# el fichero de la clave; auto es $TELAR_MANAGER_KEY, si no manager.key en el directorio de estado ($XDG_STATE_HOME/telar); opción --key-file
                %s# segundos tras desaparecer un cliente hasta que se liberan sus cerrojos y permisos, de %d a %d
                """;

    /** An indented key and value, padded so that the comments after them line up. */
    private static String entry(String key, Object value) {
        return String.format(Locale.ROOT, "  %-21s", key + ": " + value);
    }

    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
