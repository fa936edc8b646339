package dev.telar.workloads.bench.remote;

/**
 * One figure of {@link RemoteBench}.
 *
 * @param name         the figure's name; those the Python peer has too carry the peer's names
 * @param clients      client processes taking part, each with its own session
 * @param operations   operations timed: increments or acquire+release pairs of all clients together,
 *                     or barrier rounds (each round is one wait by every client), as the peer counts them
 * @param seconds      from the common start (a barrier round) to the end of the slowest client
 * @param opsPerSecond {@code operations / seconds}
 * @param retries      compare-and-set writes that lost to another client's and were retried (0 where none is made)
 */
public record RemoteFigure(String name, int clients, long operations, double seconds, double opsPerSecond, long retries) {
}
