/**
 * The lesson's handout ({@code telar lesson --handout DIR}): what the headless run measured
 * ({@link dev.telar.tui.handout.HandoutFigures}), kept apart from the words so that one run can be
 * written in both languages; the Markdown, the charts, and the directory rules (never overwrite a
 * file Telar did not write; nothing left behind on failure).
 */
package dev.telar.tui.handout;
