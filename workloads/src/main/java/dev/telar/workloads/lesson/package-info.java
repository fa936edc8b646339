/**
 * The lesson: the lecture's five parts as a list of steps, each a few jobs for the lab (the same
 * engine as the experiments, exchange and sync views), sized from a quick measurement of this
 * machine, and read back into figures beside the lecture's and one takeaway that the figures
 * support. No words here: the tui words every step, figure and takeaway.
 *
 * <p>{@link dev.telar.workloads.lesson.StepRun} is a plain state machine (jobs out, lab events in),
 * so the dashboard drives it from its event loop and {@link dev.telar.workloads.lesson.LessonRunner}
 * drives it headless (the handout, the tests).
 */
package dev.telar.workloads.lesson;
