package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.matchmaking.engine.model.ActorPair;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * {@link OpenPairs} in the service's PostgreSQL, table {@code open_introduction_pair}: a row per introduction waiting
 * for its answers, one at most per unordered pair of actors (its primary key). The command's unit of work runs in the
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
        ActorPair pair = ActorPair.of(actorId, partnerActorId);
        // ON CONFLICT DO NOTHING rather than catching the unique violation: a failed statement would abort the
        // whole transaction in PostgreSQL.
        int claimed = jdbc.update("""
                INSERT INTO open_introduction_pair (first_actor_id, second_actor_id, introduction_id)
                VALUES (?, ?, ?) ON CONFLICT DO NOTHING""", pair.first(), pair.second(), introductionId);
        if (claimed == 0) {
            String open = waitingIn(actorId, partnerActorId).orElse(introductionId);
            throw new PairAlreadyInIntroduction(open, actorId, partnerActorId);
        }
    }

    @Override
    public Optional<String> waitingIn(String actorId, String partnerActorId) {
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
