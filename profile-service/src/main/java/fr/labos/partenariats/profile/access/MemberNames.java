package fr.labos.partenariats.profile.access;

import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.PersonNames;
import fr.labos.partenariats.schema.profile.ActorMemberLeftEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * The names of the members granted here (table member_name), so that an organisation's people see each other by name
 * in its list of members, not by pseudonymous subjects. A name comes from the person's own token (never from someone
 * else's say-so), only while it is a member of an organisation here, and goes with its last membership. It never enters
 * an event: those are kept for ever, and the history records who acted by subject alone.
 */
@Component
@ProcessingGroup("profile-views")
public class MemberNames {

    private final JdbcTemplate jdbc;
    private final PersonNames names;
    private final Clock clock;

    MemberNames(JdbcTemplate jdbc, PersonNames names, Clock clock) {
        this.jdbc = jdbc;
        this.names = names;
        this.clock = clock;
    }

    /**
     * Keeps the name the signed-in person's token gives, if that person is a member of an organisation here; writes
     * only a name that changed. A token without a name changes nothing (a provider may leave it out of some tokens).
     */
    public void rememberSignedIn(LabPrincipal principal) {
        names.current().ifPresent(name -> jdbc.update("""
                INSERT INTO member_name (member_subject, display_name, updated_at)
                SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM actor_membership WHERE member_subject = ?)
                ON CONFLICT (member_subject) DO UPDATE SET display_name = EXCLUDED.display_name, updated_at = EXCLUDED.updated_at
                WHERE member_name.display_name <> EXCLUDED.display_name
                """, principal.subject(), name, Timestamp.from(clock.instant()), principal.subject()));
    }

    /**
     * The last membership gone, the name goes too, in the command's transaction. Written to hold whichever of this
     * handler and {@link Memberships}' runs first: the membership being ended does not count.
     */
    @EventHandler
    void on(ActorMemberLeftEvent event) {
        jdbc.update("""
                DELETE FROM member_name WHERE member_subject = ? AND NOT EXISTS (
                    SELECT 1 FROM actor_membership WHERE member_subject = ? AND actor_id <> ?)
                """, event.memberSubject(), event.memberSubject(), event.actorId());
    }
}
