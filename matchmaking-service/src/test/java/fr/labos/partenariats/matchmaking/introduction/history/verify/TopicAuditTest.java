package fr.labos.partenariats.matchmaking.introduction.history.verify;

import fr.labos.partenariats.matchmaking.introduction.history.CanonicalEvent;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleTree;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.SignedTreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHeadSigner;
import fr.labos.partenariats.schema.EventHeaders;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit of the topic on records written the way the relay writes them: each introduction event with its hash,
 * previous hash, leaf index and metadata as headers, and the signed heads as {@code IntroductionLogHeadPublishedEvent}.
 */
class TopicAuditTest {

    private static final String METADATA = "{\"principalSubject\":\"u-member-a\",\"principalRole\":\"ACTOR_MEMBER\","
            + "\"actingFor\":\"actor-a\",\"traceId\":\"t-1\",\"correlationId\":\"c-1\"}";

    private final KeyPair serviceKey = TreeHeadSigner.newEd25519KeyPair();
    private final TreeHeadSigner signer = new TreeHeadSigner(serviceKey.getPrivate(), TreeHeadSigner.ED25519);
    private final MerkleTree tree = new MerkleTree();
    private final List<TopicAudit.TopicRecord> topic = new ArrayList<>();

    @Test
    void recordsWrittenAsTheRelayWritesThemHold() {
        introduction("intro-1", 3);
        head();
        introduction("intro-2", 2);
        head();

        TopicAudit.Verdict verdict = audit(topic, key());

        assertThat(verdict.holds()).as(verdict.lines().toString()).isTrue();
        assertThat(verdict.introductionEvents()).isEqualTo(5);
        assertThat(verdict.introductions()).isEqualTo(2);
        assertThat(verdict.headsChecked()).isEqualTo(2);
        assertThat(verdict.lines().get(0)).startsWith("OK : 5 événements de 2 mises en relation lus sur 7 enregistrements")
                .contains("2 têtes publiées recalculées feuille par feuille (la plus grande : 5 événements)")
                .endsWith("toutes signées par cette clé");
    }

    @Test
    void aRecordRepeatedByTheRelayIsCountedNotReported() {
        introduction("intro-1", 3);
        head();
        topic.add(topic.get(1));

        TopicAudit.Verdict verdict = audit(topic, key());

        assertThat(verdict.holds()).as(verdict.lines().toString()).isTrue();
        assertThat(verdict.repeated()).isEqualTo(1);
        assertThat(verdict.lines()).contains("1 enregistrement(s) répété(s) à l'identique (livraison au moins une fois)");
    }

