package fr.labos.partenariats.matchmaking.introduction;

import fr.labos.partenariats.matchmaking.support.EventStoreRows;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.ProposeIntroductionCommand;
import fr.labos.partenariats.schema.matching.Proposer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An introduction's answer deadline is a row of the service's own database, not an in-memory timer: one that falls
 * due while the service is down fires when the service comes back, on the same event store.
 */
class IntroductionExpiresAfterRestartTest {

    private static final String ANSWER_PERIOD = "PT3S";
    private static InMemoryMongo mongo;
    private static String topic;

    @BeforeAll
    static void infrastructure() {
        topic = SharedKafka.newTopic("it.expiry.profile.events");
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void anIntroductionDueWhileTheServiceIsDownExpiresWhenItComesBack() {
        String introduction = "intro-" + UUID.randomUUID();
        String database;
        Instant proposedAt;
        // This instance never polls for due deadlines again after its start: whatever expires, the next one does.
        try (RunningMatchmaking before = start("db-scheduler.polling-interval=1h")) {
            database = before.databaseUrl();
            proposedAt = Instant.now();
            before.commands().sendAndWait(new ProposeIntroductionCommand(introduction, IntroductionSource.FACILITATOR,
                    "actor-a", "actor-b", List.of(), null, new Proposer("u-facilitator", "FACILITATOR"),
                    "Intermédiation"));
            EventStoreRows store = new EventStoreRows(database);
            assertThat(store.eventTypes(introduction)).containsExactly("IntroductionProposedEvent");
            assertThat(store.pendingDeadlines()).as("the answer deadline, stored").isEqualTo(1);
        }
        EventStoreRows store = new EventStoreRows(database);
        assertThat(store.eventTypes(introduction)).as("nothing expired while the first instance ran")
                .containsExactly("IntroductionProposedEvent");
        await().atMost(ofSeconds(30)).until(() -> Instant.now().isAfter(proposedAt.plusSeconds(4)));

        try (RunningMatchmaking after = start("spring.datasource.url=" + database,
                "db-scheduler.polling-interval=500ms")) {
            await().atMost(ofSeconds(60)).untilAsserted(() -> assertThat(store.eventTypes(introduction))
                    .containsExactly("IntroductionProposedEvent", "IntroductionExpiredEvent"));
            await().atMost(ofSeconds(30)).untilAsserted(() -> assertThat(store.pendingDeadlines()).isZero());
        }
    }

    private static RunningMatchmaking start(String... properties) {
        List<String> all = new java.util.ArrayList<>(List.of(properties));
        all.add("lab.introductions.answer-period=" + ANSWER_PERIOD);
        return RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic, "it-expiry-" + UUID.randomUUID(),
                all.toArray(String[]::new));
    }
}
