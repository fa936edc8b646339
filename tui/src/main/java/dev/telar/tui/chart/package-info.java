/**
 * Charts of the lesson's handout and of {@code telar sweep --chart}, drawn with JFreeChart on a
 * headless AWT: one class per chart, {@link dev.telar.tui.chart.PngWriter} to put one in a file.
 * Only the command line uses this package; the dashboard never loads AWT.
 */
package dev.telar.tui.chart;
