package fr.labos.partenariats.matchmaking.introduction.history.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.matchmaking.introduction.history.CanonicalEvent;
import fr.labos.partenariats.matchmaking.introduction.history.ChainVerification;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleHashing;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.ProofJson;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.SignedTreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHead;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.MatchmakingEvents;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.security.PublicKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An introduction's history as the service serves it, from its real PostgreSQL event store, and what one SQL UPDATE
 * of a stored event does to its verification.
 */
class HistoryTamperingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static InMemoryMongo mongo;
    private static RunningMatchmaking service;
    private static MatchmakingEvents published;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        String relayTopic = SharedKafka.newTopic("it.history.matchmaking.events");
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(),
                SharedKafka.newTopic("it.history.profile.events"), "it-history-" + UUID.randomUUID(),
                "lab.relay.topic=" + relayTopic);
        published = new MatchmakingEvents(SharedKafka.bootstrapServers(), relayTopic);
    }

    @AfterAll
    static void stop() {
        published.close();
        service.close();
        mongo.close();
    }

    @Test
    void signedHeadsArePublishedOnTheTopicUnderTheLogsKeyAndCheckWithTheServedKey() throws Exception {
        new Introductions(service).proposedAndAccepted("Intermédiation : covoiturage");
        JsonNode head = json(service.get("/api/introduction-log/head"));
        PublicKey key = ProofJson.readPublicKey(
                json(service.get("/api/introduction-log/public-key")).path("publicKey").asText(), "Ed25519");

        await().atMost(ofSeconds(30)).untilAsserted(() -> assertThat(published.forKey(TreeHeadPublisher.LOG_ID))
                .anySatisfy(record -> {
                    assertThat(MatchmakingEvents.header(record, EventHeaders.EVENT_TYPE))
                            .isEqualTo("IntroductionLogHeadPublishedEvent");
                    JsonNode event = JSON.readTree(record.value());
                    assertThat(event.path("treeSize").asLong()).isEqualTo(head.path("treeSize").asLong());
                    assertThat(event.path("rootHash").asText()).isEqualTo(head.path("rootHash").asText());
                    SignedTreeHead signed = ProofJson.readHead(event);
                    assertThat(signed.isSignedBy(key)).isTrue();
                    assertThat(event.path("keyId").asText()).hasSize(64);
                }));
    }

    @Test
    void aHeadSmallerThanTheLatestIsNeverPublishedAfterIt() throws Exception {
        Introductions introductions = new Introductions(service);
        introductions.proposedAndAccepted("Intermédiation : atelier vélo");
        introductions.proposedAndAccepted("Intermédiation : atelier numérique");
        long latest = json(service.get("/api/introduction-log/head")).path("treeSize").asLong();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(service.databaseUrl(),
                EmbeddedPostgresInitializer.USER, EmbeddedPostgresInitializer.PASSWORD));
        // A size below the latest head that no head has: what an instance that read an older latest head, before
        // another instance published a larger one, would sign and try to publish after it.
        Long smaller = jdbc.queryForList("""
                SELECT s FROM generate_series(1, ? - 1) s
                WHERE s NOT IN (SELECT tree_size FROM introduction_log_head) ORDER BY s DESC LIMIT 1""",
                Long.class, latest).stream().findFirst().orElseThrow();
        HistoryRepository repository = new HistoryRepository(jdbc);
        SignedTreeHead last = repository.latestHead().orElseThrow();
        Long heads = jdbc.queryForObject("SELECT count(*) FROM introduction_log_head", Long.class);

        OptionalLong saved = repository.saveHead(new SignedTreeHead(new TreeHead(smaller, last.head().rootHash(),
                last.head().timestamp()), last.algorithm(), last.signature()), "0".repeat(64), TreeHeadPublisher.LOG_ID);

        assertThat(saved).as("a head smaller than one already published").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM introduction_log_head", Long.class)).isEqualTo(heads);
        assertThat(repository.latestHead().orElseThrow().head().treeSize()).isEqualTo(latest);
    }

    /**
     * The latest head's row deleted from the database (or the table restored from an older backup): its number is
     * still taken on the heads' stream in the event store. The next head takes the stream's next number, and heads go
     * on being published, where they all failed for good.
     */
    @Test
    void aHeadRowDeletedDoesNotStopTheHeadsBeingPublished() throws Exception {
        TreeHeadPublisher publisher = service.context().getBean(TreeHeadPublisher.class);
        new Introductions(service).proposedAndAccepted("Intermédiation : jardin partagé");
        publisher.publishIfGrown();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(service.databaseUrl(),
                EmbeddedPostgresInitializer.USER, EmbeddedPostgresInitializer.PASSWORD));
        Map<String, Object> deleted = jdbc.queryForMap("SELECT * FROM introduction_log_head ORDER BY tree_size DESC LIMIT 1");
        jdbc.update("DELETE FROM introduction_log_head WHERE tree_size = ?", deleted.get("tree_size"));
        long streamLast = jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry "
                + "WHERE aggregateidentifier = ?", Long.class, TreeHeadPublisher.LOG_ID);
        try {
            new Introductions(service).proposedAndAccepted("Intermédiation : repair café");
            Optional<SignedTreeHead> next = publisher.publishIfGrown();

            assertThat(next).isPresent();
            assertThat(jdbc.queryForObject("SELECT sequence_number FROM introduction_log_head WHERE tree_size = ?",
                    Long.class, next.get().head().treeSize())).isEqualTo(streamLast + 1);
            assertThat(jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry "
                    + "WHERE aggregateidentifier = ?", Long.class, TreeHeadPublisher.LOG_ID)).isEqualTo(streamLast + 1);
        } finally {
            // Put back for the other tests of this service, which count a row per event of the stream.
            jdbc.update("INSERT INTO introduction_log_head (" + String.join(", ", deleted.keySet()) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(deleted.size(), "?")) + ")",
                    deleted.values().toArray());
        }
    }

    /**
     * Two instances: this one reads the latest head, the other publishes a larger one, then this one signs its own.
     * It drops it — no row, no event on the stream — and the latest head stays the other's.
     */
    @Test
    void anInstanceThatFindsALargerHeadPublishedSinceItReadTheLatestDropsItsOwn() throws Exception {
        ConfigurableApplicationContext context = service.context();
        TreeHeadPublisher otherInstance = context.getBean(TreeHeadPublisher.class);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(service.databaseUrl(),
                EmbeddedPostgresInitializer.USER, EmbeddedPostgresInitializer.PASSWORD));
        Introductions introductions = new Introductions(service);
        introductions.proposedAndAccepted("Intermédiation : jardin partagé");
        otherInstance.publishIfGrown();
        SignedTreeHead readHere = new HistoryRepository(jdbc).latestHead().orElseThrow();
        introductions.proposedAndAccepted("Intermédiation : repair café");
        IntroductionLog log = context.getBean(IntroductionLog.class);
        long grown = log.catchUp();
        assertThat(grown).isGreaterThan(readHere.head().treeSize());
        HistoryRepository racing = new HistoryRepository(jdbc) {
            @Override
            public Optional<SignedTreeHead> latestHead() {
                // The other instance publishes between this one's read of the latest head and its own insert.
                otherInstance.publishIfGrown();
                return Optional.of(readHere);
            }
        };
        TreeHeadPublisher thisInstance = new TreeHeadPublisher(log, racing, context.getBean(SigningKey.class),
                context.getBean(EventStore.class), context.getBean(TransactionTemplate.class), Clock.systemUTC(),
                new SimpleMeterRegistry());

        Optional<SignedTreeHead> published = thisInstance.publishIfGrown();

        assertThat(published).as("a head no larger than the one published meanwhile").isEmpty();
        SignedTreeHead latest = new HistoryRepository(jdbc).latestHead().orElseThrow();
        assertThat(latest.head().treeSize()).isEqualTo(grown);
        assertThat(latest.isSignedBy(context.getBean(SigningKey.class).publicKey())).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM introduction_log_head WHERE tree_size = ?", Long.class,
                grown)).isEqualTo(1);
        // Every head kept has its one event on the stream, and no event was appended without its head.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, TreeHeadPublisher.LOG_ID))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM introduction_log_head", Long.class));
    }

    /**
     * The count of the store's introduction events after the rebuild fails (here PostgreSQL cancels it past its query
     * timeout, as a count too slow for the socket timeout would fail): the tree rebuilt still serves, its proofs and
     * the verification of an untouched introduction hold, and the gauge says nothing was counted.
     */
    @Test
    void aFailedCountOfTheEventsNeitherFailsNorBlocksTheRebuiltTree() throws Exception {
        String id = new Introductions(service).proposedAndAccepted("Intermédiation : salle de répétition");
        DriverManagerDataSource database = new DriverManagerDataSource(service.databaseUrl(),
                EmbeddedPostgresInitializer.USER, EmbeddedPostgresInitializer.PASSWORD);
        JdbcTemplate impatient = new JdbcTemplate(database);
        impatient.setQueryTimeout(1);
        CountDownLatch countFailed = new CountDownLatch(1);
        HistoryRepository slowCount = new HistoryRepository(new JdbcTemplate(database)) {
            @Override
            long introductionEvents() {
                try {
                    return impatient.queryForObject("SELECT count(*) FROM domainevententry, pg_sleep(5)", Long.class);
                } catch (RuntimeException e) {
                    countFailed.countDown();
                    throw e;
                }
            }
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        IntroductionLog log = new IntroductionLog(slowCount, new DataSourceTransactionManager(database), meters);

        long started = System.nanoTime();
        long size = log.catchUp();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the rebuild waits for no count")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(size).as("the tree the service holds").isPositive()
                .isEqualTo(service.context().getBean(IntroductionLog.class).catchUp());
        assertThat(countFailed.await(30, TimeUnit.SECONDS)).as("the count was tried, and failed").isTrue();
        await().atMost(ofSeconds(5)).untilAsserted(() ->
                assertThat(meters.get(IntroductionLog.UNMATCHED_EVENTS).gauge().value()).isNaN());
        assertThat(log.catchUp()).isGreaterThanOrEqualTo(size);
        assertThat(log.inclusionProof(size - 1, size).leafIndex()).isEqualTo(size - 1);
        ChainVerification verification = new IntroductionHistories(slowCount, log,
                new DataSourceTransactionManager(database)).verify(id);
        assertThat(verification.chainHolds()).as(verification.explanation()).isTrue();
    }

    /**
     * A step committed between the read of an introduction's events and the count of its recorded steps (here a member
     * records an outcome, from another connection, right after the events were read): both reads belong to one
     * snapshot, so the untouched introduction holds, with the steps read, instead of a new step reported as deleted.
     */
    @Test
    void aStepCommittedWhileTheHistoryIsReadIsNotTakenForADeletedOne() throws Exception {
        Introductions introductions = new Introductions(service);
        String id = introductions.proposedAndAccepted("Intermédiation : local de stockage");
        DriverManagerDataSource database = new DriverManagerDataSource(service.databaseUrl(),
                EmbeddedPostgresInitializer.USER, EmbeddedPostgresInitializer.PASSWORD);
        AtomicBoolean stepCommitted = new AtomicBoolean();
        HistoryRepository stepBetweenTheReads = new HistoryRepository(new JdbcTemplate(database)) {
            @Override
            public List<StoredEvent> events(String introductionId) {
                List<StoredEvent> events = super.events(introductionId);
                if (stepCommitted.compareAndSet(false, true)) {
                    // On a thread, and through the service, of its own: committed before this read goes on.
                    CompletableFuture.runAsync(() -> introductions.followUps(id, 1)).join();
                }
                return events;
            }
        };
        IntroductionHistories histories = new IntroductionHistories(stepBetweenTheReads,
                service.context().getBean(IntroductionLog.class), new DataSourceTransactionManager(database));

        IntroductionHistories.Snapshot read = histories.read(id);
        ChainVerification verification = histories.verify(read);

        assertThat(stepCommitted).isTrue();
        assertThat(read.events()).hasSize(3);
        assertThat(read.recordedSteps()).isEqualTo(3);
        assertThat(verification.chainHolds()).as(verification.explanation()).isTrue();
        assertThat(verification.steps()).isEqualTo(3);
        // The step was committed, and the next reading has it.
        assertThat(histories.read(id).events()).hasSize(4);
        assertThat(histories.verify(id).chainHolds()).isTrue();
    }

    @Test
    void theHistoryShowsEveryStepWithWhoActedAndItsChainedHash() throws Exception {
        String id = new Introductions(service).proposedAndAccepted("Intermédiation : locaux partagés");

        JsonNode steps = json(service.get("/api/introductions/" + id + "/history")).path("steps");

        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).path("what").asText()).isEqualTo("IntroductionProposedEvent");
        assertThat(steps.get(0).path("who").path("subject").asText()).isEqualTo(Introductions.FACILITATOR);
        assertThat(steps.get(0).path("grounds").path("note").asText()).isEqualTo("Intermédiation : locaux partagés");
        assertThat(steps.get(0).path("previousHash").isNull()).isTrue();
        assertThat(steps.get(2).path("who").path("actingFor").asText()).isEqualTo(Introductions.partnerOf(id));
        assertThat(steps.get(2).path("who").path("role").asText()).isEqualTo("ACTOR_MEMBER");
        for (int i = 1; i < 3; i++) {
            assertThat(steps.get(i).path("previousHash").asText()).isEqualTo(steps.get(i - 1).path("hash").asText());
        }
        JsonNode verification = json(service.get("/api/introductions/" + id + "/verification"));
        assertThat(verification.path("holds").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("lastHash").asText()).isEqualTo(steps.get(2).path("hash").asText());
    }

    @Test
    void anSqlUpdateOfOneStoredEventBreaksTheVerificationAtThatStep() throws Exception {
        String id = new Introductions(service).proposedAndAccepted("Mise en relation pour un prêt de salle");
        assertThat(json(service.get("/api/introductions/" + id + "/verification")).path("holds").asBoolean()).isTrue();

        int updated = sql("""
                UPDATE domainevententry
                SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'actor-a', 'actor-z'), 'UTF8')
                WHERE aggregateidentifier = ? AND sequencenumber = 1""", id);
        assertThat(updated).isEqualTo(1);

        JsonNode verification = json(service.get("/api/introductions/" + id + "/verification"));
        assertThat(verification.path("holds").asBoolean()).isFalse();
        assertThat(verification.path("brokenStep").asLong()).isEqualTo(1);
        assertThat(verification.path("brokenType").asText()).isEqualTo("IntroductionAcceptedEvent");
        assertThat(verification.path("reason").asText()).isEqualTo("ALTERED_STEP");
        assertThat(verification.path("explanation").asText())
                .isEqualTo("l'étape 1 (IntroductionAcceptedEvent) a été modifiée après son enregistrement");
    }

    /**
     * A step whose row no longer holds JSON cannot be read back at all: it breaks the chain there — unless the chain broke
     * before it, a step deleted or altered earlier, which is then the first break named.
     */
    @Test
    void anUnreadableStepIsNamedUnlessTheChainBrokeBeforeIt() throws Exception {
        String alone = new Introductions(service).proposedAndAccepted("Intermédiation : local associatif");
        assertThat(garble(alone, 2)).isEqualTo(1);
        JsonNode unreadable = json(service.get("/api/introductions/" + alone + "/verification"));
        assertThat(unreadable.path("holds").asBoolean()).isFalse();
        assertThat(unreadable.path("brokenStep").asLong()).isEqualTo(2);
        assertThat(unreadable.path("reason").asText()).isEqualTo("ALTERED_STEP");
        assertThat(unreadable.path("explanation").asText()).endsWith("elle n'est même plus lisible");

        String deletedBefore = new Introductions(service).proposedAndAccepted("Intermédiation : jardin d'insertion");
        assertThat(sql("DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 1", deletedBefore))
                .isEqualTo(1);
        assertThat(garble(deletedBefore, 2)).isEqualTo(1);
        JsonNode missing = json(service.get("/api/introductions/" + deletedBefore + "/verification"));
        assertThat(missing.path("brokenStep").asLong()).isEqualTo(1);
        assertThat(missing.path("reason").asText()).isEqualTo("MISSING_STEP");
        assertThat(missing.path("explanation").asText()).startsWith("l'étape 1 manque avant l'étape 2");

        String alteredBefore = new Introductions(service).proposedAndAccepted("Intermédiation : épicerie solidaire");
        assertThat(sql("""
                UPDATE domainevententry
                SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'actor-a', 'actor-z'), 'UTF8')
                WHERE aggregateidentifier = ? AND sequencenumber = 1""", alteredBefore)).isEqualTo(1);
        assertThat(garble(alteredBefore, 2)).isEqualTo(1);
        JsonNode altered = json(service.get("/api/introductions/" + alteredBefore + "/verification"));
        assertThat(altered.path("brokenStep").asLong()).isEqualTo(1);
        assertThat(altered.path("explanation").asText())
                .isEqualTo("l'étape 1 (IntroductionAcceptedEvent) a été modifiée après son enregistrement");
    }

    /** Replaces a stored step's payload with text that is not JSON; the rows changed. */
    private static int garble(String introductionId, long step) throws Exception {
        return sql("UPDATE domainevententry SET payload = convert_to('plus du JSON', 'UTF8') "
                + "WHERE aggregateidentifier = ? AND sequencenumber = " + step, introductionId);
    }

    /**
     * A rewrite that leaves the tree alone: the introduction's history rows are moved aside under another id (the tree
     * keeps their leaves), its payloads altered, and new rows inserted for it with the chain recomputed, the real event
     * ids and leaf indexes far beyond the tree. The chain holds; the leaves do not exist, and that is a break.
     */
    @Test
    void aRewrittenChainGivenLeavesBeyondTheTreeIsNotInTheTree() throws Exception {
        String id = new Introductions(service).proposedAndAccepted("Intermédiation : prêt d'un camion");
        assertThat(json(service.get("/api/introductions/" + id + "/verification")).path("holds").asBoolean()).isTrue();

        try (Connection db = DriverManager.getConnection(service.databaseUrl(), EmbeddedPostgresInitializer.USER,
                EmbeddedPostgresInitializer.PASSWORD)) {
            try (PreparedStatement aside = db.prepareStatement("""
                    UPDATE introduction_history
                    SET introduction_id = 'zz-' || introduction_id, event_identifier = gen_random_uuid()::text,
                        global_index = -global_index
                    WHERE introduction_id = ?""")) {
                aside.setString(1, id);
                assertThat(aside.executeUpdate()).isEqualTo(3);
            }
            try (PreparedStatement alter = db.prepareStatement("""
                    UPDATE domainevententry
                    SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'camion', 'autocar'), 'UTF8')
                    WHERE aggregateidentifier = ?""")) {
                alter.setString(1, id);
                assertThat(alter.executeUpdate()).isEqualTo(3);
            }
            String previous = null;
            try (PreparedStatement rows = db.prepareStatement("""
                    SELECT sequencenumber, eventidentifier, globalindex, payloadtype, payloadrevision, payload,
                           metadata, timestamp
                    FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber""");
                 PreparedStatement insert = db.prepareStatement("""
                         INSERT INTO introduction_history (introduction_id, sequence_number, event_identifier,
                             global_index, previous_hash, hash, leaf_index, leaf_hash)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                rows.setString(1, id);
                try (ResultSet row = rows.executeQuery()) {
                    while (row.next()) {
                        String type = row.getString("payloadtype");
                        CanonicalEvent event = CanonicalEvent.ofStored(type.substring(type.lastIndexOf('.') + 1),
                                row.getString("payloadrevision"), row.getBytes("payload"), row.getBytes("metadata"),
                                row.getString("timestamp"), previous);
                        insert.setString(1, id);
                        insert.setLong(2, row.getLong("sequencenumber"));
                        insert.setString(3, row.getString("eventidentifier"));
                        insert.setLong(4, row.getLong("globalindex"));
                        insert.setString(5, previous);
                        insert.setString(6, event.hash());
                        insert.setLong(7, 1_000_000_000_000L + row.getLong("sequencenumber"));
                        insert.setString(8, MerkleHashing.leafHash(event.bytes()).hex());
                        assertThat(insert.executeUpdate()).isEqualTo(1);
                        previous = event.hash();
                    }
                }
            }
        }

        JsonNode verification = json(service.get("/api/introductions/" + id + "/verification"));
        assertThat(verification.path("holds").asBoolean()).as(verification.toString()).isFalse();
        assertThat(verification.path("reason").asText()).isEqualTo("NOT_IN_TREE");
        assertThat(verification.path("brokenStep").asLong()).isZero();
        assertThat(verification.path("brokenType").asText()).isEqualTo("IntroductionProposedEvent");
        assertThat(verification.path("explanation").asText()).startsWith("l'étape 0 (IntroductionProposedEvent) est "
                + "enregistrée à la feuille 1000000000000, hors de l'arbre des mises en relation");
    }

    /**
     * The proposal deleted from the store, which names the two actors: the history still records the introduction, so
     * it is not unknown; with no known actors only an admin reads it, and the verification names the deleted step.
     */
    @Test
    void anIntroductionWhoseFirstStepWasDeletedIsVerifiedForAnAdmin() throws Exception {
        String id = new Introductions(service).proposedAndAccepted("Intermédiation : prêt d'une salle de réunion");
        String member = TestTokens.member("actor-a").sign();
        assertThat(service.get("/api/introductions/" + id + "/verification", member).statusCode()).isEqualTo(200);
        assertThat(sql("DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0", id))
                .isEqualTo(1);

        JsonNode verification = brokenAtStepZero(id, "MISSING_STEP");
        assertThat(verification.path("explanation").asText()).startsWith("l'étape 0 manque avant l'étape 1");
        JsonNode history = json(service.get("/api/introductions/" + id + "/history"));
        assertThat(history.path("steps")).hasSize(2);
        assertThat(history.path("steps").get(0).path("step").asLong()).isEqualTo(1);
        // The parties are no longer known: a member of one of them is told, as anyone, that there is nothing.
        assertThat(service.get("/api/introductions/" + id + "/verification", member).statusCode()).isEqualTo(404);
    }

    @Test
    void anIntroductionWhoseStepsWereAllDeletedIsVerifiedForAnAdmin() throws Exception {
        String id = new Introductions(service).proposedAndAccepted("Intermédiation : prêt d'un vidéoprojecteur");
        assertThat(sql("DELETE FROM domainevententry WHERE aggregateidentifier = ?", id)).isEqualTo(3);

        JsonNode verification = brokenAtStepZero(id, "MISSING_STEP");
        assertThat(verification.path("explanation").asText()).isEqualTo("les étapes 0 à 2, enregistrées dans "
                + "l'historique, manquent dans le magasin d'événements : elles ont été supprimées");
        assertThat(json(service.get("/api/introductions/" + id + "/history")).path("steps")).isEmpty();
    }

    @Test
    void aViewerReadsTheTreeButNeitherTheHistoryNorTheEventsInItsProofs() throws Exception {
        String id = new Introductions(service).proposedAndAccepted("Intermédiation : jardin partagé");
        String eventId = json(service.get("/api/introductions/" + id + "/history")).path("steps").get(0)
                .path("eventId").asText();
        String viewer = TestTokens.viewer().sign();

        // To whoever may not read it, the introduction has no history (its id may be derived from its two actors).
        assertThat(service.get("/api/introductions/" + id + "/history", viewer).statusCode()).isEqualTo(404);
        assertThat(service.get("/api/introductions/" + id + "/verification", viewer).statusCode()).isEqualTo(404);
        HttpResponse<String> head = service.get("/api/introduction-log/head", viewer);
        assertThat(head.statusCode()).isEqualTo(200);
        JsonNode asViewer = json(service.get("/api/introduction-log/inclusion?eventId=" + eventId, viewer));
        JsonNode asAdmin = json(service.get("/api/introduction-log/inclusion?eventId=" + eventId));

        assertThat(asViewer.path("leafHash").asText()).hasSize(64).isEqualTo(asAdmin.path("leafHash").asText());
        assertThat(asViewer.has("leaf")).as("the event itself, for those who may read its history only").isFalse();
        assertThat(asAdmin.path("leaf").asText()).contains("jardin partagé");
        assertThat(asAdmin.path("treeSize").asLong()).as("a head signed on demand covers the fresh event")
                .isGreaterThan(asAdmin.path("leafIndex").asLong());
        assertThat(json(service.get("/api/introduction-log/public-key", viewer)).path("publicKey").asText())
                .startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void requestsTheTreeCannotAnswerAreProblems() throws Exception {
        new Introductions(service).proposedAndAccepted("Intermédiation : atelier vélo");
        long size = json(service.get("/api/introduction-log/head")).path("treeSize").asLong();

        // The latest head covers `size` events (nothing was written since it was read): a proof from size + 1 is
        // out of range.
        JsonNode tooFar = problem(service.get("/api/introduction-log/consistency?first=" + (size + 1)), 400,
                ProblemTypes.INVALID_INPUT);
        assertThat(tooFar.path("errors")).hasSize(1);
        assertThat(tooFar.path("errors").get(0).path("field").asText()).isEqualTo("first");
        assertThat(tooFar.path("errors").get(0).path("message").asText()).isEqualTo("first doit être compris entre 1 et "
                + french(size) + " (taille de la tête la plus récente demandée) ; reçu " + french(size + 1) + ".");
        assertThat(problem(service.get("/api/introduction-log/heads/" + (size + 1000)), 404, ProblemTypes.NOT_FOUND)
                .path("detail").asText()).isEqualTo("Aucune tête publiée pour un arbre de " + french(size + 1000)
                + " événements.");
        // No head can ever be of fewer than one event: bad input, not one that is not published yet.
        JsonNode empty = problem(service.get("/api/introduction-log/heads/0"), 400, ProblemTypes.INVALID_INPUT);
        assertThat(empty.path("errors").get(0).path("field").asText()).isEqualTo("treeSize");
        assertThat(empty.path("errors").get(0).path("message").asText())
                .isEqualTo("treeSize est un nombre d'événements : 1 au moins ; reçu 0.");
        assertThat(problem(service.get("/api/introduction-log/consistency?first=1&second=-3"), 400,
                ProblemTypes.INVALID_INPUT).path("errors").get(0).path("field").asText()).isEqualTo("second");
        assertThat(problem(service.get("/api/introduction-log/inclusion?eventId=no-such-event"), 404,
                ProblemTypes.NOT_FOUND).path("detail").asText())
                .isEqualTo("Aucun événement de mise en relation « no-such-event ».");
        // A NUL byte, which PostgreSQL refuses in a query: a malformed request, not a 503; any other id that is no
        // event's (a UUID) names no event, and is not looked up.
        assertThat(problem(service.get("/api/introduction-log/inclusion?eventId=a%00"), 400,
                ProblemTypes.MALFORMED_REQUEST).path("detail").asText()).contains("caractère nul");
        assertThat(problem(service.get("/api/introduction-log/inclusion?eventId=" + "é".repeat(300)), 404,
                ProblemTypes.NOT_FOUND).path("detail").asText()).startsWith("Aucun événement de mise en relation « ééé");
        assertThat(json(service.get("/api/introduction-log/heads/" + size)).path("treeSize").asLong()).isEqualTo(size);

        // An event recorded after that head, asked for against it: the head will never hold it — a 400 naming the
        // size to ask for, not a 409 telling the client to try again.
        String later = new Introductions(service).proposedAndAccepted("Intermédiation : repair café");
        String laterEvent = json(service.get("/api/introductions/" + later + "/history")).path("steps").get(0)
                .path("eventId").asText();
        JsonNode beforeIt = problem(service.get("/api/introduction-log/inclusion?treeSize=" + size + "&eventId="
                + laterEvent), 400, ProblemTypes.INVALID_INPUT);
        assertThat(beforeIt.path("errors").get(0).path("field").asText()).isEqualTo("treeSize");
        assertThat(beforeIt.path("errors").get(0).path("message").asText())
                .startsWith("La tête de " + french(size) + " événements ne contient pas l'événement « " + laterEvent + " »");
    }

    @Test
    void anUnknownIntroductionHasNoHistory() throws Exception {
        JsonNode problem = problem(service.get("/api/introductions/intro-nowhere/history"), 404, ProblemTypes.NOT_FOUND);
        assertThat(problem.path("detail").asText())
                .isEqualTo("Aucune mise en relation « intro-nowhere » : elle n'a aucun historique.");
    }

    /** The verification as an admin reads it: a 200 that does not hold, broken at step 0 for that reason. */
    private static JsonNode brokenAtStepZero(String id, String reason) throws Exception {
        HttpResponse<String> response = service.get("/api/introductions/" + id + "/verification");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode verification = json(response);
        assertThat(verification.path("holds").asBoolean()).as(verification.toString()).isFalse();
        assertThat(verification.path("reason").asText()).isEqualTo(reason);
        assertThat(verification.path("brokenStep").asLong()).isZero();
        return verification;
    }

    /** The answer is a problem document (RFC 7807) of that status and type; returns it. */
    private static JsonNode problem(HttpResponse<String> response, int status, ProblemTypes type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo(type.uri().toString());
        return problem;
    }

    /** A number as the French message bundles write it (MessageFormat: grouped by thousands, French style). */
    private static String french(long number) {
        return NumberFormat.getInstance(Locale.FRENCH).format(number);
    }

    private static int sql(String statement, String parameter) throws Exception {
        try (Connection connection = DriverManager.getConnection(service.databaseUrl(), EmbeddedPostgresInitializer.USER,
                EmbeddedPostgresInitializer.PASSWORD);
             PreparedStatement update = connection.prepareStatement(statement)) {
            update.setString(1, parameter);
            return update.executeUpdate();
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
