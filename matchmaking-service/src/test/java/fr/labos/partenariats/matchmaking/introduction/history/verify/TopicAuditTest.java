package fr.labos.partenariats.matchmaking.introduction.history.verify;

import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleTree;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.SignedTreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHeadSigner;
import fr.labos.partenariats.schema.EventHeaders;
import org.junit.jupiter.api.Test;

import java.security.PublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit of the topic on records written the way the relay writes them: each introduction event with its hash,
 * previous hash, leaf index and metadata as headers, and the signed heads as {@code IntroductionLogHeadPublishedEvent}.
 */
class TopicAuditTest {

    private final RelayedHistory history = new RelayedHistory();
    private final MerkleTree tree = history.tree();
    private final List<TopicAudit.TopicRecord> topic = history.records();

    @Test
    void recordsWrittenAsTheRelayWritesThemHold() {
        history.introduction("intro-1", 3);
        history.head();
        history.introduction("intro-2", 2);
        history.head();

        TopicAudit.Verdict verdict = history.audit(key());

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
        history.introduction("intro-1", 3);
        history.head();
        topic.add(topic.get(1));

        TopicAudit.Verdict verdict = history.audit(key());

        assertThat(verdict.holds()).as(verdict.lines().toString()).isTrue();
        assertThat(verdict.repeated()).isEqualTo(1);
        assertThat(verdict.lines()).contains("1 enregistrement(s) répété(s) à l'identique (livraison au moins une fois)");
    }

    @Test
    void aRecordRepeatedWithOtherContentUnderTheSameIdsIsNamed() {
        history.introduction("intro-1", 3);
        history.head();
        TopicAudit.TopicRecord accepted = topic.get(1);
        topic.add(new TopicAudit.TopicRecord(1, 0, accepted.headers(),
                accepted.value().replace("\"actorId\":\"actor-a\"", "\"actorId\":\"actor-c\"")));

        assertThat(history.audit(key()).problems()).containsExactly("deux étapes 1 différentes pour la mise en "
                + "relation intro-1 (partition 0, position 1 et partition 1, position 0)");
    }

