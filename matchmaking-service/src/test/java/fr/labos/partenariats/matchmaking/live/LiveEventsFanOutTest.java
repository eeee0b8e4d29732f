package fr.labos.partenariats.matchmaking.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live stream's fan-out alone (no broker: events handed to it as its reading thread would): a subscriber whose
 * writes block — a browser that stopped reading — holds up no one else, and is dropped once far behind.
 */
class LiveEventsFanOutTest {

    private final LiveEvents events = new LiveEvents(new DefaultKafkaConsumerFactory<>(Map.of()), null,
            "lab.profile.events", "lab.matchmaking.events");
    private final CountDownLatch stuckUntil = new CountDownLatch(1);

    @AfterEach
    void stop() throws InterruptedException {
        stuckUntil.countDown();
        events.destroy();
    }

    @Test
    void aSubscriberThatStopsReadingHoldsUpNoOneAndIsDroppedOnceFarBehind() {
        CountDownLatch stuckInItsFirstWrite = new CountDownLatch(1);
        Consumer<LiveEvent> stuck = event -> {
            stuckInItsFirstWrite.countDown();
            try {
                stuckUntil.await(); // a write to a full socket
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        AtomicBoolean stuckDropped = new AtomicBoolean();
        List<String> droppedOn = new CopyOnWriteArrayList<>();
        List<String> heard = new CopyOnWriteArrayList<>();
        Consumer<LiveEvent> reading = event -> heard.add(event == LiveEvent.KEEP_ALIVE ? "keep-alive"
                : event.notification().eventId());
        AtomicBoolean readingDropped = new AtomicBoolean();
        events.subscribe(stuck, () -> {
            droppedOn.add(Thread.currentThread().getName());
            stuckDropped.set(true);
        });
        events.subscribe(reading, () -> readingDropped.set(true));

        for (int i = 0; i < 3; i++) {
            events.publish(event("e" + i));
        }
        events.keepAlive();
        await().atMost(ofSeconds(5)).until(() -> heard.size() == 4 && stuckInItsFirstWrite.getCount() == 0);
        assertThat(heard).containsExactly("e0", "e1", "e2", "keep-alive");
        assertThat(stuckDropped).isFalse();

        // The stuck one holds e0 in its write and has e1, e2 and the keep-alive waiting: QUEUED - 3 more fill its queue.
        for (int i = 3; i < LiveEvents.QUEUED; i++) {
            events.publish(event("e" + i));
        }
        assertThat(stuckDropped).isFalse();
        events.publish(event("one too many"));

        // Ended on a thread aside: ending a stream waits for the write it is blocked in, which would hold the thread
        // that reads the topics (here the test's) for as long.
        await().atMost(ofSeconds(5)).untilTrue(stuckDropped);
        assertThat(droppedOn).containsExactly("live-closer");
        assertThat(events.subscriberCount()).isEqualTo(1);
        await().atMost(ofSeconds(5)).until(() -> heard.contains("one too many"));
        assertThat(heard).hasSize(LiveEvents.QUEUED + 2).doesNotHaveDuplicates();
        assertThat(readingDropped).isFalse();
    }

    @Test
    void aSubscriberWhoseWriteFailsIsDropped() {
        AtomicBoolean dropped = new AtomicBoolean();
        events.subscribe(event -> {
            throw new IllegalStateException("the browser went away");
        }, () -> dropped.set(true));

        events.publish(event("e0"));

        await().atMost(ofSeconds(5)).untilTrue(dropped);
        assertThat(events.subscriberCount()).isZero();
    }

    private static LiveEvent event(String id) {
        return new LiveEvent(new LiveNotification(id, "profile", "ActorRegisteredEvent", "actor-" + id, 0, null,
                Instant.EPOCH, Instant.EPOCH), reader -> true);
    }
}
