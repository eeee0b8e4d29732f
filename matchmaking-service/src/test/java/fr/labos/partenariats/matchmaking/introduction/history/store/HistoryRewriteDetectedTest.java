package fr.labos.partenariats.matchmaking.introduction.history.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.matchmaking.introduction.history.CanonicalEvent;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleHashing;
import fr.labos.partenariats.matchmaking.introduction.history.verify.TopicAudit;
import fr.labos.partenariats.matchmaking.introduction.history.verify.VerifyIntroductionHistory;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Someone with write access to PostgreSQL rewrites a whole introduction's history while the service is down: the
 * payload and every hash after it, consistently, so that the chain holds again. Whoever kept a head published
 * before finds out with the standalone verifier, run as its documented command (a JVM of its own, files only); and
 * so does whoever audits the records of the service's topic, without having kept anything.
 */
class HistoryRewriteDetectedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static InMemoryMongo mongo;
    private static String topic;
    private static String relayTopic;

    @TempDir
    Path files;

    @BeforeAll
    static void infrastructure() {
        mongo = InMemoryMongo.start();
        topic = SharedKafka.newTopic("it.history-rewrite.profile.events");
        relayTopic = SharedKafka.newTopic("it.history-rewrite.matchmaking.events");
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void aConsistentRewriteOfAChainFailsTheConsistencyProofAgainstAnEarlierHead() throws Exception {
        Path key = files.resolve("data/introduction-log-key.pem");
        String database;
        String rewritten;
        String firstEvent;
        try (RunningMatchmaking before = start(key, null)) {
            database = before.databaseUrl();
            Introductions introductions = new Introductions(before);
            rewritten = introductions.proposedAndAccepted("Intermédiation : prêt d'un minibus");
            introductions.proposedAndAccepted("Intermédiation : mécénat de compétences");
            Path mayHead = save(awaitHead(before, 6), "may-head.json");
            Files.writeString(files.resolve("service-key.pem"),
                    JSON.readTree(before.get("/api/introduction-log/public-key").body()).path("publicKey").asText());
            JsonNode firstStep = JSON.readTree(before.get("/api/introductions/" + rewritten + "/history").body())
                    .path("steps").get(0);
            firstEvent = firstStep.path("eventId").asText();
            // The step as its reader saved it: the proof must be about that very event.
            save(firstStep.toString(), "step.json");
            Path included = save(before.get("/api/introduction-log/inclusion?treeSize=6&eventId=" + firstEvent).body(),
                    "inclusion.json");
            Verifier inclusion = runVerifier(new String[]{"inclusion", mayHead.toString(), included.toString(),
                    files.resolve("service-key.pem").toString(), "--step", files.resolve("step.json").toString()});
            assertThat(inclusion.exitStatus()).as(inclusion.output()).isZero();
            assertThat(inclusion.output()).contains("c'est l'événement " + firstEvent + " (étape 0, "
                    + "IntroductionProposedEvent) enregistré dans step.json : recalculé à partir de la preuve");

            // Control: the history grows honestly, the proof from the kept head holds.
            introductions.proposedAndAccepted("Intermédiation : bénévoles");
            Path juneHead = save(awaitHead(before, 9), "june-head.json");
            Path honest = save(before.get("/api/introduction-log/consistency?first=6&second=9").body(), "honest.json");
            Verifier verdict = verify("consistency", mayHead, juneHead, honest, files.resolve("service-key.pem"));
            assertThat(verdict.exitStatus()).as(verdict.output()).isZero();
            assertThat(verdict.output()).startsWith("OK");

            // The topic's records, audited without the service: every hash recomputed, the heads rebuilt.
            awaitTopicHolds(9);
            Verifier audit = runVerifier(new String[]{"topic", SharedKafka.bootstrapServers(), relayTopic,
                    files.resolve("service-key.pem").toString()});
            assertThat(audit.exitStatus()).as(audit.output()).isZero();
            assertThat(audit.output()).startsWith("OK : 9 événements de 3 mises en relation")
                    .contains("(la plus grande : 9 événements), toutes signées par cette clé");
        }

        rewriteConsistently(database, rewritten, "Intermédiation : prêt d'un minibus", "Intermédiation : don d'un minibus");

        try (RunningMatchmaking after = start(key, database)) {
            String later = new Introductions(after).proposedAndAccepted("Intermédiation : locaux");
            Path laterHead = save(awaitHead(after, 12), "later-head.json");
            JsonNode chain = JSON.readTree(after.get("/api/introductions/" + rewritten + "/verification").body());
            assertThat(chain.path("holds").asBoolean()).as("a consistent rewrite fools the chain alone: " + chain)
                    .isTrue();
            Path proof = save(after.get("/api/introduction-log/consistency?first=6&second=12").body(), "proof.json");

            Verifier verdict = verify("consistency", files.resolve("may-head.json"), laterHead, proof,
                    files.resolve("service-key.pem"));

            assertThat(verdict.exitStatus()).as(verdict.output()).isEqualTo(1);
            assertThat(verdict.output()).contains("ÉCHEC").contains("ne prolonge PAS celui de 6");

            // The rewritten event, with the leaf the verifier recomputes from it, is not in the tree of the kept head.
            Path forged = save(after.get("/api/introduction-log/inclusion?treeSize=6&eventId=" + firstEvent).body(),
                    "forged-inclusion.json");
            Verifier inclusion = verify("inclusion", files.resolve("may-head.json"), forged,
                    files.resolve("service-key.pem"));
            assertThat(inclusion.exitStatus()).as(inclusion.output()).isEqualTo(1);
            // Whoever kept no head but the step they read: the rewritten event is in the tree the service signs now,
            // but it is not the event of that step.
            Path current = save(after.get("/api/introduction-log/inclusion?treeSize=12&eventId=" + firstEvent).body(),
                    "current-inclusion.json");
            Verifier againstTheStep = runVerifier(new String[]{"inclusion", laterHead.toString(), current.toString(),
                    files.resolve("service-key.pem").toString(), "--step", files.resolve("step.json").toString()});
            assertThat(againstTheStep.exitStatus()).as(againstTheStep.output()).isEqualTo(1);
            assertThat(againstTheStep.output()).startsWith("ÉCHEC : l'événement que porte la preuve n'est pas celui de "
                    + "l'étape enregistrée");

            // Whoever kept no head but reads the topic: the records published before the rewrite do not give the
            // root the service signed after it.
            await().atMost(ofSeconds(30)).until(() -> audit().largestHead() == 12);
            Verifier audit = runVerifier(new String[]{"topic", SharedKafka.bootstrapServers(), relayTopic,
                    files.resolve("service-key.pem").toString()});
            assertThat(audit.exitStatus()).as(audit.output()).isEqualTo(1);
            assertThat(audit.output()).contains("la tête de 12 événements ne correspond PAS aux événements publiés")
                    .doesNotContain("la tête de 9 événements ne correspond PAS");
        }
    }

    /**
     * Deleting a row of the history (a step's leaf) leaves a hole the tree cannot grow past once the service restarts:
     * it publishes no head over it, says so at every attempt and in a gauge, and refuses proofs it can no longer
     * build with a problem, not an error.
     */
    @Test
    void aDeletedHistoryRowStopsTheHeadsAndSaysSo() throws Exception {
        Path key = files.resolve("data/hole-key.pem");
        // A topic of its own: the other test audits every record of its topic.
        String holeTopic = SharedKafka.newTopic("it.history-hole.matchmaking.events");
        String database;
        String firstEvent;
        String second;
        try (RunningMatchmaking before = start(key, null, holeTopic)) {
            database = before.databaseUrl();
            Introductions introductions = new Introductions(before);
            String first = introductions.proposedAndAccepted("Intermédiation : atelier vélo");
            second = introductions.proposedAndAccepted("Intermédiation : jardin partagé");
            awaitHead(before, 6);
            firstEvent = JSON.readTree(before.get("/api/introductions/" + first + "/history").body())
                    .path("steps").get(0).path("eventId").asText();
        }
        try (Connection db = DriverManager.getConnection(database, EmbeddedPostgresInitializer.USER,
                EmbeddedPostgresInitializer.PASSWORD);
             PreparedStatement delete = db.prepareStatement("DELETE FROM introduction_history WHERE leaf_index = 2")) {
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }

        try (RunningMatchmaking after = start(key, database, holeTopic)) {
            String later = new Introductions(after).proposedAndAccepted("Intermédiation : locaux");
            MeterRegistry meters = after.context().getBean(MeterRegistry.class);
            await().atMost(ofSeconds(30)).untilAsserted(() -> assertThat(
                    meters.get("lab.introduction.log.missing.leaves").gauge().value()).isEqualTo(4.0));
            // The tree rebuilt at start stops at the hole, short of the event store's introduction events.
            await().atMost(ofSeconds(30)).untilAsserted(() -> assertThat(
                    meters.get("lab.introduction.log.unmatched.events").gauge().value()).isGreaterThanOrEqualTo(4.0));
            // An untouched introduction whose leaves lie past the hole, recorded before it was made or after: the
            // tree is interrupted by another introduction's deleted row, and its verification says so, not that its
            // own place in the tree was forged.
            for (String untouched : List.of(second, later)) {
                JsonNode beyond = JSON.readTree(after.get("/api/introductions/" + untouched + "/verification").body());
                assertThat(beyond.path("holds").asBoolean()).as(beyond.toString()).isFalse();
                assertThat(beyond.path("reason").asText()).isEqualTo("TREE_INTERRUPTED");
                assertThat(beyond.path("brokenStep").asLong()).isZero();
                assertThat(beyond.path("explanation").asText())
                        .contains("l'arbre des mises en relation s'interrompt à la feuille 2")
                        .contains("qui appartient à une autre mise en relation, a été supprimée de la base")
                        .doesNotContain("falsifiée");
            }
            // Several publishing periods later, still the head of 6: none is signed over the hole.
            Thread.sleep(1_000);
            assertThat(JSON.readTree(after.get("/api/introduction-log/head").body()).path("treeSize").asLong())
                    .isEqualTo(6);
            HttpResponse<String> inclusion = after.get("/api/introduction-log/inclusion?treeSize=6&eventId="
                    + firstEvent);
            assertThat(inclusion.statusCode()).as(inclusion.body()).isEqualTo(404);
            assertThat(JSON.readTree(inclusion.body()).path("detail").asText()).isEqualTo("L'arbre ne compte que 2 "
                    + "événements ; la tête de 6 événements ne peut plus être reconstituée.");
        }
    }

    /** The audit of the topic as it is now, in this JVM (the documented command runs it in one of its own). */
    private static TopicAudit.Verdict audit() {
        return TopicAudit.ofTopic(SharedKafka.bootstrapServers(), relayTopic, new Properties(), null);
    }

    private static void awaitTopicHolds(long events) {
        await().atMost(ofSeconds(30)).untilAsserted(() -> {
            TopicAudit.Verdict verdict = audit();
            assertThat(verdict.holds()).as(verdict.lines().toString()).isTrue();
            assertThat(verdict.largestHead()).isEqualTo(events);
        });
    }

    private RunningMatchmaking start(Path key, String database) {
        return start(key, database, relayTopic);
    }

    private RunningMatchmaking start(Path key, String database, String relayTopic) {
        List<String> properties = new ArrayList<>(List.of(
                "lab.introductions.history.signing-key=" + key,
                "lab.introductions.history.create-signing-key=true",
                "lab.introductions.history.head-initial-delay=PT0.1S",
                "lab.introductions.history.head-interval=PT0.2S",
                "lab.relay.topic=" + relayTopic));
        if (database != null) {
            properties.add("spring.datasource.url=" + database);
        }
        return RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic,
                "it-history-rewrite-" + UUID.randomUUID(), properties.toArray(String[]::new));
    }

    private static String awaitHead(RunningMatchmaking service, long size) {
        String[] head = new String[1];
        await().atMost(ofSeconds(30)).untilAsserted(() -> {
            head[0] = service.get("/api/introduction-log/head").body();
            assertThat(JSON.readTree(head[0]).path("treeSize").asLong()).isEqualTo(size);
        });
        return head[0];
    }

    /**
     * What an attacker with the code and the database does: alters the first step's payload, then recomputes every
     * hash, previous hash and leaf hash of the chain from the rows as stored.
     */
    private static void rewriteConsistently(String database, String introductionId, String from, String to)
            throws Exception {
        try (Connection db = DriverManager.getConnection(database, EmbeddedPostgresInitializer.USER,
                EmbeddedPostgresInitializer.PASSWORD)) {
            try (PreparedStatement update = db.prepareStatement("""
                    UPDATE domainevententry
                    SET payload = convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8')
                    WHERE aggregateidentifier = ? AND sequencenumber = 0""")) {
                update.setString(1, from);
                update.setString(2, to);
                update.setString(3, introductionId);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            String previous = null;
            try (PreparedStatement rows = db.prepareStatement("""
                    SELECT sequencenumber, payloadtype, payloadrevision, payload, metadata, timestamp
                    FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber""");
                 PreparedStatement rehash = db.prepareStatement("""
                         UPDATE introduction_history SET previous_hash = ?, hash = ?, leaf_hash = ?
                         WHERE introduction_id = ? AND sequence_number = ?""")) {
                rows.setString(1, introductionId);
                try (ResultSet row = rows.executeQuery()) {
                    while (row.next()) {
                        String type = row.getString(2);
                        CanonicalEvent event = CanonicalEvent.ofStored(type.substring(type.lastIndexOf('.') + 1),
                                row.getString(3), row.getBytes(4), row.getBytes(5), row.getString(6), previous);
                        rehash.setString(1, previous);
                        rehash.setString(2, event.hash());
                        rehash.setString(3, MerkleHashing.leafHash(event.bytes()).hex());
                        rehash.setString(4, introductionId);
                        rehash.setLong(5, row.getLong(1));
                        assertThat(rehash.executeUpdate()).isEqualTo(1);
                        previous = event.hash();
                    }
                }
            }
        }
    }

    private Path save(String body, String name) throws IOException {
        return Files.writeString(files.resolve(name), body);
    }

    private record Verifier(int exitStatus, String output) {
    }

    /** The standalone verifier in a JVM of its own, given nothing but files. */
    private static Verifier runVerifier(String[] arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), VerifyIntroductionHistory.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the verifier ends").isTrue();
        return new Verifier(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Verifier verify(String mode, Path... paths) throws Exception {
        String[] arguments = new String[paths.length + 1];
        arguments[0] = mode;
        for (int i = 0; i < paths.length; i++) {
            arguments[i + 1] = paths[i].toString();
        }
        return runVerifier(arguments);
    }
}
