package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.matchmaking.engine.model.ActorPair;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * {@link OpenPairs} in the service's PostgreSQL, table {@code open_introduction_pair}: a row per introduction in
 * progress, one at most per unordered pair of actors (its primary key). The command's unit of work runs in the
 * transaction that appends the events, so a claim commits with its proposal or not at all. Two proposals of the same
 * pair at once: the second's insert waits for the first to commit, then finds the row.
 */
@Component
class JdbcOpenPairs implements OpenPairs {

    private final JdbcTemplate jdbc;

    JdbcOpenPairs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String introductionId, String actorId, String partnerActorId) {
        if (insert(introductionId, actorId, partnerActorId) == 0) {
            String holder = claimedBy(actorId, partnerActorId).orElse(introductionId);
            throw new PairAlreadyInIntroduction(holder, actorId, partnerActorId);
        }
    }

    @Override
    public boolean claimIfFree(String introductionId, String actorId, String partnerActorId) {
        // Not inserted: another introduction holds the pair, or this one still does (carried on again by an outcome
        // that left it in progress).
        return insert(introductionId, actorId, partnerActorId) == 1
                || claimedBy(actorId, partnerActorId).filter(introductionId::equals).isPresent();
    }

    /** The rows inserted: 1, or 0 when the pair or the introduction already has its row. */
    private int insert(String introductionId, String actorId, String partnerActorId) {
        ActorPair pair = ActorPair.of(actorId, partnerActorId);
        // ON CONFLICT DO NOTHING rather than catching the unique violation: a failed statement would abort the
        // whole transaction in PostgreSQL.
        return jdbc.update("""
                INSERT INTO open_introduction_pair (first_actor_id, second_actor_id, introduction_id)
                VALUES (?, ?, ?) ON CONFLICT DO NOTHING""", pair.first(), pair.second(), introductionId);
    }

    @Override
    public Optional<String> claimedBy(String actorId, String partnerActorId) {
        ActorPair pair = ActorPair.of(actorId, partnerActorId);
        return jdbc.queryForList("""
                SELECT introduction_id FROM open_introduction_pair
                WHERE first_actor_id = ? AND second_actor_id = ?""", String.class, pair.first(), pair.second())
                .stream().findFirst();
    }

    @Override
    public void release(String introductionId) {
        jdbc.update("DELETE FROM open_introduction_pair WHERE introduction_id = ?", introductionId);
    }
}
