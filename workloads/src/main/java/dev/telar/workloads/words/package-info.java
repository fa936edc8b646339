/**
 * Lock-free algorithms on 64-bit words of shared memory, each written once over {@link
 * dev.telar.workloads.words.Words}: in production the words are in a file mapped by several
 * processes; under test they are on the heap, where Lincheck's model checker can run the very same
 * code through every interleaving of a few threads.
 */
package dev.telar.workloads.words;
