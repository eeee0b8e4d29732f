package fr.labos.partenariats.profile.actor.command;

import fr.labos.partenariats.profile.domain.InvalidInputException;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.profile.domain.PreconditionFailedException;
import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.ActorContactErasedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberLeftEvent;
import fr.labos.partenariats.schema.profile.ActorProfileUpdatedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.ContactDetails;
import fr.labos.partenariats.schema.profile.EraseActorContactCommand;
import fr.labos.partenariats.schema.profile.MemberRole;
import fr.labos.partenariats.schema.profile.RegisterActorCommand;
import fr.labos.partenariats.schema.profile.RemoveActorMemberCommand;
import fr.labos.partenariats.schema.profile.UpdateActorProfileCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ActorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final String ACTOR = "actor-1";
    private static final ContactDetails CAMILLE = new ContactDetails("Camille Martin", "camille@example.org", "0476000000");

    private AggregateTestFixture<Actor> fixture;
    private ContactVault contacts;

    @BeforeEach
    void setUp() {
        contacts = mock(ContactVault.class);
        fixture = ActorFixtures.at(NOW, contacts);
    }

    @Test
    void registeringAnActorPublishesItsPublicProfileAndKeepsTheContactOutOfTheEvent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterActorCommand(ACTOR, "  Wimoov Isère ", ActorType.ASSOCIATION, "38185",
                        Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8), "Plateforme de mobilité", CAMILLE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ActorRegisteredEvent(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                        Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8), "Plateforme de mobilité", NOW));
        verify(contacts).store(ACTOR, CAMILLE);
    }

    @Test
    void anActorsOwnMemberRegisteringItBecomesItsMemberAndManager() {
        fixture.givenNoPriorActivity()
                .when(new RegisterActorCommand(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                        Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8), "Plateforme de mobilité", CAMILLE),
                        Map.of(PrincipalMetadata.SUBJECT, "u-42", PrincipalMetadata.ROLE, "ACTOR_MEMBER"))
                .expectEvents(new ActorRegisteredEvent(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                                Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8), "Plateforme de mobilité", NOW),
                        new ActorMemberJoinedEvent(ACTOR, "u-42", MemberRole.MANAGER, NOW));
    }

    @Test
    void aFacilitatorOrAnAdminRegistersAnActorWithoutJoiningIt() {
        for (String role : new String[]{"FACILITATOR", "ADMIN"}) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterActorCommand(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                                    Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8), "Plateforme de mobilité", CAMILLE),
                            Map.of(PrincipalMetadata.SUBJECT, "u-" + role, PrincipalMetadata.ROLE, role))
                    .expectEvents(new ActorRegisteredEvent(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                            Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8), "Plateforme de mobilité", NOW));
        }
    }

    @Test
    void aViewerNeverBecomesAMember() {
        fixture.givenNoPriorActivity()
                .when(new RegisterActorCommand(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                        Set.of(), Set.of(), null, null),
                        Map.of(PrincipalMetadata.SUBJECT, "u-43", PrincipalMetadata.ROLE, "VIEWER"))
                .expectEvents(new ActorRegisteredEvent(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                        Set.of(), Set.of(), null, NOW));
    }

    @Test
    void cannotRegisterAnActorOutsideTheOfficialCommunes() {
        fixture.givenNoPriorActivity()
                .when(new RegisterActorCommand(ACTOR, "Wimoov", ActorType.ASSOCIATION, "99999",
                        Set.of(), Set.of(), null, CAMILLE))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("invalid.actor.home-territory [99999]")
                .expectNoEvents();
        verify(contacts, never()).store(any(), any());
    }

    @Test
    void cannotRegisterAnActorWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterActorCommand(ACTOR, " ", ActorType.COMPANY, "38185", Set.of(), Set.of(), null, null))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aContactPersonGivenIsSomeoneOnRegistrationAndUpdate() {
        ContactDetails nobody = new ContactDetails(null, " ", "");
        fixture.givenNoPriorActivity()
                .when(new RegisterActorCommand(ACTOR, "Wimoov", ActorType.ASSOCIATION, "38185", Set.of(), Set.of(),
                        null, nobody))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("invalid.actor.contact-empty []")
                .expectNoEvents();
        fixture.given(registered())
                .when(new UpdateActorProfileCommand(ACTOR, "Wimoov AURA", ActorType.NETWORK_HEAD, "69123",
                        Set.of(), Set.of(), null, nobody, null))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        verify(contacts, never()).store(any(), any());
    }

    @Test
    void updatingTheProfilePublishesTheWholeNewProfile() {
        fixture.given(registered())
                .when(new UpdateActorProfileCommand(ACTOR, "Wimoov AURA", ActorType.NETWORK_HEAD, "69123",
                        Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_17), "Tête de réseau", null, null))
                .expectEvents(new ActorProfileUpdatedEvent(ACTOR, "Wimoov AURA", ActorType.NETWORK_HEAD, "69123",
                        Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_17), "Tête de réseau"));
        verify(contacts, never()).store(any(), any());
    }

    @Test
    void aFormSavedAsItWasReadRecordsNothingAndKeepsTheRevision() {
        when(contacts.find(ACTOR)).thenReturn(Optional.of(CAMILLE));
        ActorProfileUpdatedEvent current = new ActorProfileUpdatedEvent(ACTOR, "Wimoov AURA", ActorType.NETWORK_HEAD,
                "69123", Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_17), "Tête de réseau");
        UpdateActorProfileCommand same = new UpdateActorProfileCommand(ACTOR, " Wimoov AURA ", ActorType.NETWORK_HEAD,
                "69123", Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_17), "Tête de réseau", CAMILLE, Set.of(1L));
        fixture.given(registered(), current)
                .when(same)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // Without the contact person, or the same profile as registered: nothing either.
        fixture.given(registered(), current)
                .when(new UpdateActorProfileCommand(ACTOR, "Wimoov AURA", ActorType.NETWORK_HEAD, "69123",
                        Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_17), "Tête de réseau", null, null))
                .expectNoEvents();
        fixture.given(registered())
                .when(new UpdateActorProfileCommand(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                        Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8), "Plateforme de mobilité", null, Set.of(0L)))
                .expectNoEvents();
        verify(contacts, never()).store(any(), any());
        // Still at revision 1: a change from that copy is made.
        fixture.given(registered(), current)
                .when(new UpdateActorProfileCommand(ACTOR, "Wimoov AURA", ActorType.NETWORK_HEAD, "69123",
                        Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_17), "Tête de réseau régionale", null, Set.of(1L)))
                .expectEvents(new ActorProfileUpdatedEvent(ACTOR, "Wimoov AURA", ActorType.NETWORK_HEAD, "69123",
                        Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_17), "Tête de réseau régionale"));
    }

    @Test
    void aDescriptionThatShowsTheSameIsNoChange() {
        fixture.given(registered())
                .when(new UpdateActorProfileCommand(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                        Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8), " Plateforme de mobilité\u00a0", null, null))
                .expectNoEvents();
        fixture.given(new ActorRegisteredEvent(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                        Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8), "", NOW))
                .when(new UpdateActorProfileCommand(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                        Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8), null, null, null))
                .expectNoEvents();
    }

    @Test
    void aNewContactPersonAloneIsAChangeOfTheProfilesRevision() {
        ContactDetails lucie = new ContactDetails("Lucie Girard", "lucie@example.org", null);
        when(contacts.find(ACTOR)).thenReturn(Optional.of(CAMILLE));
        fixture.given(registered())
                .when(new UpdateActorProfileCommand(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                        Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8), "Plateforme de mobilité", lucie, Set.of(0L)))
                .expectEvents(new ActorProfileUpdatedEvent(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                        Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8), "Plateforme de mobilité"));
        verify(contacts).store(ACTOR, lucie);
    }

    /**
     * The profile's revision is the sequence number of its last registration, update or erasure: a change made from a
     * form filled before the contact person was erased (revision 0, the registration) finds revision 1 and is refused,
     * and the erased person is not written back.
     */
    @Test
    void aChangeFromACopyReadBeforeTheErasureIsRefusedAndWritesNothing() {
        fixture.given(registered(), new ActorContactErasedEvent(ACTOR, NOW.minusSeconds(60)))
                .when(updateWith(CAMILLE, Set.of(0L)))
                .expectException(PreconditionFailedException.class)
                .expectExceptionMessage("precondition.actor.profile-changed [1]")
                .expectNoEvents();
        verify(contacts, never()).store(any(), any());
    }

    @Test
    void aChangeFromTheCurrentRevisionIsMadeWhateverHappenedToTheMembers() {
        fixture.given(registered(), new ActorProfileUpdatedEvent(ACTOR, "Wimoov", ActorType.ASSOCIATION, "38185",
                                Set.of(), Set.of(), "Mobilité solidaire"),
                        new ActorMemberJoinedEvent(ACTOR, "u-42", MemberRole.MANAGER, NOW.minusSeconds(30)))
                .when(updateWith(CAMILLE, Set.of(1L)))
                .expectEvents(new ActorProfileUpdatedEvent(ACTOR, "Wimoov AURA", ActorType.NETWORK_HEAD, "69123",
                        Set.of(), Set.of(), null));
        verify(contacts).store(ACTOR, CAMILLE);
    }

    @Test
    void aChangeFromAnyOtherRevisionThanTheCurrentOneIsRefused() {
        fixture.given(registered(), new ActorProfileUpdatedEvent(ACTOR, "Wimoov", ActorType.ASSOCIATION, "38185",
                        Set.of(), Set.of(), "Mobilité solidaire"))
                .when(updateWith(null, Set.of(0L, 2L)))
                .expectException(PreconditionFailedException.class)
                .expectNoEvents();
        fixture.given(registered())
                .when(updateWith(null, Set.of()))
                .expectException(PreconditionFailedException.class)
                .expectNoEvents();
    }

    private static UpdateActorProfileCommand updateWith(ContactDetails contact, Set<Long> onlyAtRevisions) {
        return new UpdateActorProfileCommand(ACTOR, "Wimoov AURA", ActorType.NETWORK_HEAD, "69123", Set.of(), Set.of(),
                null, contact, onlyAtRevisions);
    }

    @Test
    void erasingTheContactRemovesItFromTheVaultAndSaysSo() {
        when(contacts.erase(ACTOR)).thenReturn(true);
        fixture.given(registered())
                .when(new EraseActorContactCommand(ACTOR))
                .expectEvents(new ActorContactErasedEvent(ACTOR, NOW));
        verify(contacts).erase(eq(ACTOR));
    }

    @Test
    void aContactReAddedAfterAnErasureIsErasedWithASecondEvent() {
        // The vault holds a contact again (a profile update brought one back after the first erasure).
        when(contacts.erase(ACTOR)).thenReturn(true);
        fixture.given(registered(), new ActorContactErasedEvent(ACTOR, NOW.minusSeconds(3600)))
                .when(new EraseActorContactCommand(ACTOR))
                .expectEvents(new ActorContactErasedEvent(ACTOR, NOW));
    }

    @Test
    void erasingWhenNoContactIsOnFileSucceedsWithoutAnEvent() {
        fixture.given(registered())
                .when(new EraseActorContactCommand(ACTOR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        verify(contacts).erase(eq(ACTOR));
    }

    @Test
    void erasingTheContactTwiceSucceedsWithoutASecondEvent() {
        fixture.given(registered(), new ActorContactErasedEvent(ACTOR, NOW))
                .when(new EraseActorContactCommand(ACTOR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        verify(contacts).erase(eq(ACTOR));
    }

    @Test
    void aMemberGrantedHereCanBeRemoved() {
        fixture.given(registered(), new ActorMemberJoinedEvent(ACTOR, "u-42", MemberRole.MANAGER, NOW.minusSeconds(60)),
                        new ActorMemberJoinedEvent(ACTOR, "u-43", MemberRole.MEMBER, NOW.minusSeconds(30)))
                .when(new RemoveActorMemberCommand(ACTOR, "u-43"))
                .expectEvents(new ActorMemberLeftEvent(ACTOR, "u-43", NOW));
    }

    @Test
    void removingASubjectThatHoldsNoMembershipHereIsRefusedWithoutAnEvent() {
        fixture.given(registered(), new ActorMemberJoinedEvent(ACTOR, "u-42", MemberRole.MANAGER, NOW.minusSeconds(60)))
                .when(new RemoveActorMemberCommand(ACTOR, "u-99"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aMemberRemovedOnceHasNothingLeftToRemove() {
        fixture.given(registered(), new ActorMemberJoinedEvent(ACTOR, "u-42", MemberRole.MANAGER, NOW.minusSeconds(60)),
                        new ActorMemberLeftEvent(ACTOR, "u-42", NOW.minusSeconds(10)))
                .when(new RemoveActorMemberCommand(ACTOR, "u-42"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aSubjectWhoLeftAndJoinedAgainCanBeRemovedAgain() {
        fixture.given(registered(), new ActorMemberJoinedEvent(ACTOR, "u-42", MemberRole.MANAGER, NOW.minusSeconds(60)),
                        new ActorMemberLeftEvent(ACTOR, "u-42", NOW.minusSeconds(40)),
                        new ActorMemberJoinedEvent(ACTOR, "u-42", MemberRole.MANAGER, NOW.minusSeconds(20)))
                .when(new RemoveActorMemberCommand(ACTOR, "u-42"))
                .expectEvents(new ActorMemberLeftEvent(ACTOR, "u-42", NOW));
    }

    private static ActorRegisteredEvent registered() {
        return new ActorRegisteredEvent(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8), "Plateforme de mobilité", NOW);
    }
}
