package fr.labos.partenariats.profile.post.query;

import fr.labos.partenariats.profile.post.command.PostStatus;
import fr.labos.partenariats.schema.profile.PostDetails;

import java.time.Instant;
import java.time.LocalDate;

/** A need or an offer as GET returns it. */
public record PostView(
        String id,
        PostKind kind,
        String actorId,
        PostStatus status,
        PostDetails details,
        Instant registeredAt,
        Instant closedAt,
        String closingNote) {

    PostView withDetails(PostDetails newDetails) {
        return new PostView(id, kind, actorId, status, newDetails, registeredAt, closedAt, closingNote);
    }

    PostView closed(PostStatus newStatus, Instant at, String note) {
        return new PostView(id, kind, actorId, newStatus, details, registeredAt, at, note);
    }

    /** As it stands on {@code today}: open, but past its {@code validUntil}, it is {@link PostStatus#EXPIRED}. */
    public PostView asOf(LocalDate today) {
        return status == PostStatus.OPEN && details.isExpiredOn(today)
                ? new PostView(id, kind, actorId, PostStatus.EXPIRED, details, registeredAt, closedAt, closingNote)
                : this;
    }
}
