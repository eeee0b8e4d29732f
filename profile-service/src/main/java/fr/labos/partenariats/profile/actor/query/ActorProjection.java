package fr.labos.partenariats.profile.actor.query;

import fr.labos.partenariats.profile.infrastructure.JsonDocuments;
import fr.labos.partenariats.profile.post.command.ActorRegistry;
import fr.labos.partenariats.schema.profile.ActorProfileUpdatedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The actors read model of profile-service (table actor_view). Runs in the command's transaction
 * (subscribing processor), so that a registration is visible as soon as it is acknowledged.
 */
@Component
@ProcessingGroup("profile-views")
public class ActorProjection implements ActorRegistry {

    private final JdbcTemplate jdbc;
    private final JsonDocuments json;

    public ActorProjection(JdbcTemplate jdbc, JsonDocuments json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ActorRegisteredEvent event) {
        ActorView view = new ActorView(event.actorId(), event.name(), event.type(), event.homeTerritory(),
                event.themes(), event.sdgs(), event.description(), event.registeredAt());
        // Idempotent: replaying the registration rewrites the same row.
        jdbc.update("""
                INSERT INTO actor_view (actor_id, document, registered_at) VALUES (?, ?::jsonb, ?)
                ON CONFLICT (actor_id) DO UPDATE SET document = excluded.document
                """, view.id(), json.write(view), Timestamp.from(view.registeredAt()));
    }

    @EventHandler
    void on(ActorProfileUpdatedEvent event) {
        find(event.actorId()).ifPresent(current -> jdbc.update(
                "UPDATE actor_view SET document = ?::jsonb WHERE actor_id = ?",
                json.write(new ActorView(current.id(), event.name(), event.type(), event.homeTerritory(), event.themes(),
                        event.sdgs(), event.description(), current.registeredAt())),
                event.actorId()));
    }

    public Optional<ActorView> find(String actorId) {
        return jdbc.query("SELECT document FROM actor_view WHERE actor_id = ?",
                (rs, row) -> json.read(rs.getString(1), ActorView.class), actorId).stream().findFirst();
    }

    public List<ActorView> list(int offset, int limit) {
        return jdbc.query("SELECT document FROM actor_view ORDER BY registered_at, actor_id OFFSET ? LIMIT ?",
                (rs, row) -> json.read(rs.getString(1), ActorView.class), offset, limit);
    }

    /** As {@link #list}, among the actors whose home is one of these communes. */
    public List<ActorView> atHomesIn(Collection<String> communes, int offset, int limit) {
        return jdbc.query("""
                        SELECT document FROM actor_view WHERE document->>'homeTerritory' = ANY (?)
                        ORDER BY registered_at, actor_id OFFSET ? LIMIT ?""",
                (rs, row) -> json.read(rs.getString(1), ActorView.class), communes.toArray(String[]::new), offset, limit);
    }

    /** The actors whose home is one of these communes. */
    public List<ActorView> atHomes(Collection<String> communes) {
        if (communes.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT document FROM actor_view WHERE document->>'homeTerritory' = ANY (?) ORDER BY actor_id",
                (rs, row) -> json.read(rs.getString(1), ActorView.class), (Object) communes.toArray(String[]::new));
    }

    @Override
    public boolean isRegistered(String actorId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM actor_view WHERE actor_id = ?", Integer.class, actorId);
        return count != null && count > 0;
    }
}
