package fr.labos.partenariats.matchmaking.introduction.history.store;

import fr.labos.partenariats.matchmaking.introduction.history.merkle.SignedTreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHead;
import fr.labos.partenariats.schema.matching.IntroductionLogHeadPublishedEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signs the tree's head when the tree grew and publishes it: kept in {@code introduction_log_head} (heads by size)
 * and appended to the event store as an {@link IntroductionLogHeadPublishedEvent}, so that the relay sends it to
 * {@code lab.matchmaking.events} like any event, at least once.
 * <p>
 * No aggregate applies it: it is written as a domain event of its own stream ({@value #LOG_ID}, sequence = the
 * number of heads before it), which the relay keys by that id, so every head lands on one partition, in order; the
 * store's unique (aggregate, sequence) makes two instances publishing at once fail one of them rather than fork.
 * <p>
 * Each period first has the tree checked against the table ({@link IntroductionLog#recheck}): a history row deleted
 * while the service runs stops the heads at the next period, not at the next restart.
 */
@Component
public class TreeHeadPublisher {

    /** The stream id, and Kafka key, of the published heads. */
    public static final String LOG_ID = "introduction-log";
    static final String LOG_TYPE = "IntroductionLog";

    private static final Logger LOG = LoggerFactory.getLogger(TreeHeadPublisher.class);

    private final IntroductionLog log;
    private final HistoryRepository repository;
    private final SigningKey key;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** How many events the last published head covers beyond the tree as the table now gives it: 0 unless altered. */
    private final AtomicLong missingLeaves = new AtomicLong();

    TreeHeadPublisher(IntroductionLog log, HistoryRepository repository, SigningKey key, EventStore eventStore,
                      TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.log = log;
        this.repository = repository;
        this.key = key;
        this.eventStore = eventStore;
        this.transaction = transaction;
        this.clock = clock;
        Gauge.builder("lab.introduction.log.missing.leaves", missingLeaves, AtomicLong::get)
                .description("Events the last published head of the introductions' history covers that its tree no "
                        + "longer holds (a history row deleted in the database); 0 unless the history was altered")
                .register(meters);
    }

    @Scheduled(initialDelayString = "${lab.introductions.history.head-initial-delay:PT5S}",
            fixedDelayString = "${lab.introductions.history.head-interval:PT1M}")
    void publishPeriodically() {
        log.recheck();
        try {
            publishIfGrown();
        } catch (DataAccessException e) {
            // The next run tries again; an unpublished head loses nothing, the tree is in the table.
            LOG.warn("Tête de l'historique non publiée : {}", e.getMessage());
        } catch (RuntimeException e) {
            // Not the database being away (the event store refusing the head, say): said loudly, tried again next run.
            LOG.error("Tête de l'historique non publiée", e);
        }
    }

    /**
     * The latest published head if it covers at least {@code leaves} events, else a head signed and published now
     * (a reader asking for a proof of a fresh event need not wait for the next period); empty while the tree is.
     */
    public Optional<SignedTreeHead> latestCovering(long leaves) {
        Optional<SignedTreeHead> latest = repository.latestHead();
        if (latest.isPresent() && latest.get().head().treeSize() >= leaves) {
            return latest;
        }
        try {
            publishIfGrown();
        } catch (DataIntegrityViolationException race) {
            // another instance published a head of the same size at the same moment: it is as good
        }
        return repository.latestHead();
    }

    /** Signs and publishes the head of the tree if it grew since the last published head; returns it if so. */
    public synchronized Optional<SignedTreeHead> publishIfGrown() {
        long size = log.catchUp();
        Optional<SignedTreeHead> last = repository.latestHead();
        long covered = last.map(head -> head.head().treeSize()).orElse(0L);
        if (covered > size) {
            reportMissingLeaves(size, covered);
            return Optional.empty();
        }
        missingLeaves.set(0);
        if (size == 0 || covered >= size) {
            return Optional.empty();
        }
        last.ifPresent(this::warnIfRewritten);
        SignedTreeHead signed = key.signer().sign(log.head(size, clock.instant()));
        boolean published = Boolean.TRUE.equals(transaction.execute(status -> {
            OptionalLong sequence = repository.saveHead(signed, key.keyId(), LOG_ID);
            if (sequence.isEmpty()) {
                return false;
            }
            TreeHead head = signed.head();
            eventStore.publish(new GenericDomainEventMessage<>(LOG_TYPE, LOG_ID, sequence.getAsLong(),
                    new IntroductionLogHeadPublishedEvent(head.treeSize(), head.rootHash().hex(), head.timestamp(),
                            signed.algorithm(), Base64.getEncoder().encodeToString(signed.signature()), key.keyId())));
            return true;
        }));
        if (!published) {
            // Another instance published a larger head since the latest was read here: it covers this one's events.
            return Optional.empty();
        }
        LOG.info("Tête de l'historique publiée : {} événements, racine {}", size, signed.head().rootHash());
        return Optional.of(signed);
    }

    /**
     * The tree stops short of the last head: a history row was deleted (the tree stops before a hole rather than
     * shift every later leaf). No head can be published over it; said at every attempt, and by the gauge, since it
     * is what a rewrite of the history that deletes a row looks like to the service.
     */
    private void reportMissingLeaves(long size, long covered) {
        missingLeaves.set(covered - size);
        LOG.error("L'arbre de l'historique n'a plus que {} événements quand la dernière tête publiée en couvrait {} : "
                + "la ligne de l'historique de la feuille {} manque dans la base. Aucune tête n'est publiée tant "
                + "qu'elle manque ; les preuves d'inclusion et de cohérence au-delà sont refusées", size, covered, size);
    }

    /**
     * The service's own last head no longer matches its tree: the history table was rewritten (or the service
     * restarted on another database). It still publishes, so that whoever kept the earlier head can prove it.
     */
    private void warnIfRewritten(SignedTreeHead last) {
        long size = last.head().treeSize();
        if (size <= log.size() && !log.rootHash(size).equals(last.head().rootHash())) {
            LOG.error("L'arbre de l'historique ne correspond plus à la tête publiée de {} événements : l'historique "
                    + "a été réécrit dans la base", size);
        }
    }
}
