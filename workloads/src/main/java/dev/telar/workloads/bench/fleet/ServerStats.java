package dev.telar.workloads.bench.fleet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * What a ZooKeeper server says of itself when asked the four-letter word {@code srvr}, the one a
 * manager answers without the key. The last transaction id counts the server's writes: every
 * create, setData, delete and session start or end takes the next one (within one leader epoch,
 * which a standalone server keeps while it runs).
 *
 * @param zxid       the last transaction id (its low 32 bits count transactions)
 * @param received   requests received since the server started
 * @param nodeCount  nodes in the tree, ZooKeeper's own included
 * @param latencyAvg mean request latency since start, milliseconds, as the server reports it
 * @param latencyMax longest request latency since start, milliseconds
 */
public record ServerStats(long zxid, long received, long nodeCount, double latencyAvg, long latencyMax) {
    private static final int TIMEOUT_MILLIS = 5_000;

    /**
     * Asks the server at {@code address} ({@code host:port}).
     *
     * @throws IOException when it does not answer within 5 s or answers something else
     */
    public static ServerStats ask(String address) throws IOException {
        int colon = address.lastIndexOf(':');
        String host = address.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(address.substring(colon + 1));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            s.setSoTimeout(TIMEOUT_MILLIS);
            s.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return parse(readAll(s.getInputStream()));
        }
    }

    /** The figures in a {@code srvr} answer. */
    static ServerStats parse(String answer) throws IOException {
        long zxid = -1;
        long received = -1;
        long nodes = -1;
        double avg = -1;
        long max = -1;
        for (String line : answer.split("\n")) {
            String value = line.substring(line.indexOf(':') + 1).trim();
            if (line.startsWith("Zxid:")) {
                zxid = Long.parseUnsignedLong(value.substring(2), 16);
            } else if (line.startsWith("Received:")) {
                received = Long.parseLong(value);
            } else if (line.startsWith("Node count:")) {
                nodes = Long.parseLong(value);
            } else if (line.startsWith("Latency min/avg/max:")) {
                String[] figures = value.split("/");
                avg = Double.parseDouble(figures[1]);
                max = (long) Double.parseDouble(figures[2]);
            }
        }
        if (zxid < 0 || received < 0 || nodes < 0) {
            throw new IOException("not a ZooKeeper srvr answer: " + answer.replace('\n', ' '));
        }
        return new ServerStats(zxid, received, nodes, avg, max);
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