    @Test
    void aPayloadThatNoLongerGivesItsHashIsNamed() {
        history.introduction("intro-1", 3);
        history.head();
        alter(1, "\"bothSidesAccepted\":false", "\"bothSidesAccepted\":true");

        TopicAudit.Verdict verdict = history.audit(key());

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.problems()).anySatisfy(problem -> assertThat(problem)
                .startsWith("mise en relation intro-1 : l'étape 1 (IntroductionAcceptedEvent) a été modifiée"));
        // Its leaf changed with it: the head signed over the real event no longer matches the records.
        assertThat(verdict.problems()).anySatisfy(problem -> assertThat(problem)
                .startsWith("la tête de 3 événements ne correspond PAS aux événements publiés"));
    }

    @Test
    void aHeadSignedOverAHistoryRewrittenAfterPublicationIsNamed() {
        history.introduction("intro-1", 3);
        history.head();
        MerkleTree rewritten = rewrittenTree();
        history.publish(new TreeHead(3, rewritten.rootHash(), Instant.parse("2026-06-01T00:00:00Z")));

        TopicAudit.Verdict verdict = history.audit(key());

        // The service signs a head only over a tree larger than its last: one of the same size is wrong as well.
        assertThat(verdict.problems()).containsExactly("deux têtes de 3 événements publiées avec des racines "
                        + "différentes (" + tree.rootHash(3) + ", " + rewritten.rootHash() + " en partition 0, position 4)",
                "la tête n° 1 du flux des têtes couvre 3 événements, pas plus que la tête n° 0 publiée avant elle (3) : "
                        + "les têtes ne font que grandir, l'historique a été raccourci dans la base ou cette tête n'est "
                        + "pas celle du service");
    }

    @Test
    void aLaterHeadOverRewrittenLeavesIsNamed() {
        history.introduction("intro-1", 3);
        history.head();
        history.introduction("intro-2", 1);
        history.publish(new TreeHead(4, rewrittenTree().rootHash(), Instant.parse("2026-06-01T00:00:00Z")));

        TopicAudit.Verdict verdict = history.audit(key());

        assertThat(verdict.problems()).containsExactly("la tête de 4 événements ne correspond PAS aux événements "
                + "publiés : l'historique qu'elle signe a été réécrit après leur publication");
    }

    /**
     * The last events deleted from the database with the heads that covered them, the counter lowered, the service
     * restarted: its next head covers fewer events, and its root matches the topic's first leaves (a prefix does).
     * Only the heads' stream tells: a head smaller than one published before it.
     */
    @Test
    void aHeadSmallerThanOnePublishedBeforeItOnTheHeadsStreamIsNamed() {
        history.introduction("intro-1", 3);
        history.head();
        history.introduction("intro-2", 2);
        history.head();
        history.publish(new TreeHead(3, tree.rootHash(3), Instant.parse("2026-06-01T00:00:00Z")));

        TopicAudit.Verdict verdict = history.audit(key());

        assertThat(verdict.problems()).containsExactly("la tête n° 2 du flux des têtes couvre 3 événements, pas plus que "
                + "la tête n° 1 publiée avant elle (5) : les têtes ne font que grandir, l'historique a été raccourci dans "
                + "la base ou cette tête n'est pas celle du service");
    }

    /** The heads deleted from the database too: the next one takes the number of one published before. */
    @Test
    void twoHeadsUnderOneNumberOfTheHeadsStreamAreNamed() {
        history.introduction("intro-1", 3);
        history.head();
        history.introduction("intro-2", 2);
        history.head();
        history.nextHeadNumbered(1);
        history.publish(new TreeHead(3, tree.rootHash(3), Instant.parse("2026-06-01T00:00:00Z")));
        topic.add(topic.get(topic.size() - 1)); // redelivered as it is: not a second head

        TopicAudit.Verdict verdict = history.audit(key());

        assertThat(verdict.problems()).containsExactly("deux têtes publiées sous le numéro 1 du flux des têtes (5 et 3 "
                + "événements, la seconde en partition 0, position 7) : des têtes ont été effacées de la base et "
                + "d'autres publiées à leur place");
    }

    /**
     * Anyone who writes to the database can append a head event of the latest size with its true root (computable
     * from the history table) and any signature; the relay publishes it. Its signature is checked like the first
     * head's of that size, and the stream says a head did not grow.
     */
    @Test
    void aSecondHeadOfASizeAlreadyPublishedHasItsSignatureCheckedToo() {
        history.introduction("intro-1", 3);
        history.head();
        history.introduction("intro-2", 2);
        history.head();
        history.publish(new SignedTreeHead(new TreeHead(5, tree.rootHash(5), Instant.parse("2026-06-01T00:00:00Z")),
                "Ed25519", new byte[64]));

        TopicAudit.Verdict verdict = history.audit(key());

        assertThat(verdict.problems()).containsExactlyInAnyOrder(
                "la tête de 5 événements publiée en partition 0, position 7 n'est pas signée par cette clé",
                "la tête n° 2 du flux des têtes couvre 5 événements, pas plus que la tête n° 1 publiée avant elle (5) : "
                        + "les têtes ne font que grandir, l'historique a été raccourci dans la base ou cette tête n'est "
                        + "pas celle du service");
    }

    @Test
    void aStepMissingFromTheTopicBreaksItsChainAndTheHeadsThatCoverIt() {
        history.introduction("intro-1", 3);
        history.head();
        topic.remove(1);

        TopicAudit.Verdict verdict = history.audit(key());

        assertThat(verdict.problems()).containsExactlyInAnyOrder(
                "mise en relation intro-1 : l'étape 1 manque avant l'étape 2 (IntroductionAcceptedEvent)",
                "la tête de 3 événements ne peut pas être recalculée : la feuille 1 manque sur le topic (événement "
                        + "jamais publié, ou publié sans ses métadonnées)");
    }

    @Test
    void anEventPublishedWithoutAHashWasAddedBehindTheServicesBack() {
        history.introduction("intro-1", 2);
        Map<String, String> headers = new HashMap<>(topic.get(1).headers());
        headers.keySet().removeIf(name -> name.startsWith("lab-history-"));
        headers.put(EventHeaders.AGGREGATE_SEQUENCE, "2");
        headers.put(EventHeaders.EVENT_ID, UUID.randomUUID().toString());
        topic.add(new TopicAudit.TopicRecord(0, topic.size(), headers, topic.get(1).value()));

        TopicAudit.Verdict verdict = history.audit(key());

        assertThat(verdict.problems()).containsExactly("mise en relation intro-1 : l'étape 2 (IntroductionAcceptedEvent)"
                + " a été publiée sans empreinte : elle a été ajoutée dans la base en dehors du service");
    }

    @Test
    void headsSignedByAnotherKeyAreNamedOnlyWhenAKeyIsGiven() {
        history.introduction("intro-1", 2);
        history.head();
        PublicKey otherKey = TreeHeadSigner.newEd25519KeyPair().getPublic();

        assertThat(history.audit(otherKey).problems())
                .containsExactly("la tête de 2 événements publiée en partition 0, position 2 n'est pas signée par cette clé");
        TopicAudit.Verdict unsigned = history.audit(null);
        assertThat(unsigned.holds()).isTrue();
        assertThat(unsigned.lines().get(0)).doesNotContain("signées");
    }

    @Test
    void twoDifferentStepsUnderOneSequenceNumberAreNamed() {
        history.introduction("intro-1", 2);
        TopicAudit.TopicRecord accepted = topic.get(1);
        Map<String, String> forged = new HashMap<>(accepted.headers());
        forged.put(EventHeaders.EVENT_ID, UUID.randomUUID().toString());
        topic.add(new TopicAudit.TopicRecord(1, 0, forged, accepted.value()));

        assertThat(history.audit(key()).problems()).containsExactly(
                "deux étapes 1 différentes pour la mise en relation intro-1 (partition 0, position 1 et partition 1, "
                        + "position 0)");
    }

    /**
     * Anyone who writes to the database can append a head event naming any algorithm; the relay publishes it and the
     * topic keeps it forever. The key says how heads are checked: that head is a problem of its own, and the audit
     * still names the rewritten step beside it.
     */
    @Test
    void aHeadNamingAnAlgorithmTheKeyDoesNotCheckIsNamedAndTheAuditGoesOn() {
        history.introduction("intro-1", 3);
        history.head();
        history.publish(new SignedTreeHead(new TreeHead(2, tree.rootHash(2), Instant.parse("2026-06-01T00:00:00Z")),
                "RSA", new byte[256]));
        history.introduction("intro-2", 2);
        history.head();
        alter(6, "\"actorId\":\"actor-a\"", "\"actorId\":\"actor-c\"");

        TopicAudit.Verdict verdict = history.audit(key());

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.problems()).containsExactlyInAnyOrder(
                "mise en relation intro-2 : l'étape 1 (IntroductionAcceptedEvent) a été modifiée après son "
                        + "enregistrement",
                "la tête de 2 événements publiée en partition 0, position 4 n'a pas pu être vérifiée : elle annonce "
                        + "l'algorithme « RSA », que la clé "
                        + "donnée (Ed25519) ne vérifie pas",
                "la tête n° 1 du flux des têtes couvre 2 événements, pas plus que la tête n° 0 publiée avant elle (3) : "
                        + "les têtes ne font que grandir, l'historique a été raccourci dans la base ou cette tête n'est "
                        + "pas celle du service",
                "la tête de 5 événements ne correspond PAS aux événements publiés : l'historique qu'elle signe a été "
                        + "réécrit après leur publication");
        assertThat(verdict.headsChecked()).isEqualTo(3);
    }

    /** Rewrites a record's payload in place, its headers (the hash it was published with) unchanged. */
    private void alter(int record, String from, String to) {
        TopicAudit.TopicRecord original = topic.get(record);
        topic.set(record, new TopicAudit.TopicRecord(original.partition(), original.offset(), original.headers(),
                original.value().replace(from, to)));
    }

    /** What the service signs once its database was rewritten: a tree the published records do not give. */
    private MerkleTree rewrittenTree() {
        MerkleTree rewritten = new MerkleTree();
        for (long leaf = 0; leaf < tree.size(); leaf++) {
            rewritten.append(("réécrit " + leaf).getBytes());
        }
        return rewritten;
    }

    private PublicKey key() {
        return history.serviceKey();
    }
}
