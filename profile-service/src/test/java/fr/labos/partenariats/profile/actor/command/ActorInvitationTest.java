package fr.labos.partenariats.profile.actor.command;

import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.profile.domain.ConflictException;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.ActorInvitationRedeemedEvent;
import fr.labos.partenariats.schema.profile.ActorInvitationRevokedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberInvitedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberLeftEvent;
import fr.labos.partenariats.schema.profile.ActorMemberRoleChangedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.InviteActorMemberCommand;
import fr.labos.partenariats.schema.profile.JoinActorByInvitationCommand;
import fr.labos.partenariats.schema.profile.MemberRole;
import fr.labos.partenariats.schema.profile.RevokeActorInvitationCommand;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.startsWith;

/** Inviting a colleague to join an actor, the colleague joining with the code, and an invitation withdrawn. */
class ActorInvitationTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final String ACTOR = "actor-1";
    private static final String INVITATION = "4e0d7c52-8a3b-4f6e-b1d9-0c2a7e5f9b13";
    private static final String DIGEST = "8a5bdb4cc15164126c6ef2668de9dd240d299ce6397a42c95a9411b93d080ed8";
    private static final String OTHER_DIGEST = "52de8228a75a1a379c8d3b634e53b2d9ca6a302d3b08b23e57226e930dfdcb49";
    private static final Instant IN_A_WEEK = NOW.plus(Duration.ofDays(7));
    private static final Map<String, ?> COLLEAGUE = Map.of(PrincipalMetadata.SUBJECT, "u-colleague",
            PrincipalMetadata.ROLE, "ACTOR_MEMBER");

    private AggregateTestFixture<Actor> fixture;

    @BeforeEach
    void setUp() {
        fixture = ActorFixtures.at(NOW);
    }

    @Test
    void anInvitationKeepsTheDigestOfItsCodeAndWhenItExpires() {
        fixture.given(registered())
                .when(new InviteActorMemberCommand(ACTOR, INVITATION, DIGEST, IN_A_WEEK))
                .expectEvents(new ActorMemberInvitedEvent(ACTOR, INVITATION, DIGEST, IN_A_WEEK, NOW));
    }

    @Test
    void aTwentyFirstInvitationWaitingIsRefusedButThoseUsedWithdrawnOrExpiredDoNotCount() {
        List<Object> history = new ArrayList<>(List.of(registered()));
        for (int i = 0; i < Actor.MAX_PENDING_INVITATIONS - 1; i++) {
            history.add(new ActorMemberInvitedEvent(ACTOR, "waiting-" + i, DIGEST, IN_A_WEEK, NOW.minusSeconds(60)));
        }
        history.add(new ActorMemberInvitedEvent(ACTOR, "used", DIGEST, IN_A_WEEK, NOW.minusSeconds(60)));
        history.add(new ActorInvitationRedeemedEvent(ACTOR, "used", "u-colleague", NOW.minusSeconds(30)));
        history.add(new ActorMemberInvitedEvent(ACTOR, "withdrawn", DIGEST, IN_A_WEEK, NOW.minusSeconds(60)));
        history.add(new ActorInvitationRevokedEvent(ACTOR, "withdrawn", NOW.minusSeconds(30)));
        history.add(new ActorMemberInvitedEvent(ACTOR, "expired", DIGEST, NOW, NOW.minus(Duration.ofDays(7))));

        fixture.given(history)
                .when(new InviteActorMemberCommand(ACTOR, INVITATION, DIGEST, IN_A_WEEK))
                .expectEvents(new ActorMemberInvitedEvent(ACTOR, INVITATION, DIGEST, IN_A_WEEK, NOW));

        history.add(new ActorMemberInvitedEvent(ACTOR, INVITATION, DIGEST, IN_A_WEEK, NOW));
        fixture.given(history)
                .when(new InviteActorMemberCommand(ACTOR, "one-too-many", DIGEST, IN_A_WEEK))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void theRightCodeMakesItsHolderAMemberNotAManager() {
        fixture.given(registered(), founder(), invited())
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), COLLEAGUE)
                .expectEvents(new ActorInvitationRedeemedEvent(ACTOR, INVITATION, "u-colleague", NOW),
                        new ActorMemberJoinedEvent(ACTOR, "u-colleague", MemberRole.MEMBER, NOW));
    }

    @Test
    void aWrongCodeOrAnUnknownInvitationIsTheSameNotFoundAndWritesNothing() {
        fixture.given(registered(), invited())
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, OTHER_DIGEST), COLLEAGUE)
                .expectException(NotFoundException.class)
                .expectExceptionMessage("not-found.invitation []")
                .expectNoEvents();
        fixture.given(registered(), invited())
                .when(new JoinActorByInvitationCommand(ACTOR, "never-made", DIGEST), COLLEAGUE)
                .expectException(NotFoundException.class)
                .expectExceptionMessage("not-found.invitation []")
                .expectNoEvents();
    }

    @Test
    void aWrongCodeForAnInvitationAlreadyUsedSaysNothingOfItsUse() {
        fixture.given(registered(), invited(), new ActorInvitationRedeemedEvent(ACTOR, INVITATION, "u-first", NOW.minusSeconds(5)))
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, OTHER_DIGEST), COLLEAGUE)
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void anInvitationServesOnce() {
        fixture.given(registered(), invited(), new ActorInvitationRedeemedEvent(ACTOR, INVITATION, "u-first", NOW.minusSeconds(5)),
                        new ActorMemberJoinedEvent(ACTOR, "u-first", MemberRole.MEMBER, NOW.minusSeconds(5)))
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), COLLEAGUE)
                .expectException(ConflictException.class)
                .expectExceptionMessage("conflict.invitation.redeemed []")
                .expectNoEvents();
    }

    @Test
    void aWithdrawnInvitationNoLongerWorks() {
        fixture.given(registered(), invited(), new ActorInvitationRevokedEvent(ACTOR, INVITATION, NOW.minusSeconds(5)))
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), COLLEAGUE)
                .expectException(ConflictException.class)
                .expectExceptionMessage("conflict.invitation.revoked []")
                .expectNoEvents();
    }

    @Test
    void anInvitationNoLongerWorksFromTheMomentItExpires() {
        fixture.given(registered(), new ActorMemberInvitedEvent(ACTOR, INVITATION, DIGEST, NOW, NOW.minus(Duration.ofDays(7))))
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), COLLEAGUE)
                .expectException(ConflictException.class)
                .expectExceptionMessage(startsWith("conflict.invitation.expired "))
                .expectNoEvents();
        fixture.given(registered(), new ActorMemberInvitedEvent(ACTOR, INVITATION, DIGEST, NOW.plusMillis(1), NOW.minus(Duration.ofDays(7))))
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), COLLEAGUE)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCurrentMemberIsToldSoAndLeavesTheInvitationForItsColleague() {
        fixture.given(registered(), new ActorMemberJoinedEvent(ACTOR, "u-colleague", MemberRole.MEMBER, NOW.minusSeconds(60)), invited())
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), COLLEAGUE)
                .expectException(ConflictException.class)
                .expectExceptionMessage("conflict.member.already []")
                .expectNoEvents();
    }

    @Test
    void aFormerMemberMayComeBackWithANewInvitation() {
        fixture.given(registered(), founder(), new ActorMemberJoinedEvent(ACTOR, "u-colleague", MemberRole.MEMBER, NOW.minusSeconds(60)),
                        new ActorMemberLeftEvent(ACTOR, "u-colleague", NOW.minusSeconds(30)), invited())
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), COLLEAGUE)
                .expectEvents(new ActorInvitationRedeemedEvent(ACTOR, INVITATION, "u-colleague", NOW),
                        new ActorMemberJoinedEvent(ACTOR, "u-colleague", MemberRole.MEMBER, NOW));
    }

    @Test
    void aManagerRemovedAfterMakingAnInvitationDoesNotComeBackWithItsCode() {
        Map<String, ?> alice = Map.of(PrincipalMetadata.SUBJECT, "u-alice", PrincipalMetadata.ROLE, "ACTOR_MEMBER");
        // Bob, the other manager, removes Alice, who kept the code of an invitation she made.
        fixture.given(registered(), manager("u-alice"), manager("u-bob"), invited(),
                        new ActorMemberLeftEvent(ACTOR, "u-alice", NOW.minusSeconds(60)))
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), alice)
                .expectException(ConflictException.class)
                .expectExceptionMessage("conflict.invitation.made-before-leaving []")
                .expectNoEvents();
        // Removed as the last member (by a facilitator, say): without the rule she would come back as the manager.
        fixture.given(registered(), manager("u-alice"), invited(),
                        new ActorMemberLeftEvent(ACTOR, "u-alice", NOW.minusSeconds(60)))
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), alice)
                .expectException(ConflictException.class)
                .expectExceptionMessage("conflict.invitation.made-before-leaving []")
                .expectNoEvents();
        // Made a member only, then removed: the codes she made as a manager do not bring her back either.
        fixture.given(registered(), manager("u-alice"), manager("u-bob"), invited(),
                        new ActorMemberRoleChangedEvent(ACTOR, "u-alice", MemberRole.MEMBER, NOW.minusSeconds(90)),
                        new ActorMemberLeftEvent(ACTOR, "u-alice", NOW.minusSeconds(60)))
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), alice)
                .expectException(ConflictException.class)
                .expectExceptionMessage("conflict.invitation.made-before-leaving []")
                .expectNoEvents();
    }

    @Test
    void whoLeftOfTheirOwnAccordComesBackWithACodeGivenBefore() {
        Map<String, ?> alice = Map.of(PrincipalMetadata.SUBJECT, "u-alice", PrincipalMetadata.ROLE, "ACTOR_MEMBER");
        fixture.given(registered(), manager("u-alice"), manager("u-bob"), invited())
                .andGiven(new GenericDomainEventMessage<>("Actor", ACTOR, 4,
                        new ActorMemberLeftEvent(ACTOR, "u-alice", NOW.minusSeconds(60)), MetaData.from(alice)))
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), alice)
                .expectEvents(new ActorInvitationRedeemedEvent(ACTOR, INVITATION, "u-alice", NOW),
                        new ActorMemberJoinedEvent(ACTOR, "u-alice", MemberRole.MEMBER, NOW));
    }

    @Test
    void anInvitationMadeBeforeAMemberLeftStillServesTheColleagueItWasMadeFor() {
        // The last member invites a colleague and leaves: the colleague takes over (guard of the rule above).
        fixture.given(registered(), manager("u-alice"), invited(),
                        new ActorMemberLeftEvent(ACTOR, "u-alice", NOW.minusSeconds(60)))
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), COLLEAGUE)
                .expectEvents(new ActorInvitationRedeemedEvent(ACTOR, INVITATION, "u-colleague", NOW),
                        new ActorMemberJoinedEvent(ACTOR, "u-colleague", MemberRole.MANAGER, NOW));
    }

    @Test
    void whoMadeTheInvitationCannotUseItAndNothingIsWritten() {
        // A member known by its token alone invites, then gives its own code back: it would keep a membership here
        // once the identity provider no longer names it, and as manager, none being stored.
        fixture.given(registered())
                .andGiven(invitedBy(1, COLLEAGUE))
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), COLLEAGUE)
                .expectException(ConflictException.class)
                .expectExceptionMessage("conflict.invitation.own []")
                .expectNoEvents();
        // A facilitator of the territory, to keep acting for the actor once it no longer serves it.
        Map<String, ?> facilitator = Map.of(PrincipalMetadata.SUBJECT, "u-facilitator", PrincipalMetadata.ROLE, "FACILITATOR");
        fixture.given(registered(), founder())
                .andGiven(invitedBy(2, facilitator))
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), facilitator)
                .expectException(ConflictException.class)
                .expectExceptionMessage("conflict.invitation.own []")
                .expectNoEvents();
    }

    @Test
    void anInvitationMadeBySomeoneServesTheColleagueItIsHandedTo() {
        Map<String, ?> facilitator = Map.of(PrincipalMetadata.SUBJECT, "u-facilitator", PrincipalMetadata.ROLE, "FACILITATOR");
        fixture.given(registered())
                .andGiven(invitedBy(1, facilitator))
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST), COLLEAGUE)
                .expectEvents(new ActorInvitationRedeemedEvent(ACTOR, INVITATION, "u-colleague", NOW),
                        new ActorMemberJoinedEvent(ACTOR, "u-colleague", MemberRole.MANAGER, NOW));
    }

    @Test
    void aViewerNeverJoinsEvenWithTheRightCode() {
        fixture.given(registered(), invited())
                .when(new JoinActorByInvitationCommand(ACTOR, INVITATION, DIGEST),
                        Map.of(PrincipalMetadata.SUBJECT, "u-viewer", PrincipalMetadata.ROLE, "VIEWER"))
                .expectException(ActionForbiddenException.class)
                .expectNoEvents();
    }

    @Test
    void anExpiredInvitationHasNothingLeftToWithdraw() {
        fixture.given(registered(), new ActorMemberInvitedEvent(ACTOR, INVITATION, DIGEST, NOW, NOW.minus(Duration.ofDays(7))))
                .when(new RevokeActorInvitationCommand(ACTOR, INVITATION))
                .expectException(ConflictException.class)
                .expectExceptionMessage(startsWith("conflict.invitation.expired "))
                .expectNoEvents();
    }

    @Test
    void aWaitingInvitationCanBeWithdrawnOnce() {
        fixture.given(registered(), invited())
                .when(new RevokeActorInvitationCommand(ACTOR, INVITATION))
                .expectEvents(new ActorInvitationRevokedEvent(ACTOR, INVITATION, NOW));
        fixture.given(registered(), invited(), new ActorInvitationRevokedEvent(ACTOR, INVITATION, NOW.minusSeconds(5)))
                .when(new RevokeActorInvitationCommand(ACTOR, INVITATION))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void anInvitationUsedOrNeverMadeCannotBeWithdrawn() {
        fixture.given(registered(), invited(), new ActorInvitationRedeemedEvent(ACTOR, INVITATION, "u-first", NOW.minusSeconds(5)))
                .when(new RevokeActorInvitationCommand(ACTOR, INVITATION))
                .expectException(ConflictException.class)
                .expectNoEvents();
        fixture.given(registered(), invited())
                .when(new RevokeActorInvitationCommand(ACTOR, "never-made"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    private static ActorMemberInvitedEvent invited() {
        return new ActorMemberInvitedEvent(ACTOR, INVITATION, DIGEST, IN_A_WEEK, NOW.minusSeconds(120));
    }

    /** {@link #invited()}, made by the principal given (in the event's metadata, as the service records it). */
    private static GenericDomainEventMessage<ActorMemberInvitedEvent> invitedBy(long sequence, Map<String, ?> principal) {
        return new GenericDomainEventMessage<>("Actor", ACTOR, sequence, invited(), MetaData.from(principal));
    }

    private static ActorRegisteredEvent registered() {
        return new ActorRegisteredEvent(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8), "Plateforme de mobilité", NOW.minus(Duration.ofDays(30)));
    }

    private static ActorMemberJoinedEvent manager(String subject) {
        return new ActorMemberJoinedEvent(ACTOR, subject, MemberRole.MANAGER, NOW.minusSeconds(300));
    }

    /** Whoever registered the actor: its manager, so that a colleague joins as a member. */
    private static ActorMemberJoinedEvent founder() {
        return new ActorMemberJoinedEvent(ACTOR, "u-founder", MemberRole.MANAGER, NOW.minusSeconds(120));
    }

}
