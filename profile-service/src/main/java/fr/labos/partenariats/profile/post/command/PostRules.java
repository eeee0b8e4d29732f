package fr.labos.partenariats.profile.post.command;

import fr.labos.partenariats.profile.domain.ConflictException;
import fr.labos.partenariats.profile.domain.InvalidInputException;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.VisibleText;
import fr.labos.partenariats.schema.profile.PostDetails;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.time.Clock;
import java.time.LocalDate;

/** The rules every need and offer obeys, whichever way it arrives (REST, bulk import, tests). */
final class PostRules {

    /**
     * How far ahead a post may stand: a need or an offer of a partnership lab is met within months, a few years at most;
     * a date further off is a typing error (20266 for 2026), and a date of year five million would overflow the days
     * the matcher counts in.
     */
    static final int MAX_YEARS_AHEAD = 10;

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
        if (VisibleText.isBlank(details.title())) {
            throw new InvalidInputException("title", "invalid.post.title");
        }
        if (details.territory() == null || !TerritoryDirectory.official().isKnown(details.territory())) {
            throw new InvalidInputException("territory", "invalid.post.territory",
                    details.territory() == null ? null : details.territory().code());
        }
        LocalDate today = LabCalendar.today(clock);
        if (details.isExpiredOn(today)) {
            throw new InvalidInputException("validUntil", "invalid.post.valid-until", details.validUntil());
        }
        if (details.validUntil() != null && details.validUntil().isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw new InvalidInputException("validUntil", "invalid.post.valid-until-too-far", details.validUntil(),
                    MAX_YEARS_AHEAD);
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
