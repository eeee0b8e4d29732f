package fr.labos.partenariats.profile.introduction;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

/**
 * The introductions profile-service learnt of (table introduced_pair): which two actors each one is between, and
 * whether both sides accepted it. Every write is idempotent, so that a redelivered event changes nothing.
 */
@Component
public class IntroducedPairs {

    private final JdbcTemplate jdbc;

    IntroducedPairs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An introduction was proposed between these two actors. */
    void proposed(String introductionId, String actorId, String partnerActorId) {
        jdbc.update("""
                INSERT INTO introduced_pair (introduction_id, actor_id, partner_actor_id) VALUES (?, ?, ?)
                ON CONFLICT (introduction_id) DO UPDATE
                SET actor_id = EXCLUDED.actor_id, partner_actor_id = EXCLUDED.partner_actor_id
                """, introductionId, actorId, partnerActorId);
    }

    /** Both sides accepted it; the first time it was learnt stays. */
    void bothAccepted(String introductionId, Instant acceptedAt) {
        jdbc.update("""
                INSERT INTO introduced_pair (introduction_id, accepted_at) VALUES (?, ?)
                ON CONFLICT (introduction_id) DO UPDATE
                SET accepted_at = COALESCE(introduced_pair.accepted_at, EXCLUDED.accepted_at)
                """, introductionId, Timestamp.from(acceptedAt));
    }

    /** Whether {@code actorId} has an introduction accepted by both sides with one of {@code partnerIds}. */
    public boolean acceptedBetween(String actorId, Collection<String> partnerIds) {
        if (partnerIds.isEmpty()) {
            return false;
        }
        Boolean found = jdbc.execute(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    SELECT EXISTS (SELECT 1 FROM introduced_pair WHERE accepted_at IS NOT NULL
                        AND ((actor_id = ? AND partner_actor_id = ANY (?)) OR (partner_actor_id = ? AND actor_id = ANY (?))))
                    """);
            Array partners = connection.createArrayOf("varchar", partnerIds.toArray());
            statement.setString(1, actorId);
            statement.setArray(2, partners);
            statement.setString(3, actorId);
            statement.setArray(4, partners);
            return statement;
        }, (PreparedStatement statement) -> {
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        });
        return Boolean.TRUE.equals(found);
    }
}
