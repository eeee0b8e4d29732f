package fr.labos.partenariats.matchmaking.introduction.history.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.labos.partenariats.matchmaking.introduction.history.CanonicalEvent;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleTree;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.SignedTreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHeadSigner;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.EventJson;
import fr.labos.partenariats.schema.matching.IntroductionLogHeadPublishedEvent;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records of {@code lab.matchmaking.events} written the way matchmaking-service's relay writes them: each
 * introduction event with its hash, previous hash, leaf index and metadata as headers, and the heads it signs as
 * {@code IntroductionLogHeadPublishedEvent}s; the tree and the key behind them, for tests and benchmarks to forge from.
 */
public final class RelayedHistory {

    static final String METADATA = "{\"principalSubject\":\"u-member-a\",\"principalRole\":\"ACTOR_MEMBER\","
            + "\"actingFor\":\"actor-a\",\"traceId\":\"t-1\",\"correlationId\":\"c-1\"}";

    private final KeyPair serviceKey = TreeHeadSigner.newEd25519KeyPair();
    private final TreeHeadSigner signer = new TreeHeadSigner(serviceKey.getPrivate(), TreeHeadSigner.ED25519);
    private final MerkleTree tree = new MerkleTree();
    private final List<TopicAudit.TopicRecord> records = new ArrayList<>();
    /** The heads' stream, as the service appends them: its next sequence number. */
    private long headsPublished;

    /** The records so far, in the order they were published (all on partition 0); tests may change it. */
    public List<TopicAudit.TopicRecord> records() {
        return records;
    }

    public MerkleTree tree() {
        return tree;
    }

    public PublicKey serviceKey() {
        return serviceKey.getPublic();
    }

    /** An introduction's first step (a proposal) and then acceptances, hashed, chained and leafed as the service does. */
    public void introduction(String id, int steps) {
        String previous = null;
        for (int sequence = 0; sequence < steps; sequence++) {
            String type = sequence == 0 ? "IntroductionProposedEvent" : "IntroductionAcceptedEvent";
            String payload = sequence == 0
                    ? "{\"introductionId\":\"" + id + "\",\"source\":\"FACILITATOR\",\"firstActorId\":\"actor-a\","
                    + "\"secondActorId\":\"actor-b\",\"score\":0.8125,\"note\":\"Intermédiation : prêt d'un minibus\"}"
                    : "{\"introductionId\":\"" + id + "\",\"actorId\":\"actor-" + (sequence % 2 == 1 ? "a" : "b")
                    + "\",\"bothSidesAccepted\":" + (sequence == 2) + ",\"acceptedAt\":\"2026-05-0" + (sequence % 9)
                    + "T09:30:00.123Z\"}";
            String timestamp = "2026-05-0" + (sequence % 9 + 1) + "T09:30:00.123Z";
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
            records.add(new TopicAudit.TopicRecord(0, records.size(), headers, payload));
            previous = event.hash();
        }
    }

    /** The head of the tree as it is now, signed and published as the service publishes it. */
    public void head() {
        publish(new TreeHead(tree.size(), tree.rootHash(), Instant.parse("2026-05-31T12:00:00.250Z")));
    }

    /** A head of the service's key over any tree, e.g. one the published records do not give. */
    public void publish(TreeHead head) {
        publish(signer.sign(head));
    }

    /** Makes the next head published the stream's {@code sequence}-th, as after heads deleted from the database. */
    public void nextHeadNumbered(long sequence) {
        headsPublished = sequence;
    }

    /** A head record as the relay writes it, whatever it holds: e.g. one a writer of the database appended. */
    public void publish(SignedTreeHead signed) {
        TreeHead head = signed.head();
        String value;
        try {
            // As the relay writes the event the service appends (TreeHeadPublisher).
            value = EventJson.mapper().writeValueAsString(new IntroductionLogHeadPublishedEvent(head.treeSize(),
                    head.rootHash().hex(), head.timestamp(), signed.algorithm(),
                    Base64.getEncoder().encodeToString(signed.signature()), "k-1"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        records.add(new TopicAudit.TopicRecord(0, records.size(), Map.of(
                EventHeaders.EVENT_TYPE, "IntroductionLogHeadPublishedEvent", EventHeaders.EVENT_REVISION, "1",
                EventHeaders.AGGREGATE_ID, "introduction-log",
                EventHeaders.AGGREGATE_SEQUENCE, Long.toString(headsPublished++)), value));
    }

    /** The audit of the records as they are now. */
    public TopicAudit.Verdict audit(PublicKey key) {
        TopicAudit audit = new TopicAudit();
        records.forEach(audit::accept);
        return audit.verdict(key);
    }
}
