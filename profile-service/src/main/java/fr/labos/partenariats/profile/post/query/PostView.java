package fr.labos.partenariats.profile.post.query;

import fr.labos.partenariats.profile.post.command.PostStatus;
import fr.labos.partenariats.schema.profile.PostDetails;

import java.time.Instant;

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
}
