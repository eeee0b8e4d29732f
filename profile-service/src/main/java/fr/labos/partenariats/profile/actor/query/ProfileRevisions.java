package fr.labos.partenariats.profile.actor.query;

import fr.labos.partenariats.schema.profile.ActorContactErasedEvent;
import fr.labos.partenariats.schema.profile.ActorProfileUpdatedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The revision of an actor's profile and contact person, as readers are given it ({@code ETag}) and changes made from
 * their copy name it back ({@code If-Match}): the sequence number of the actor's last event that changed either. The
 * same events the {@code Actor} aggregate counts its revision by, read here from the event store it is rebuilt from, in
 * one indexed query (the events of one actor), so that the two never disagree.
 */
@Component
public class ProfileRevisions {

    private final JdbcTemplate jdbc;

    ProfileRevisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty for an actor that does not exist. */
    public Optional<Long> of(String actorId) {
        return Optional.ofNullable(jdbc.queryForObject("""
                        SELECT max(sequencenumber) FROM domainevententry
                        WHERE aggregateidentifier = ? AND payloadtype IN (?, ?, ?)""", Long.class, actorId,
                ActorRegisteredEvent.class.getName(), ActorProfileUpdatedEvent.class.getName(),
                ActorContactErasedEvent.class.getName()));
    }
}
