package fr.labos.partenariats.matchmaking.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between a service and a real server, that a test can cut: from then on the server is away for the
 * service as after a crash or a network cut (connections dropped, new ones refused), while the server itself goes on
 * serving the other tests.
 */
public final class CuttableTcpProxy implements AutoCloseable {

    private final ServerSocket listening;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

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

    @Override
    public void close() {
        closeQuietly(listening);
        sockets.forEach(CuttableTcpProxy::closeQuietly);
    }

    private void accept(int targetPort) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException dropped) {
                // one side went away: the other goes too
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
