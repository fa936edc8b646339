package dev.telar.workloads.shm;

import dev.telar.workloads.words.ProcessWord;

/**
 * Who owns a shared lock word: the word a caller writes there (never 0, which means "free"), the
 * pid it names, and how a waiter tells that its owner has gone. Both kinds keep the pid in the top
 * 22 bits and part of the process start time below, so a recycled pid does not pass for the dead
 * owner.
 *
 * <p>{@link #PER_PROCESS} is the exchange mechanisms' kind (Python's {@code get_lock()}): the
 * word is the process's {@link ProcessWord}, so any thread of the holding process may release the
 * lock, and a process that holds it can tell that it does from any thread. The sync primitives own
 * per thread, with words that also name the thread ({@code sync.process.Owner}).
 */
public interface Ownership {
    /** The calling owner's word; never 0. */
    long current();

    /** False once the process named by {@code word} has ended (a recycled pid counts as ended). */
    boolean alive(long word);

    /** The pid named by {@code word}. */
    long pid(long word);

    /** Who the caller is, for messages: "this process", "this thread". */
    String caller();

    /** Owned by the whole process. */
    Ownership PER_PROCESS = new Ownership() {
        @Override
        public long current() {
            return ProcessWord.self();
        }

        @Override
        public boolean alive(long word) {
            return ProcessWord.alive(word);
        }

        @Override
        public long pid(long word) {
            return ProcessWord.pid(word);
        }

        @Override
        public String caller() {
            return "this process";
        }
    };
}
