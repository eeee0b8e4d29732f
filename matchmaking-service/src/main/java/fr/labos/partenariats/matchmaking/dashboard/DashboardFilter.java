package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.schema.common.ActorFamily;
import fr.labos.partenariats.schema.common.ResourceCategory;

import java.time.LocalDate;

/**
 * Which introductions a dashboard counts: proposed between {@code from} and {@code to} (days in the lab's zone, both
 * included), with a side at home in the département or région, a side of the family, a post of the category. Null:
 * no condition. {@link DashboardTable} applies it; its {@code periods} apply {@code from} and {@code to} to the day of
 * each step instead of the proposal's.
 */
record DashboardFilter(LocalDate from, LocalDate to, String departement, String region, ActorFamily family,
                       ResourceCategory category) {

    static final DashboardFilter NONE = new DashboardFilter(null, null, null, null, null, null);
}
