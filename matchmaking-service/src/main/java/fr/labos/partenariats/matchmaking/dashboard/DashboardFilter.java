package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.dashboard.DashboardDimensions.ActorDimensions;
import fr.labos.partenariats.schema.common.ActorFamily;
import fr.labos.partenariats.schema.common.ResourceCategory;

import java.time.LocalDate;

/**
 * Which introductions a dashboard counts: proposed between {@code from} and {@code to} (days in the lab's zone, both
 * included), with a side at home in the département or région, a side of the family, a post of the category. Null:
 * no condition.
 */
record DashboardFilter(LocalDate from, LocalDate to, String departement, String region, ActorFamily family,
                       ResourceCategory category) {

    static final DashboardFilter NONE = new DashboardFilter(null, null, null, null, null, null);

    boolean keeps(IntroductionFact fact, DashboardDimensions dimensions) {
        if (from != null && fact.proposedDay() < from.toEpochDay() || to != null && fact.proposedDay() > to.toEpochDay()) {
            return false;
        }
        ActorDimensions actor = dimensions.actor(fact.actorId());
        ActorDimensions partner = dimensions.actor(fact.partnerActorId());
        if (departement != null && !departement.equals(actor.departement()) && !departement.equals(partner.departement())) {
            return false;
        }
        if (region != null && !region.equals(actor.region()) && !region.equals(partner.region())) {
            return false;
        }
        if (family != null && family != actor.family() && family != partner.family()) {
            return false;
        }
        return category == null || fact.postIds().stream().anyMatch(post -> dimensions.category(post) == category);
    }
}
