package fr.labos.partenariats.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** TCP port helpers for local infrastructure: which ports are free, and when a server has started listening. */
public final class Ports {

    /** Every port {@link #freePort()} handed out in this JVM: a few per lab started, never reused. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** Whether nothing listens on the loopback port and it can be bound. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            return false;
        }
        // Binding 127.0.0.1 succeeds when a server listens on ::1 only; a client connecting to "localhost" would find it.
        return !isListening(port);
    }

    /**
     * A port the operating system considers free right now, and that this JVM has not handed out before.
     *
     * <p>The system gives a port just closed back out again: drawn one after the other, each closed before the next, one
     * draw of fifty ports in seven repeated one on Linux, and two servers of one lab were once handed the same port
     * (the first had not started listening yet). So every port handed out is remembered, and a port given back is
     * refused, its socket held open so that the next draw cannot return it again.
     */
    public static int freePort() {
        List<ServerSocket> drawn = new ArrayList<>();
        try {
            while (true) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                drawn.add(socket);
                int port = socket.getLocalPort();
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port", e);
        } finally {
            drawn.forEach(Ports::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // a listening socket that accepted nothing: nothing to lose
        }
    }

    /** Whether a server accepts connections on the loopback port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until something listens on the port, or the process is gone, or the timeout passes. */
    static boolean awaitListening(int port, Process process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (isListening(port)) {
                return true;
            }
            if (process != null && !process.isAlive()) {
                return false;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
