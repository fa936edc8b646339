package dev.telar.workloads.proc;

/**
 * Work handed to a generic child JVM, the first of the lecture's two ways to write a process
 * (a target function given to the process constructor). The class must be public with a public
 * no-argument constructor: the child creates its own instance, since nothing but plain strings
 * crosses into another JVM at start.
 */
@FunctionalInterface
public interface ProcessTarget {
    /**
     * Runs in the child JVM. Returning ends the child with exit code 0; throwing ends it with exit
     * code 1 and the exception's message on its error stream.
     *
     * @param args the plain-text arguments given at start
     */
    void run(String[] args) throws Exception;
}
