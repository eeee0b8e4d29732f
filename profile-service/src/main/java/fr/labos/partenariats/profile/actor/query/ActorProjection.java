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
        holdsName(event.actorId(), event.homeTerritory(), event.name());
    }

    @EventHandler
    void on(ActorProfileUpdatedEvent event) {
        find(event.actorId()).ifPresent(current -> jdbc.update(
                "UPDATE actor_view SET document = ?::jsonb WHERE actor_id = ?",
                json.write(new ActorView(current.id(), event.name(), event.type(), event.homeTerritory(), event.themes(),
                        event.sdgs(), event.description(), current.registeredAt())),
                event.actorId()));
        holdsName(event.actorId(), event.homeTerritory(), event.name());
    }

    private void holdsName(String actorId, String homeTerritory, String name) {
        jdbc.update("INSERT INTO actor_name_held (actor_id, home_territory, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                actorId, homeTerritory, name);
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

    /** A name an actor held at a commune, with what that actor is now. */
    public record NameHeld(String name, String homeTerritory, ActorView actor) {
    }

    /**
     * Every name any actor has held at one of these communes, each with the actor as it is now (which may be under
     * another name, at another commune): the names actors hold now first, then by actor.
     */
    public List<NameHeld> namesHeldAt(Collection<String> communes) {
        if (communes.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                        SELECT held.name, held.home_territory, actor.document FROM actor_name_held held
                        JOIN actor_view actor ON actor.actor_id = held.actor_id
                        WHERE held.home_territory = ANY (?)
                        ORDER BY (actor.document->>'name' = held.name
                                  AND actor.document->>'homeTerritory' = held.home_territory) DESC, held.actor_id""",
                (rs, row) -> new NameHeld(rs.getString(1), rs.getString(2), json.read(rs.getString(3), ActorView.class)),
                (Object) communes.toArray(String[]::new));
    }

    @Override
    public boolean isRegistered(String actorId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM actor_view WHERE actor_id = ?", Integer.class, actorId);
        return count != null && count > 0;
    }
}
