package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.matchmaking.engine.model.ActorPair;
import fr.labos.partenariats.matchmaking.matching.exclusion.ExclusionReason;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link LastingPairs} in the service's PostgreSQL, table {@code lasting_pair_exclusion} (a row per introduction). */
@Component
class JdbcLastingPairs implements LastingPairs {

    private final JdbcTemplate jdbc;

    JdbcLastingPairs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void setAside(String introductionId, String actorId, String partnerActorId, ExclusionReason reason) {
        ActorPair pair = ActorPair.of(actorId, partnerActorId);
        jdbc.update("""
                INSERT INTO lasting_pair_exclusion (introduction_id, first_actor_id, second_actor_id, reason)
                VALUES (?, ?, ?, ?) ON CONFLICT (introduction_id) DO UPDATE SET reason = EXCLUDED.reason""",
                introductionId, pair.first(), pair.second(), reason.name());
    }

    @Override
    public void clear(String introductionId) {
        jdbc.update("DELETE FROM lasting_pair_exclusion WHERE introduction_id = ?", introductionId);
    }

    @Override
    public Optional<IntroducedPairs.SetAside> between(String actorId, String partnerActorId) {
        ActorPair pair = ActorPair.of(actorId, partnerActorId);
        return jdbc.query("""
                        SELECT reason, introduction_id FROM lasting_pair_exclusion
                        WHERE first_actor_id = ? AND second_actor_id = ? ORDER BY introduction_id""",
                        (row, n) -> new IntroducedPairs.SetAside(ExclusionReason.valueOf(row.getString(1)), row.getString(2)),
                        pair.first(), pair.second())
                .stream().min(Comparator.comparing(IntroducedPairs.SetAside::reason));
    }

    @Override
    public Map<String, Set<String>> partnersSetAsideOf(Collection<String> actorIds) {
        if (actorIds.isEmpty()) {
            return Map.of();
        }
        Set<String> asked = Set.copyOf(actorIds);
        Map<String, Set<String>> partners = new HashMap<>();
        String[] ids = asked.toArray(String[]::new);
        jdbc.query("""
                        SELECT first_actor_id, second_actor_id FROM lasting_pair_exclusion
                        WHERE first_actor_id = ANY (?) OR second_actor_id = ANY (?)""",
                (RowCallbackHandler) row -> {
                    String first = row.getString(1);
                    String second = row.getString(2);
                    if (asked.contains(first)) partners.computeIfAbsent(first, id -> new HashSet<>()).add(second);
                    if (asked.contains(second)) partners.computeIfAbsent(second, id -> new HashSet<>()).add(first);
                }, ids, ids);
        return partners;
    }
}
