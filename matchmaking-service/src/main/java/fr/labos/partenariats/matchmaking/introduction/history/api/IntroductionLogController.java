package fr.labos.partenariats.matchmaking.introduction.history.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.ProofJson;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.SignedTreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.store.HistoryRepository;
import fr.labos.partenariats.matchmaking.introduction.history.store.IntroductionLog;
import fr.labos.partenariats.matchmaking.introduction.history.store.SigningKey;
import fr.labos.partenariats.matchmaking.introduction.history.store.StoredEvent;
import fr.labos.partenariats.matchmaking.introduction.history.store.TreeHeadPublisher;
import fr.labos.partenariats.platform.security.LabPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Merkle tree over every introduction event, in the formats of {@link ProofJson} that the standalone verifier
 * reads: signed heads, inclusion and consistency proofs, and the public key that checks the heads. Public to every
 * signed-in user; an inclusion proof carries the event itself ({@code leaf}) only for those who may read its
 * introduction's history, the others get its leaf hash.
 */
@RestController
class IntroductionLogController {

    /** Axon's event identifiers: a UUID in its usual text form. */
    private static final Pattern EVENT_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final IntroductionLog log;
    private final HistoryRepository repository;
    private final SigningKey key;
    private final HistoryAccess access;
    private final TreeHeadPublisher publisher;

    IntroductionLogController(IntroductionLog log, HistoryRepository repository, SigningKey key, HistoryAccess access,
                              TreeHeadPublisher publisher) {
        this.log = log;
        this.repository = repository;
        this.key = key;
        this.access = access;
        this.publisher = publisher;
    }

    /** The latest signed head (published on lab.matchmaking.events as well); the first one is signed on demand. */
    @GetMapping("/api/introduction-log/head")
    ObjectNode head() {
        return ProofJson.write(latestHead(1));
    }

    /** The head published at this size; every published head is kept. */
    @GetMapping("/api/introduction-log/heads/{treeSize}")
    ObjectNode headOfSize(@PathVariable long treeSize) {
        return ProofJson.write(publishedHead("treeSize", treeSize));
    }

    /**
     * The proof that an event is in the tree of a published head: the one of {@code treeSize} events (a 400 if the event
     * was recorded after it), else the latest, signed now if the event is newer than it.
     */
    @GetMapping("/api/introduction-log/inclusion")
    ObjectNode inclusion(@RequestParam String eventId, @RequestParam(required = false) Long treeSize,
                         @AuthenticationPrincipal LabPrincipal principal) {
        // An event's id is a UUID: anything else names no event, and is not sent to the database (a NUL byte there is
        // a server error, which the client would read as the service being away).
        StoredEvent event = (EVENT_ID.matcher(eventId).matches() ? repository.event(eventId) : Optional.<StoredEvent>empty())
                .filter(stored -> stored.leafIndex() != null)
                .orElseThrow(() -> new LogRequestException.NotFound("history.not-found.event", eventId));
        SignedTreeHead head = treeSize == null ? latestHead(event.leafIndex() + 1) : publishedHead("treeSize", treeSize);
        long size = head.head().treeSize();
        if (event.leafIndex() >= size) {
            if (treeSize != null) {
                // A head that was published holds the events it held then, for good: asking again will not help.
                throw new LogRequestException.Invalid("treeSize", "history.invalid.tree-size-before-event", treeSize,
                        eventId, event.leafIndex(), event.leafIndex() + 1);
            }
            if (log.catchUp() <= event.leafIndex()) {
                // Asked for the latest head, and none could be signed over it: the tree stops before its leaf, at a
                // history row deleted from the database. No head will ever hold it — not a 409 to try again.
                throw new LogRequestException.NotFound("history.not-found.beyond-hole", eventId, event.leafIndex(),
                        log.size());
            }
            throw new LogRequestException.NotYetPublished("history.not-yet-published", eventId, event.leafIndex(), size);
        }
        if (log.catchUp() < size) {
            // A history row of the tree was deleted: the tree stops before it, short of the published head.
            throw new LogRequestException.NotFound("history.not-found.tree-size", size, log.size());
        }
        ObjectNode proof = withinTree(size, () ->
                ProofJson.write(log.inclusionProof(event.leafIndex(), size), log.leafHash(event.leafIndex())));
        proof.put("eventId", eventId);
        String introductionId = repository.introductionOf(eventId).orElseThrow();
        if (access.canReadHistory(principal, introductionId)) {
            try {
                proof.put("leaf", event.canonical().text());
            } catch (IllegalArgumentException unreadable) {
                // an altered row: the leaf hash alone is served, and it will not match the row
            }
        }
        return proof;
    }

    /** The proof that the tree of {@code second} events (the latest head unless given) extends that of {@code first}. */
    @GetMapping("/api/introduction-log/consistency")
    ObjectNode consistency(@RequestParam long first, @RequestParam(required = false) Long second) {
        long later = second == null ? latestHead(1).head().treeSize() : publishedHead("second", second).head().treeSize();
        if (first < 1 || first > later) {
            throw new LogRequestException.Invalid("first", "history.invalid.first-size", first, later);
        }
        log.catchUp();
        if (later > log.size()) {
            // The table lost leaves since that head was published: the tree cannot even reach it.
            throw new LogRequestException.NotFound("history.not-found.tree-size", later, log.size());
        }
        return withinTree(later, () -> ProofJson.write(log.consistencyProof(first, later)));
    }

    /** The public key that checks the heads' signatures: its algorithm, its id and the key itself as PEM. */
    @GetMapping("/api/introduction-log/public-key")
    ObjectNode publicKey() {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("algorithm", key.algorithm());
        answer.put("keyId", key.keyId());
        answer.put("publicKey", key.publicKeyPem());
        return answer;
    }

    /**
     * A proof from the tree as checked just before: should a recheck rebuild it shorter in between (history rows deleted
     * from the database at that moment), the head's size is out of it, said as when the check finds it so — not a 500.
     */
    private ObjectNode withinTree(long treeSize, Supplier<ObjectNode> proof) {
        try {
            return proof.get();
        } catch (IllegalArgumentException outsideTheTree) {
            throw new LogRequestException.NotFound("history.not-found.tree-size", treeSize, log.size());
        }
    }

    private SignedTreeHead latestHead(long covering) {
        return publisher.latestCovering(covering)
                .orElseThrow(() -> new LogRequestException.NotFound("history.not-found.no-head"));
    }

    /** A size under 1 is bad input (a 400), not a head that could be published some day (a 404). */
    private SignedTreeHead publishedHead(String parameter, long treeSize) {
        if (treeSize < 1) {
            throw new LogRequestException.Invalid(parameter, "history.invalid.size", parameter, treeSize);
        }
        return repository.head(treeSize)
                .orElseThrow(() -> new LogRequestException.NotFound("history.not-found.head", treeSize));
    }
}
