package fr.labos.partenariats.deploy;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the end-to-end lag of sampled posts: from the {@code 201} of profile-service to the first {@code 200} of
 * matchmaking-service's ranking for that post ({@code 404} means the post is not in the index yet). A few threads
 * take the oldest pending post, ask, and put it back at the end if it is not rankable yet; the mean time between two
 * asks about the same post bounds the resolution and is reported.
 */
final class VisibilityWatcher implements AutoCloseable {

    private record Pending(URI ranking, long createdNanos, long lastAskNanos, int asks) {
    }

    private final LabClient client;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Histogram lagMicros = new ConcurrentHistogram(3_600_000_000L, 3);
    private final AtomicLong asks = new AtomicLong();
    private final AtomicLong reaskGapNanos = new AtomicLong();
    private final AtomicLong reasks = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final ExecutorService threads;
    private volatile boolean running = true;

    VisibilityWatcher(LabClient client, int threadCount) {
        this.client = client;
        this.threads = Executors.newFixedThreadPool(threadCount);
        for (int i = 0; i < threadCount; i++) {
            threads.submit(this::askUntilRankable);
        }
    }

    /** Watches a post whose {@code 201} arrived at {@code createdNanos} ({@link System#nanoTime()}). */
    void watch(URI matchmaking, String kind, String postId, long createdNanos) {
        pending.add(new Pending(matchmaking.resolve("/api/" + kind + "/" + postId + "/matches?limit=1"), createdNanos, 0, 0));
    }

    private void askUntilRankable() {
        while (running) {
            Pending post;
            try {
                post = pending.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (post == null) {
                continue;
            }
            long now = System.nanoTime();
            if (post.lastAskNanos() != 0) {
                reaskGapNanos.addAndGet(now - post.lastAskNanos());
                reasks.incrementAndGet();
            }
            int status;
            try {
                status = client.status(post.ranking());
            } catch (Exception e) {
                errors.incrementAndGet();
                status = -1;
            }
            asks.incrementAndGet();
            long answered = System.nanoTime();
            if (status == 200) {
                lagMicros.recordValue(Math.max(0, (answered - post.createdNanos()) / 1000));
            } else {
                if (pending.isEmpty()) {
                    // Only this post is waiting: do not hammer the service faster than a lag can be told apart.
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                }
                pending.add(new Pending(post.ranking(), post.createdNanos(), now, post.asks() + 1));
            }
        }
    }

    int pending() {
        return pending.size();
    }

    Histogram lagMicros() {
        return lagMicros;
    }

    long asks() {
        return asks.get();
    }

    long errors() {
        return errors.get();
    }

    /** Mean time between two asks about the same post: how finely a lag is told. */
    double meanReaskMillis() {
        long n = reasks.get();
        return n == 0 ? 0 : reaskGapNanos.get() / 1e6 / n;
    }

    @Override
    public void close() {
        running = false;
        threads.shutdownNow();
    }
}
