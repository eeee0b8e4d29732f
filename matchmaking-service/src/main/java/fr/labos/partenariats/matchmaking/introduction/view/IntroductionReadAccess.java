package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.platform.security.LabPrincipal;

/**
 * Who may read an actor's inbox and an introduction's timeline: the actor's (or either side's) members, the
 * facilitators of its territory, admins; never a viewer, who sees dashboards only. A refusal throws the platform's
 * {@code ActionForbiddenException} (403).
 */
interface IntroductionReadAccess {

    void checkMayReadInbox(LabPrincipal principal, String actorId);

    void checkMayReadIntroduction(LabPrincipal principal, String actorId, String partnerActorId);
}
