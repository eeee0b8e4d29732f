package fr.labos.partenariats.profile.post.command;

import fr.labos.partenariats.profile.web.ConflictException;
import fr.labos.partenariats.profile.web.InvalidInputException;
import fr.labos.partenariats.profile.web.NotFoundException;
import fr.labos.partenariats.schema.profile.PostDetails;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The rules every need and offer obeys, whichever way it arrives (REST, bulk import, tests). */
final class PostRules {

    /** Labs work on French local time: a post valid "until today" is valid all of today in Paris. */
    static final ZoneId LAB_TIME_ZONE = ZoneId.of("Europe/Paris");

    private PostRules() {
    }

    static void checkDetails(PostDetails details, Clock clock) {
        if (details == null) {
            throw new InvalidInputException("details", "a post needs its content");
        }
        if (details.category() == null) {
            throw new InvalidInputException("category", "a post needs a resource category");
        }
        if (details.form() == null) {
            throw new InvalidInputException("form", "a post needs a partnership form");
        }
        if (details.title() == null || details.title().isBlank()) {
            throw new InvalidInputException("title", "a post needs a title");
        }
        if (details.territory() == null || !TerritoryDirectory.official().isKnown(details.territory())) {
            throw new InvalidInputException("territory", "not an official territory: " + details.territory());
        }
        if (details.isExpiredOn(LocalDate.now(clock.withZone(LAB_TIME_ZONE)))) {
            throw new InvalidInputException("validUntil", "must not be in the past: " + details.validUntil());
        }
    }

    /** Someone else's post is answered as not found, so that nobody learns what others have posted. */
    static void checkOwner(String ownerId, String claimedActorId, String kind, String postId) {
        if (!ownerId.equals(claimedActorId)) {
            throw new NotFoundException("no " + kind + " " + postId + " for actor " + claimedActorId);
        }
    }

    static void checkStillOpen(PostStatus status, String kind, String postId) {
        switch (status) {
            case OPEN -> {
            }
            case WITHDRAWN -> throw new ConflictException("the " + kind + " " + postId + " is already withdrawn");
            case FULFILLED -> throw new ConflictException("the " + kind + " " + postId + " is already fulfilled");
        }
    }
}
