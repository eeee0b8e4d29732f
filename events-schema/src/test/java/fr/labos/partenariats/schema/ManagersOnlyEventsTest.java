package fr.labos.partenariats.schema;

import fr.labos.partenariats.schema.profile.ActorPrivate;
import fr.labos.partenariats.schema.profile.ManagersOnly;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which events only those who manage an actor's members read: the views open to others leave out what is marked, so
 * a mark forgotten on a new invitation event would hand it to every member and to the live stream's readers, and a
 * mark put on, say, a member's joining would hide from the members who their colleagues are.
 */
class ManagersOnlyEventsTest {

    @Test
    void theInvitationsAndNothingElseAreForManagersOnly() {
        assertThat(EventCatalog.profileEvents().stream().filter(type -> type.isAnnotationPresent(ManagersOnly.class))
                .map(EventCatalog::typeName))
                .containsExactlyInAnyOrder("ActorMemberInvitedEvent", "ActorInvitationRedeemedEvent",
                        "ActorInvitationRevokedEvent");
        assertThat(EventCatalog.managersOnlyEvents().stream().map(EventCatalog::typeName))
                .as("the catalogue's list of them").containsExactlyInAnyOrder("ActorMemberInvitedEvent",
                        "ActorInvitationRedeemedEvent", "ActorInvitationRevokedEvent");
        assertThat(EventCatalog.isManagersOnly("ActorMemberInvitedEvent")).isTrue();
        assertThat(EventCatalog.isManagersOnly("ActorMemberJoinedEvent")).isFalse();
        assertThat(EventCatalog.isManagersOnly(null)).isFalse();
        assertThat(EventCatalog.profileEvents().stream().map(EventCatalog::typeName)
                .filter(name -> name.contains("Invit")))
                .as("every invitation event of the catalogue is among them")
                .containsExactlyInAnyOrder("ActorMemberInvitedEvent", "ActorInvitationRedeemedEvent",
                        "ActorInvitationRevokedEvent");
        assertThat(EventCatalog.matchingEvents().stream().anyMatch(type -> type.isAnnotationPresent(ManagersOnly.class)))
                .as("the mark is a profile event's").isFalse();
    }

    @Test
    void theMembersComingsAndGoingsAndTheContactsErasureArePrivateToTheActor() {
        assertThat(EventCatalog.profileEvents().stream().filter(type -> type.isAnnotationPresent(ActorPrivate.class))
                .map(EventCatalog::typeName))
                .containsExactlyInAnyOrder("ActorMemberJoinedEvent", "ActorMemberLeftEvent",
                        "ActorMemberRoleChangedEvent", "ActorContactErasedEvent");
        assertThat(EventCatalog.isActorPrivate("ActorContactErasedEvent")).isTrue();
        assertThat(EventCatalog.isActorPrivate("ActorRegisteredEvent")).as("an actor is public").isFalse();
        assertThat(EventCatalog.isActorPrivate(null)).isFalse();
    }
}
