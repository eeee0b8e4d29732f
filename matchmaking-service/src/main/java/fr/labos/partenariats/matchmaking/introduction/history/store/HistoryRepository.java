package fr.labos.partenariats.matchmaking.introduction.history.store;

import fr.labos.partenariats.matchmaking.introduction.history.CanonicalEvent;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.Hash;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleHashing;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.SignedTreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The history tables next to Axon's {@code domainevententry}: the chain link and tree leaf of every introduction
 * event, the tree's size, and the published heads. Events are read back from {@code domainevententry} as stored.
 */
@Repository
public class HistoryRepository {

    private static final int LEAF_PAGE = 50_000;

    private static final String STORED_EVENT = """
            SELECT e.sequencenumber, e.eventidentifier, e.globalindex, e.payloadtype, e.payloadrevision, e.payload,
                   e.metadata, e.timestamp, h.previous_hash, h.hash, h.leaf_index, h.leaf_hash
            FROM domainevententry e
            LEFT JOIN introduction_history h
                   ON h.introduction_id = e.aggregateidentifier AND h.sequence_number = e.sequencenumber
            """;

    private final JdbcTemplate jdbc;

    HistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Hashes an event just appended, in the appending transaction: its chain link from the row as the store holds it
     * (so that a reload gives the same bytes), and its leaf at the end of the tree.
     */
    void record(String eventIdentifier, String introductionId, long sequenceNumber) {
        StoredEvent stored = jdbc.queryForObject(STORED_EVENT + " WHERE e.eventidentifier = ?", HistoryRepository::row,
                eventIdentifier);
        String previousHash = null;
        if (sequenceNumber > 0) {
            List<String> previous = jdbc.queryForList(
                    "SELECT hash FROM introduction_history WHERE introduction_id = ? AND sequence_number = ?",
                    String.class, introductionId, sequenceNumber - 1);
            if (previous.isEmpty()) {
                throw new IllegalStateException("step " + (sequenceNumber - 1) + " of introduction " + introductionId
                        + " has no recorded hash: its history cannot be continued");
            }
            previousHash = previous.get(0);
        }
        CanonicalEvent event = stored.canonical(previousHash);
        Long leafIndex = jdbc.queryForObject(
                "UPDATE introduction_log SET tree_size = tree_size + 1 WHERE id = 1 RETURNING tree_size - 1", Long.class);
        jdbc.update("""
                        INSERT INTO introduction_history (introduction_id, sequence_number, event_identifier,
                            global_index, previous_hash, hash, leaf_index, leaf_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                introductionId, sequenceNumber, eventIdentifier, stored.globalIndex(), previousHash, event.hash(),
                leafIndex, MerkleHashing.leafHash(event.bytes()).hex());
    }

    /** Every stored event of an introduction, in sequence order, with what the history recorded for it (if anything). */
    public List<StoredEvent> events(String introductionId) {
        return jdbc.query(STORED_EVENT + " WHERE e.aggregateidentifier = ? ORDER BY e.sequencenumber",
                HistoryRepository::row, introductionId);
    }

    /** The first stored event of an introduction (its proposal), or empty when it has none. */
    public Optional<StoredEvent> proposal(String introductionId) {
        return jdbc.query(STORED_EVENT + " WHERE e.aggregateidentifier = ? AND e.sequencenumber = 0",
                HistoryRepository::row, introductionId).stream().findFirst();
    }

    /** How many steps of an introduction the history recorded when they were appended. */
    public long recordedSteps(String introductionId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM introduction_history WHERE introduction_id = ?",
                Long.class, introductionId);
        return count == null ? 0 : count;
    }

    /**
     * How many introduction events the event store holds: each one committed with its leaf. The type is a literal,
     * not a parameter, so that the planner can use the partial index over those events (V15).
     */
    long introductionEvents() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE type = '"
                + HistoryRecorder.INTRODUCTION + "'", Long.class);
        return count == null ? 0 : count;
    }

    /** How many leaves the committed appends were given: {@code introduction_log}'s counter. */
    long recordedLeaves() {
        Long size = jdbc.queryForObject("SELECT tree_size FROM introduction_log WHERE id = 1", Long.class);
        return size == null ? 0 : size;
    }

    /**
     * How many of the leaves below {@code treeSize} still have their row: all of them unless rows were deleted (leaf
     * indexes are unique, so a row cannot stand for another).
     */
    long leavesBelow(long treeSize) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM introduction_history WHERE leaf_index >= 0 AND leaf_index < ?", Long.class,
                treeSize);
        return count == null ? 0 : count;
    }

    /** The event behind a leaf, or empty. */
    public Optional<StoredEvent> eventAtLeaf(long leafIndex) {
        return jdbc.query(STORED_EVENT + " WHERE h.leaf_index = ?", HistoryRepository::row, leafIndex).stream()
                .findFirst();
    }

    public Optional<StoredEvent> event(String eventIdentifier) {
        return jdbc.query(STORED_EVENT + " WHERE e.eventidentifier = ?", HistoryRepository::row, eventIdentifier)
                .stream().findFirst();
    }

    /**
     * An introduction event's link in its chain and leaf in the tree, as recorded when it was written, with the
     * metadata it was hashed with, as stored.
     */
    Optional<ChainLink> link(String eventIdentifier) {
        return jdbc.query("""
                        SELECT h.previous_hash, h.hash, h.leaf_index, e.metadata
                        FROM introduction_history h
                        JOIN domainevententry e ON e.eventidentifier = h.event_identifier
                        WHERE h.event_identifier = ?""",
                (rs, n) -> new ChainLink(rs.getString("previous_hash"), rs.getString("hash"), rs.getLong("leaf_index"),
                        rs.getBytes("metadata")),
                eventIdentifier).stream().findFirst();
    }

    /**
     * An event's hash, the previous event's (null for an introduction's first), its leaf index, and its metadata
     * as the store holds it (JSON, null when the event has none).
     */
    record ChainLink(String previousHash, String hash, long leafIndex, byte[] metadata) {
    }

    /** The introduction an event belongs to, when it is an introduction event. */
    public Optional<String> introductionOf(String eventIdentifier) {
        return jdbc.queryForList("SELECT introduction_id FROM introduction_history WHERE event_identifier = ?",
                String.class, eventIdentifier).stream().findFirst();
    }

    /** The leaf hashes from {@code fromIndex} on, in order, while they follow one another; returns how many. */
    long leavesFrom(long fromIndex, Consumer<Hash> leaf) {
        long next = fromIndex;
        while (true) {
            long pageStart = next;
            List<Object[]> page = jdbc.query(
                    "SELECT leaf_index, leaf_hash FROM introduction_history WHERE leaf_index >= ? ORDER BY leaf_index"
                            + " LIMIT " + LEAF_PAGE,
                    (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)}, pageStart);
            for (Object[] row : page) {
                if ((long) row[0] != next) {
                    // A hole: a history row was deleted. The tree stops before it rather than shift every later leaf.
                    return next - fromIndex;
                }
                leaf.accept(Hash.ofHex((String) row[1]));
                next++;
            }
            if (page.size() < LEAF_PAGE) {
                return next - fromIndex;
            }
        }
    }

    /**
     * Keeps a signed head as the next on the log's stream, unless a head at least as large is there already: another
     * instance, which had caught up further, published one since this one read the latest. Heads then always grow
     * along the stream, and a reader given the latest is never sent back to a smaller one. Two instances inserting
     * at the same moment both take the same next number, and the unique sequence number refuses the second.
     * <p>
     * The next number is the stream's own (its last event in the store, + 1) when the table is behind it: a head row
     * deleted or restored from an older backup would otherwise give a number the stream already holds, and every
     * head from then on would fail to be appended — no head published again.
     *
     * @param streamId the aggregate id of the heads' stream in the event store
     * @return the head's place on the stream; empty when a head at least as large was published first
     */
    OptionalLong saveHead(SignedTreeHead signed, String keyId, String streamId) {
        List<Long> sequence = jdbc.queryForList("""
                        INSERT INTO introduction_log_head (tree_size, root_hash, signed_at_ms, algorithm, signature,
                            key_id, sequence_number)
                        SELECT ?, ?, ?, ?, ?, ?, GREATEST(coalesce(max(sequence_number) + 1, 0),
                            (SELECT coalesce(max(sequencenumber) + 1, 0) FROM domainevententry
                             WHERE aggregateidentifier = ?))
                        FROM introduction_log_head
                        HAVING coalesce(max(tree_size), 0) < ?
                        RETURNING sequence_number""", Long.class,
                signed.head().treeSize(), signed.head().rootHash().hex(), signed.head().timestamp().toEpochMilli(),
                signed.algorithm(), Base64.getEncoder().encodeToString(signed.signature()), keyId, streamId,
                signed.head().treeSize());
        return sequence.isEmpty() ? OptionalLong.empty() : OptionalLong.of(sequence.get(0));
    }

    public Optional<SignedTreeHead> latestHead() {
        return jdbc.query("SELECT * FROM introduction_log_head ORDER BY tree_size DESC LIMIT 1",
                HistoryRepository::head).stream().findFirst();
    }

    public Optional<SignedTreeHead> head(long treeSize) {
        return jdbc.query("SELECT * FROM introduction_log_head WHERE tree_size = ?", HistoryRepository::head, treeSize)
                .stream().findFirst();
    }

    private static SignedTreeHead head(ResultSet rs, int row) throws SQLException {
        TreeHead head = new TreeHead(rs.getLong("tree_size"), Hash.ofHex(rs.getString("root_hash")),
                Instant.ofEpochMilli(rs.getLong("signed_at_ms")));
        return new SignedTreeHead(head, rs.getString("algorithm"), Base64.getDecoder().decode(rs.getString("signature")));
    }

    private static StoredEvent row(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong("sequencenumber"), rs.getString("eventidentifier"), rs.getLong("globalindex"),
                rs.getString("payloadtype"), rs.getString("payloadrevision"), rs.getBytes("payload"),
                rs.getBytes("metadata"), rs.getString("timestamp"), rs.getString("previous_hash"),
                rs.getString("hash"), rs.getObject("leaf_index", Long.class), rs.getString("leaf_hash"));
    }
}
