package fr.labos.partenariats.profile.access;

import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.profile.ActorInvitationRedeemedEvent;
import fr.labos.partenariats.schema.profile.ActorInvitationRevokedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberInvitedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The invitations to join each actor (table actor_invitation), kept in the command's transaction: which actor a code
 * belongs to, and, for those who manage the actor's members, who invited whom and which codes still work. Holds no code nor
 * digest: whether a code works is the aggregate's to say.
 */
@Component
@ProcessingGroup("profile-views")
public class Invitations {

    /**
     * The most recent invitations listed for an actor; older ones stay in its history (the export, for those who manage
     * its members).
     */
    static final int LISTED = 100;

    private final JdbcTemplate jdbc;

    public Invitations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ActorMemberInvitedEvent event, @MetaDataValue(PrincipalMetadata.SUBJECT) String invitedBy) {
        // Idempotent: a replay writes the same row.
        jdbc.update("""
                INSERT INTO actor_invitation (invitation_id, actor_id, invited_by, invited_at, expires_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (invitation_id) DO NOTHING
                """, event.invitationId(), event.actorId(), invitedBy, Timestamp.from(event.invitedAt()),
                Timestamp.from(event.expiresAt()));
    }

    @EventHandler
    void on(ActorInvitationRedeemedEvent event) {
        jdbc.update("UPDATE actor_invitation SET redeemed_by = ?, redeemed_at = ? WHERE invitation_id = ?",
                event.memberSubject(), Timestamp.from(event.redeemedAt()), event.invitationId());
    }

    @EventHandler
    void on(ActorInvitationRevokedEvent event, @MetaDataValue(PrincipalMetadata.SUBJECT) String revokedBy) {
        jdbc.update("UPDATE actor_invitation SET revoked_by = ?, revoked_at = ? WHERE invitation_id = ?",
                revokedBy, Timestamp.from(event.revokedAt()), event.invitationId());
    }

    /** The actor an invitation was made for, if it was. */
    public Optional<String> actorOf(String invitationId) {
        return jdbc.queryForList("SELECT actor_id FROM actor_invitation WHERE invitation_id = ?", String.class,
                invitationId).stream().findFirst();
    }

    /** The actor's most recent invitations, newest first, each with its state at {@code now}. */
    public List<Invitation> of(String actorId, Instant now) {
        return jdbc.query("""
                        SELECT invitation_id, invited_by, invited_at, expires_at, redeemed_by, redeemed_at, revoked_by, revoked_at
                        FROM actor_invitation WHERE actor_id = ? ORDER BY invited_at DESC, invitation_id LIMIT ?""",
                (rs, row) -> invitation(rs, now), actorId, LISTED);
    }

    private static Invitation invitation(ResultSet rs, Instant now) throws SQLException {
        Instant expiresAt = rs.getTimestamp("expires_at").toInstant();
        Instant redeemedAt = instant(rs, "redeemed_at");
        Instant revokedAt = instant(rs, "revoked_at");
        Status status = redeemedAt != null ? Status.REDEEMED
                : revokedAt != null ? Status.REVOKED
                : now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
        return new Invitation(rs.getString("invitation_id"), status, rs.getString("invited_by"),
                rs.getTimestamp("invited_at").toInstant(), expiresAt, rs.getString("redeemed_by"), redeemedAt,
                rs.getString("revoked_by"), revokedAt);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Where an invitation stands: waiting for its colleague, used, withdrawn, or past its date unused. */
    public enum Status { PENDING, REDEEMED, REVOKED, EXPIRED }

    /**
     * An invitation as those who manage the actor's members see it (never its code): subjects are pseudonymous ids.
     *
     * @param invitedBy  null when the event carried no principal
     * @param redeemedBy who joined with it, once used
     * @param revokedBy  who withdrew it, once withdrawn
     */
    public record Invitation(String invitationId, Status status, String invitedBy, Instant invitedAt,
                             Instant expiresAt, String redeemedBy, Instant redeemedAt, String revokedBy,
                             Instant revokedAt) {
    }
}
