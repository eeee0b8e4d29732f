package fr.labos.partenariats.matchmaking.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between a service and a real server, that a test can cut: from then on the server is away for the
 * service as after a crash or a network cut (connections dropped, new ones refused), while the server itself goes on
 * serving the other tests.
 * <p>
 * It can also freeze: no byte goes either way any more, but every socket stays open, as with a server host that hangs
 * or a network partition that sends no reset. The service then waits for answers that do not come until its own
 * timeouts give up. Thawing relays what was held back, in order, and everything after it.
 */
public final class CuttableTcpProxy implements AutoCloseable {

    private final ServerSocket listening;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Set before the sockets are closed, read after a new connection's are listed: no connection outlives a cut. */
    private volatile boolean closed;
    private final Object gate = new Object();
    /** Guarded by {@link #gate}. */
    private boolean frozen;
    /** Guarded by {@link #gate}: texts a connection must send in this order to freeze the proxy, or null. */
    private List<String> freezeAt;

    private CuttableTcpProxy(int targetPort) throws IOException {
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(targetPort), "proxy-accept-" + listening.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Relays connections made to {@link #port()} to {@code targetPort} on this machine. */
    public static CuttableTcpProxy to(int targetPort) throws IOException {
        return new CuttableTcpProxy(targetPort);
    }

    public int port() {
        return listening.getLocalPort();
    }

    /** Drops every relayed connection and stops listening: new connections are refused. */
    public void cut() {
        close();
    }

    /** Stops relaying at once, in both directions, keeping every connection open; new ones are accepted, not served. */
    public void freeze() {
        synchronized (gate) {
            frozen = true;
        }
    }

    /**
     * Freezes the proxy (see {@link #freeze()}) as soon as one connection has sent these texts in this order
     * (case-insensitive, within the bytes it sends from now on), before the bytes holding the last one reach the
     * server. A service's step can so be caught in the middle: {@code "INSERT INTO domainevententry", "COMMIT"} is a
     * database gone silent the moment a transaction that wrote events asks to commit.
     */
    public void freezeWhenAConnectionSends(String... texts) {
        synchronized (gate) {
            freezeAt = List.of(texts).stream().map(text -> text.toLowerCase(Locale.ROOT)).toList();
        }
    }

    /** Whether the proxy is frozen (by {@link #freeze()} or by what a connection sent). */
    public boolean frozen() {
        synchronized (gate) {
            return frozen;
        }
    }

    /** Relays again, starting with the bytes held back while frozen. */
    public void thaw() {
        synchronized (gate) {
            frozen = false;
            freezeAt = null;
            gate.notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listening);
        sockets.forEach(CuttableTcpProxy::closeQuietly);
        thaw(); // pumps held at the gate then find their sockets closed
    }

    private void accept(int targetPort) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                // Accepted as the proxy was being cut (a pool opening a connection then): the cut closed the sockets
                // it had listed, maybe not these.
                if (closed) {
                    closeQuietly(client);
                    closeQuietly(server);
                    return;
                }
                pump(client, server, true);
                pump(server, client, false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread pump = new Thread(() -> {
            Watch watch = new Watch();
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (fromClient) {
                        watch.sent(buffer, read);
                    }
                    awaitThawed();
                    out.write(buffer, 0, read);
                    out.flush();
                }
                awaitThawed(); // a frozen server sees no end of stream either
            } catch (IOException dropped) {
                // one side went away: the other goes too
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void awaitThawed() throws InterruptedException {
        synchronized (gate) {
            while (frozen) {
                gate.wait();
            }
        }
    }

    /** What one connection sent since the freeze was armed, as far as the texts to wait for are concerned. */
    private final class Watch {

        private List<String> texts;
        private int found;
        private String tail = "";

        /** Freezes the proxy when these bytes complete the texts; they are then held back with everything after. */
        void sent(byte[] bytes, int length) {
            synchronized (gate) {
                if (freezeAt != texts) { // armed (again) or disarmed since this connection last sent
                    texts = freezeAt;
                    found = 0;
                    tail = "";
                }
                if (texts == null) {
                    return;
                }
                // Latin-1 maps each byte to one char: a text split between two reads is found in the tail.
                String window = tail + new String(bytes, 0, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                int from = 0;
                while (found < texts.size()) {
                    int at = window.indexOf(texts.get(found), from);
                    if (at < 0) {
                        break;
                    }
                    from = at + texts.get(found).length();
                    found++;
                }
                if (found == texts.size()) {
                    frozen = true;
                    freezeAt = null;
                    texts = null;
                    return;
                }
                int keep = texts.get(found).length() - 1;
                tail = window.substring(Math.max(from, window.length() - keep));
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
