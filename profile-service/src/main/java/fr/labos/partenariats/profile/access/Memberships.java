package fr.labos.partenariats.profile.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberLeftEvent;
import fr.labos.partenariats.schema.profile.ActorMemberRoleChangedEvent;
import fr.labos.partenariats.schema.profile.MemberRole;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The members of each actor as profile-service granted them, with their roles (table actor_membership), kept in the
 * command's transaction: the next request is judged on them.
 */
@Component
@ProcessingGroup("profile-views")
public class Memberships {

    private final JdbcTemplate jdbc;

    public Memberships(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The role of the account it joined with comes from the event's metadata (the member who registered the actor, or who used the invitation). */
    @EventHandler
    void on(ActorMemberJoinedEvent event, @MetaDataValue(PrincipalMetadata.ROLE) String joinedAs) {
        // Idempotent: a replay writes the same row.
        jdbc.update("""
                INSERT INTO actor_membership (actor_id, member_subject, joined_at, joined_as, role) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (actor_id, member_subject) DO NOTHING
                """, event.actorId(), event.memberSubject(), Timestamp.from(event.joinedAt()), joinedAs,
                event.role().name());
    }

    @EventHandler
    void on(ActorMemberRoleChangedEvent event) {
        jdbc.update("UPDATE actor_membership SET role = ? WHERE actor_id = ? AND member_subject = ?",
                event.role().name(), event.actorId(), event.memberSubject());
    }

    @EventHandler
    void on(ActorMemberLeftEvent event) {
        // In the command's transaction: the former member's next request is refused.
        jdbc.update("DELETE FROM actor_membership WHERE actor_id = ? AND member_subject = ?",
                event.actorId(), event.memberSubject());
    }

    public boolean isMember(String subject, String actorId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM actor_membership WHERE actor_id = ? AND member_subject = ?",
                Integer.class, actorId, subject);
        return count != null && count > 0;
    }

    /** Whether the subject is a member granted here that manages the actor's members. */
    public boolean isManager(String subject, String actorId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM actor_membership WHERE actor_id = ? AND member_subject = ? AND role = ?",
                Integer.class, actorId, subject, MemberRole.MANAGER.name());
        return count != null && count > 0;
    }

    /** The members, with the names their tokens gave ({@link MemberNames}), oldest first. */
    public List<Member> membersOf(String actorId) {
        return jdbc.query("""
                        SELECT m.member_subject, m.joined_at, m.joined_as, m.role, n.display_name
                        FROM actor_membership m LEFT JOIN member_name n ON n.member_subject = m.member_subject
                        WHERE m.actor_id = ? ORDER BY m.joined_at, m.member_subject""",
                (rs, row) -> new Member(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        MemberRole.valueOf(rs.getString(4)), rs.getString(5)), actorId);
    }

    /** The actors the subject was made a member of here (by registering them as an actor member, or with an invitation), oldest first. */
    public List<String> actorsOf(String subject) {
        return jdbc.queryForList("SELECT actor_id FROM actor_membership WHERE member_subject = ? ORDER BY joined_at, actor_id",
                String.class, subject);
    }

    /**
     * A member by its pseudonymous subject id, and its name for its colleagues.
     *
     * @param joinedAs the role of the account it joined with ({@code FACILITATOR} for a facilitator who joined with a
     *                 code, or who registered the actor before registering stopped making facilitators members); null
     *                 when the joining event carried none
     * @param role     what it may do for the actor
     * @param name     the person's name, as its token last gave it; absent until it signs in with a token that has one
     */
    public record Member(String subject, Instant joinedAt, String joinedAs, MemberRole role,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String name) {
    }
}