    @Test
    void aPayloadThatNoLongerGivesItsHashIsNamed() {
        introduction("intro-1", 3);
        head();
        TopicAudit.TopicRecord accepted = topic.get(1);
        topic.set(1, new TopicAudit.TopicRecord(accepted.partition(), accepted.offset(), accepted.headers(),
                accepted.value().replace("\"bothSidesAccepted\":false", "\"bothSidesAccepted\":true")));

        TopicAudit.Verdict verdict = audit(topic, key());

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.problems()).anySatisfy(problem -> assertThat(problem)
                .startsWith("mise en relation intro-1 : l'étape 1 (IntroductionAcceptedEvent) a été modifiée"));
        // Its leaf changed with it: the head signed over the real event no longer matches the records.
        assertThat(verdict.problems()).anySatisfy(problem -> assertThat(problem)
                .startsWith("la tête de 3 événements ne correspond PAS aux événements publiés"));
    }

    @Test
    void aHeadSignedOverAHistoryRewrittenAfterPublicationIsNamed() {
        introduction("intro-1", 3);
        head();
        MerkleTree rewritten = rewrittenTree();
        publish(signer.sign(new TreeHead(3, rewritten.rootHash(), Instant.parse("2026-06-01T00:00:00Z"))));

        TopicAudit.Verdict verdict = audit(topic, key());

        assertThat(verdict.problems()).containsExactly("deux têtes de 3 événements publiées avec des racines "
                + "différentes (" + tree.rootHash(3) + ", " + rewritten.rootHash() + " en partition 0, position 4)");
    }

    @Test
    void aLaterHeadOverRewrittenLeavesIsNamed() {
        introduction("intro-1", 3);
        head();
        introduction("intro-2", 1);
        publish(signer.sign(new TreeHead(4, rewrittenTree().rootHash(), Instant.parse("2026-06-01T00:00:00Z"))));

        TopicAudit.Verdict verdict = audit(topic, key());

        assertThat(verdict.problems()).containsExactly("la tête de 4 événements ne correspond PAS aux événements "
                + "publiés : l'historique qu'elle signe a été réécrit après leur publication");
    }

    @Test
    void aStepMissingFromTheTopicBreaksItsChainAndTheHeadsThatCoverIt() {
        introduction("intro-1", 3);
        head();
        topic.remove(1);

        TopicAudit.Verdict verdict = audit(topic, key());

        assertThat(verdict.problems()).containsExactlyInAnyOrder(
                "mise en relation intro-1 : l'étape 1 manque avant l'étape 2 (IntroductionAcceptedEvent)",
                "la tête de 3 événements ne peut pas être recalculée : la feuille 1 manque sur le topic (événement "
                        + "jamais publié, ou publié sans ses métadonnées)");
    }

    @Test
    void anEventPublishedWithoutAHashWasAddedBehindTheServicesBack() {
        introduction("intro-1", 2);
        Map<String, String> headers = new HashMap<>(topic.get(1).headers());
        headers.keySet().removeIf(name -> name.startsWith("lab-history-"));
        headers.put(EventHeaders.AGGREGATE_SEQUENCE, "2");
        headers.put(EventHeaders.EVENT_ID, UUID.randomUUID().toString());
        topic.add(new TopicAudit.TopicRecord(0, topic.size(), headers, topic.get(1).value()));

        TopicAudit.Verdict verdict = audit(topic, key());

        assertThat(verdict.problems()).containsExactly("mise en relation intro-1 : l'étape 2 (IntroductionAcceptedEvent)"
                + " a été publiée sans empreinte : elle a été ajoutée dans la base en dehors du service");
    }

    @Test
    void headsSignedByAnotherKeyAreNamedOnlyWhenAKeyIsGiven() {
        introduction("intro-1", 2);
        head();
        PublicKey otherKey = TreeHeadSigner.newEd25519KeyPair().getPublic();

        assertThat(audit(topic, algorithm -> otherKey).problems())
                .containsExactly("la tête de 2 événements n'est pas signée par cette clé");
        TopicAudit.Verdict unsigned = audit(topic, null);
        assertThat(unsigned.holds()).isTrue();
        assertThat(unsigned.lines().get(0)).doesNotContain("signées");
    }

    @Test
    void twoDifferentStepsUnderOneSequenceNumberAreNamed() {
        introduction("intro-1", 2);
        TopicAudit.TopicRecord accepted = topic.get(1);
        Map<String, String> forged = new HashMap<>(accepted.headers());
        forged.put(EventHeaders.EVENT_ID, UUID.randomUUID().toString());
        topic.add(new TopicAudit.TopicRecord(1, 0, forged, accepted.value()));

        assertThat(audit(topic, key()).problems()).containsExactly(
                "deux étapes 1 différentes pour la mise en relation intro-1 (partition 0, position 1 et partition 1, "
                        + "position 0)");
    }

    /** An introduction's first step (a proposal) and then acceptances, hashed, chained and leafed as the service does. */
    private void introduction(String id, int steps) {
        String previous = null;
        for (int sequence = 0; sequence < steps; sequence++) {
            String type = sequence == 0 ? "IntroductionProposedEvent" : "IntroductionAcceptedEvent";
            String payload = sequence == 0
                    ? "{\"introductionId\":\"" + id + "\",\"source\":\"FACILITATOR\",\"firstActorId\":\"actor-a\","
                    + "\"secondActorId\":\"actor-b\",\"score\":0.8125,\"note\":\"Intermédiation : prêt d'un minibus\"}"
                    : "{\"introductionId\":\"" + id + "\",\"actorId\":\"actor-" + (sequence == 1 ? "a" : "b")
                    + "\",\"bothSidesAccepted\":" + (sequence == 2) + ",\"acceptedAt\":\"2026-05-0" + sequence
                    + "T09:30:00.123Z\"}";
            String timestamp = "2026-05-0" + (sequence + 1) + "T09:30:00.123Z";
            CanonicalEvent event = CanonicalEvent.ofStored(type, "1", payload.getBytes(), METADATA.getBytes(),
                    timestamp, previous);
            long leaf = tree.append(event.bytes());
            Map<String, String> headers = new HashMap<>();
            headers.put(EventHeaders.EVENT_TYPE, type);
            headers.put(EventHeaders.EVENT_REVISION, "1");
            headers.put(EventHeaders.EVENT_ID, UUID.randomUUID().toString());
            headers.put(EventHeaders.TIMESTAMP, timestamp);
            headers.put(EventHeaders.AGGREGATE_ID, id);
            headers.put(EventHeaders.AGGREGATE_SEQUENCE, Integer.toString(sequence));
            headers.put(EventHeaders.HISTORY_HASH, event.hash());
            if (previous != null) {
                headers.put(EventHeaders.HISTORY_PREVIOUS_HASH, previous);
            }
            headers.put(EventHeaders.HISTORY_LEAF_INDEX, Long.toString(leaf));
            headers.put(EventHeaders.HISTORY_METADATA, METADATA);
            topic.add(new TopicAudit.TopicRecord(0, topic.size(), headers, payload));
            previous = event.hash();
        }
    }

    /** What the service signs once its database was rewritten: a tree the published records do not give. */
    private MerkleTree rewrittenTree() {
        MerkleTree rewritten = new MerkleTree();
        for (long leaf = 0; leaf < tree.size(); leaf++) {
            rewritten.append(("réécrit " + leaf).getBytes());
        }
        return rewritten;
    }

    /** The head of the tree as it is now, signed and published as the service publishes it. */
    private void head() {
        publish(signer.sign(new TreeHead(tree.size(), tree.rootHash(), Instant.parse("2026-05-31T12:00:00.250Z"))));
    }

    private void publish(SignedTreeHead signed) {
        String value = "{\"treeSize\":" + signed.head().treeSize() + ",\"rootHash\":\"" + signed.head().rootHash().hex()
                + "\",\"timestamp\":\"" + signed.head().timestamp() + "\",\"algorithm\":\"" + signed.algorithm()
                + "\",\"signature\":\"" + Base64.getEncoder().encodeToString(signed.signature())
                + "\",\"keyId\":\"k-1\"}";
        topic.add(new TopicAudit.TopicRecord(0, topic.size(), Map.of(
                EventHeaders.EVENT_TYPE, "IntroductionLogHeadPublishedEvent", EventHeaders.EVENT_REVISION, "1",
                EventHeaders.AGGREGATE_ID, "introduction-log"), value));
    }

    private Function<String, PublicKey> key() {
        return algorithm -> serviceKey.getPublic();
    }

    private static TopicAudit.Verdict audit(List<TopicAudit.TopicRecord> records, Function<String, PublicKey> key) {
        TopicAudit audit = new TopicAudit();
        records.forEach(audit::accept);
        return audit.verdict(key);
    }
}
