package fr.labos.partenariats.profile.post.command;

import fr.labos.partenariats.profile.domain.ConflictException;
import fr.labos.partenariats.profile.domain.InvalidInputException;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.profile.PostDetails;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.time.Clock;
import java.time.LocalDate;

/** The rules every need and offer obeys, whichever way it arrives (REST, bulk import, tests). */
final class PostRules {

    private PostRules() {
    }

    static void checkDetails(PostDetails details, Clock clock) {
        if (details == null) {
            throw new InvalidInputException("details", "invalid.post.details");
        }
        if (details.category() == null) {
            throw new InvalidInputException("category", "invalid.post.category");
        }
        if (details.form() == null) {
            throw new InvalidInputException("form", "invalid.post.form");
        }
        if (details.title() == null || details.title().isBlank()) {
            throw new InvalidInputException("title", "invalid.post.title");
        }
        if (details.territory() == null || !TerritoryDirectory.official().isKnown(details.territory())) {
            throw new InvalidInputException("territory", "invalid.post.territory",
                    details.territory() == null ? null : details.territory().code());
        }
        if (details.isExpiredOn(LabCalendar.today(clock))) {
            throw new InvalidInputException("validUntil", "invalid.post.valid-until", details.validUntil());
        }
    }

    /** Someone else's post is answered as not found, so that nobody learns what others have posted. */
    static void checkOwner(String ownerId, String claimedActorId, String kind, String postId) {
        if (!ownerId.equals(claimedActorId)) {
            throw new NotFoundException("not-found." + kind, postId, claimedActorId);
        }
    }

    static void checkStillOpen(PostStatus status, String kind, String postId) {
        switch (status) {
            case OPEN -> {
            }
            case WITHDRAWN -> throw new ConflictException("conflict." + kind + ".withdrawn", postId);
            case FULFILLED -> throw new ConflictException("conflict." + kind + ".fulfilled", postId);
        }
    }
}
