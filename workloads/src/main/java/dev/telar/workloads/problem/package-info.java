/**
 * Why something failed or was refused, as a {@link dev.telar.workloads.problem.ProblemCode} and its
 * arguments ({@link dev.telar.workloads.problem.Problem}): the workloads say what happened, the user
 * interface words it in the user's language. No sentence for a person is built here; logs show a
 * problem's code and arguments.
 */
package dev.telar.workloads.problem;
