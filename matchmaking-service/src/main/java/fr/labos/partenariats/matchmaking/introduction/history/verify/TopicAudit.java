package fr.labos.partenariats.matchmaking.introduction.history.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.labos.partenariats.matchmaking.introduction.history.CanonicalEvent;
import fr.labos.partenariats.matchmaking.introduction.history.ChainStep;
import fr.labos.partenariats.matchmaking.introduction.history.ChainVerification;
import fr.labos.partenariats.matchmaking.introduction.history.ChainVerifier;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.Hash;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleHashing;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleTree;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.SignedTreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHead;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.EventJson;
import fr.labos.partenariats.schema.matching.IntroductionLogHeadPublishedEvent;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Audits the introductions' history from the records of {@code lab.matchmaking.events} alone, trusting neither the
 * service nor its database: every introduction event's hash is recomputed from its record (type, revision, payload,
 * metadata, timestamp and previous hash, all on the record), every introduction's chain is checked link by link, the
 * Merkle tree is rebuilt leaf by leaf from the records, and every head the service published on the topic must have
 * the root of that tree at its size (and, given the service's public key, its signature).
 * <p>
 * What it shows: the records the topic kept are the history the service signed, unaltered. Whoever administers
 * PostgreSQL cannot reach the topic; a history rewritten in the database after its events were published is signed in
 * a later head whose root the records do not give, and the audit names it. The relay delivers at least once: a record
 * repeated with the same content is counted, not reported.
 */
public final class TopicAudit {

    private static final String HEAD_TYPE = EventCatalog.typeName(IntroductionLogHeadPublishedEvent.class);
    private static final Set<String> INTRODUCTION_TYPES = EventCatalog.matchingEvents().stream()
            .map(EventCatalog::typeName).collect(Collectors.toUnmodifiableSet());
    /** How many problems are printed; the count says how many there were. */
    private static final int PROBLEMS_SHOWN = 20;

    /** One record of the topic: where it is, its headers (the last value of each) and its value. */
    /** A head as read from the topic, and where. */
    private record HeadRecord(SignedTreeHead head, String where) {
    }

    public record TopicRecord(int partition, long offset, Map<String, String> headers, String value) {

        String header(String name) {
            return headers.get(name);
        }

        String where() {
            return "partition " + partition + ", position " + offset;
        }
    }

    /**
     * An introduction event as its record gives it, reduced to its hashes so that a million of them fit in memory;
     * {@code contentHash} is null when the record does not carry what its hash covers.
     */
    private record Step(String eventId, String type, long sequenceNumber, String linkedHash, String contentHash,
                        String recordedHash, String where) implements ChainStep {
    }

    private final Map<String, TreeMap<Long, Step>> introductions = new HashMap<>();
    private final Map<Long, Hash> leaves = new HashMap<>();
    private final TreeMap<Long, SignedTreeHead> heads = new TreeMap<>();
    /** Every head record read, repeats and all: each one's signature is checked, not only the first of its size. */
    private final List<HeadRecord> everyHead = new ArrayList<>();
    /** The heads by their number in the heads' stream (the service appends each as the next event of its log). */
    private final TreeMap<Long, SignedTreeHead> headsAlongStream = new TreeMap<>();
    /** The other heads found under a number already taken, each said once. */
    private final Set<Map.Entry<Long, TreeHead>> otherHeadsAlongStream = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private long records;
    private long introductionEvents;
    private long repeated;
    private long withoutMetadata;

    /**
     * Reads a topic from the beginning of every partition to its end and audits it.
     *
     * @param clientSettings the Kafka consumer's settings beyond the servers (security protocol, SASL, TLS…); may be
     *                       empty
     * @param serviceKey     the service's public key, which gives the signature algorithm, or null to leave signatures
     *                       unchecked
     * @throws IllegalArgumentException when the broker does not know the topic
     * @throws org.apache.kafka.common.errors.TimeoutException when the broker cannot be reached
     */
    public static Verdict ofTopic(String bootstrapServers, String topic, Properties clientSettings,
                                  PublicKey serviceKey) {
        TopicAudit audit = new TopicAudit();
        TopicReader.readToTheEnd(bootstrapServers, topic, clientSettings, audit::accept);
        return audit.verdict(serviceKey);
    }

    /** Takes the topic's records in any order. */
    public void accept(TopicRecord record) {
        records++;
        String type = record.header(EventHeaders.EVENT_TYPE);
        if (type == null) {
            return; // not an event of the services' (they all name their type)
        }
        if (HEAD_TYPE.equals(type)) {
            acceptHead(record);
        } else if (INTRODUCTION_TYPES.contains(type)) {
            acceptIntroductionEvent(type, record);
        }
    }

    private void acceptHead(TopicRecord record) {
        SignedTreeHead head;
        try {
            IntroductionLogHeadPublishedEvent published = EventJson.mapper()
                    .readValue(record.value(), IntroductionLogHeadPublishedEvent.class);
            head = new SignedTreeHead(new TreeHead(published.treeSize(), Hash.ofHex(published.rootHash()),
                    published.timestamp()), published.algorithm(), Base64.getDecoder().decode(published.signature()));
        } catch (JsonProcessingException | RuntimeException e) {
            problem("la tête publiée en " + record.where() + " est illisible : " + e.getMessage());
            return;
        }
        alongStream(record, head);
        everyHead.add(new HeadRecord(head, record.where()));
        SignedTreeHead before = heads.putIfAbsent(head.head().treeSize(), head);
        if (before != null && !before.head().rootHash().equals(head.head().rootHash())) {
            problem("deux têtes de " + head.head().treeSize() + " événements publiées avec des racines différentes ("
                    + before.head().rootHash() + ", " + head.head().rootHash() + " en " + record.where() + ")");
        }
    }

    /**
     * Two heads under one number of the heads' stream: heads were deleted from the database and others appended in
     * their place (the number is the stream's next sequence), as a history shortened in the database then shows.
     */
    private void alongStream(TopicRecord record, SignedTreeHead head) {
        String sequence = record.header(EventHeaders.AGGREGATE_SEQUENCE);
        if (sequence == null) {
            return; // a record without it (written by hand): the other checks still apply
        }
        long number;
        try {
            number = Long.parseLong(sequence);
        } catch (NumberFormatException e) {
            problem("la tête publiée en " + record.where() + " porte un numéro illisible : " + sequence);
            return;
        }
        SignedTreeHead before = headsAlongStream.putIfAbsent(number, head);
        // A head redelivered as it is (the relay publishes at least once) is said once.
        if (before != null && !before.head().equals(head.head())
                && otherHeadsAlongStream.add(Map.entry(number, head.head()))) {
            problem("deux têtes publiées sous le numéro " + number + " du flux des têtes (" + before.head().treeSize()
                    + " et " + head.head().treeSize() + " événements, la seconde en " + record.where() + ") : des "
                    + "têtes ont été effacées de la base et d'autres publiées à leur place");
        }
    }

    private void acceptIntroductionEvent(String type, TopicRecord record) {
        introductionEvents++;
        String introductionId = record.header(EventHeaders.AGGREGATE_ID);
        String eventId = record.header(EventHeaders.EVENT_ID);
        long sequence;
        try {
            sequence = Long.parseLong(record.header(EventHeaders.AGGREGATE_SEQUENCE));
        } catch (NumberFormatException e) {
            problem("l'événement " + type + " en " + record.where() + " n'a pas de numéro d'étape");
            return;
        }
        String hash = record.header(EventHeaders.HISTORY_HASH);
        byte[] canonicalBytes = null;
        if (hash != null && record.header(EventHeaders.HISTORY_METADATA) != null) {
            CanonicalEvent event = canonical(type, record);
            if (event == null) {
                return;
            }
            canonicalBytes = event.bytes();
        } else if (hash != null) {
            withoutMetadata++;
        }
        Step step = new Step(eventId, type, sequence, record.header(EventHeaders.HISTORY_PREVIOUS_HASH),
                canonicalBytes == null ? null : CanonicalEvent.hashOf(canonicalBytes), hash, record.where());
        Step earlier = introductions.computeIfAbsent(introductionId, id -> new TreeMap<>()).putIfAbsent(sequence, step);
        if (earlier != null) {
            // A relay's repeat gives the same event under the same ids; anything else is a second version of the step.
            if (Objects.equals(earlier.eventId(), eventId) && Objects.equals(earlier.recordedHash(), hash)
                    && Objects.equals(earlier.contentHash(), step.contentHash())) {
                repeated++;
            } else {
                problem("deux étapes " + sequence + " différentes pour la mise en relation " + introductionId + " ("
                        + earlier.where() + " et " + record.where() + ")");
            }
            return;
        }
        String leafIndex = record.header(EventHeaders.HISTORY_LEAF_INDEX);
        if (canonicalBytes != null && leafIndex != null) {
            acceptLeaf(leafIndex, MerkleHashing.leafHash(canonicalBytes), type, record);
        }
    }

    private void acceptLeaf(String leafIndex, Hash leaf, String type, TopicRecord record) {
        Hash otherLeaf;
        try {
            otherLeaf = leaves.putIfAbsent(Long.parseLong(leafIndex), leaf);
        } catch (NumberFormatException e) {
            problem("l'événement " + type + " en " + record.where() + " a une feuille illisible : " + leafIndex);
            return;
        }
        if (otherLeaf != null && !otherLeaf.equals(leaf)) {
            problem("deux événements différents pour la feuille " + leafIndex + " de l'arbre (" + record.where() + ")");
        }
    }

    private CanonicalEvent canonical(String type, TopicRecord record) {
        try {
            return CanonicalEvent.ofStored(type, record.header(EventHeaders.EVENT_REVISION),
                    record.value().getBytes(StandardCharsets.UTF_8),
                    record.header(EventHeaders.HISTORY_METADATA).getBytes(StandardCharsets.UTF_8),
                    record.header(EventHeaders.TIMESTAMP), record.header(EventHeaders.HISTORY_PREVIOUS_HASH));
        } catch (RuntimeException e) {
            problem("l'événement " + type + " en " + record.where() + " est illisible : " + e.getMessage());
            return null;
        }
    }

    private void problem(String what) {
        problems.add(what);
    }

    /**
     * Checks what was read: every chain, then every published head against the tree the records give, and its
     * signature when the service's key is given. The key, not the head's record, says which algorithm checks the
     * signature: a record anyone may have put on the topic names any algorithm, and a head the key cannot check is a
     * problem of its own, named like the others.
     *
     * @param serviceKey the service's public key (Ed25519 or EC), or null to leave signatures unchecked
     */
    public Verdict verdict(PublicKey serviceKey) {
        List<String> found = new ArrayList<>(problems);
        introductions.forEach((introductionId, steps) -> checkChain(introductionId, steps, found));
        checkHeadsGrow(found);
        MerkleTree tree = treeOfContiguousLeaves();
        long headsChecked = 0;
        for (SignedTreeHead signed : heads.values()) {
            TreeHead head = signed.head();
            if (head.treeSize() > tree.size()) {
                found.add("la tête de " + head.treeSize() + " événements ne peut pas être recalculée : la feuille "
                        + tree.size() + " manque sur le topic (événement jamais publié, ou publié sans ses métadonnées)");
                continue;
            }
            headsChecked++;
            if (!tree.rootHash(head.treeSize()).equals(head.rootHash())) {
                found.add("la tête de " + head.treeSize() + " événements ne correspond PAS aux événements publiés : "
                        + "l'historique qu'elle signe a été réécrit après leur publication");
            }
        }
        if (serviceKey != null) {
            // Every record, said by where it lies, not the first of each size only: a second record of a size already
            // seen, with the right root and any signature, would otherwise be vouched for unchecked.
            for (HeadRecord read : everyHead) {
                SignedTreeHead signed = read.head();
                String head = "la tête de " + signed.head().treeSize() + " événements publiée en " + read.where();
                String uncheckable = signed.uncheckableBy(serviceKey);
                if (uncheckable != null) {
                    found.add(head + " n'a pas pu être vérifiée : " + uncheckable);
                } else if (!signed.isSignedBy(serviceKey)) {
                    found.add(head + " n'est pas signée par cette clé");
                }
            }
        }
        return new Verdict(found, records, introductionEvents, introductions.size(), repeated, withoutMetadata,
                headsChecked, heads.isEmpty() ? 0 : heads.lastKey(), serviceKey != null);
    }

    /**
     * Along the heads' stream, a tree only grows: a head smaller than one published before it signs a history that
     * lost events in the database since (its root may well match the topic's first leaves, as a prefix does).
     */
    private void checkHeadsGrow(List<String> found) {
        Map.Entry<Long, SignedTreeHead> largest = null;
        for (Map.Entry<Long, SignedTreeHead> head : headsAlongStream.entrySet()) {
            // Equal is wrong too: the service signs a head only over a tree larger than its last one.
            if (largest != null && head.getValue().head().treeSize() <= largest.getValue().head().treeSize()) {
                found.add("la tête n° " + head.getKey() + " du flux des têtes couvre " + head.getValue().head().treeSize()
                        + " événements, pas plus que la tête n° " + largest.getKey() + " publiée avant elle ("
                        + largest.getValue().head().treeSize() + ") : les têtes ne font que grandir, l'historique a été "
                        + "raccourci dans la base ou cette tête n'est pas celle du service");
            } else {
                largest = head;
            }
        }
    }

    private static void checkChain(String introductionId, TreeMap<Long, Step> steps, List<String> found) {
        for (Step step : steps.values()) {
            if (step.recordedHash() == null) {
                // The relay publishes an event without a recorded hash as it is: it was put in the store behind the
                // service's back.
                found.add("mise en relation " + introductionId + " : l'étape " + step.sequenceNumber() + " (" + step.type()
                        + ") a été publiée sans empreinte : elle a été ajoutée dans la base en dehors du service");
                return;
            }
            if (step.contentHash() == null) {
                return; // published before the metadata travelled with the hash: nothing to recompute it from
            }
        }
        ChainVerification verification = ChainVerifier.verify(List.copyOf(steps.values()));
        if (!verification.chainHolds()) {
            found.add("mise en relation " + introductionId + " : " + verification.explanation());
        }
    }

    private MerkleTree treeOfContiguousLeaves() {
        MerkleTree tree = new MerkleTree();
        for (long index = 0; leaves.containsKey(index); index++) {
            tree.appendLeafHash(leaves.get(index));
        }
        return tree;
    }

    /** What the audit found. */
    public record Verdict(List<String> problems, long records, long introductionEvents, long introductions,
                          long repeated, long withoutMetadata, long headsChecked, long largestHead, boolean signed) {

        public boolean holds() {
            return problems.isEmpty();
        }

        /** In French, as the verifier prints it. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            if (holds()) {
                lines.add("OK : " + introductionEvents + " événements de " + introductions + " mises en relation lus sur "
                        + records + " enregistrements, chaque empreinte recalculée et chaque chaîne liée ; "
                        + headsChecked + " têtes publiées recalculées feuille par feuille"
                        + (headsChecked == 0 ? "" : " (la plus grande : " + largestHead + " événements)")
                        + (signed ? ", toutes signées par cette clé" : ""));
            } else {
                lines.add("ÉCHEC : " + problems.size() + " anomalie(s) dans l'historique publié");
                problems.stream().limit(PROBLEMS_SHOWN).forEach(problem -> lines.add("  - " + problem));
                if (problems.size() > PROBLEMS_SHOWN) {
                    lines.add("  … et " + (problems.size() - PROBLEMS_SHOWN) + " autre(s)");
                }
            }
            if (repeated > 0) {
                lines.add(repeated + " enregistrement(s) répété(s) à l'identique (livraison au moins une fois)");
            }
            if (withoutMetadata > 0) {
                lines.add(withoutMetadata + " événement(s) publié(s) sans leurs métadonnées (avant qu'elles ne "
                        + "voyagent avec l'empreinte) : leur empreinte n'a pas pu être recalculée");
            }
            return lines;
        }
    }
}
