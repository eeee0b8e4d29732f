package fr.labos.partenariats.profile.actor.command;

import fr.labos.partenariats.profile.domain.ConflictException;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.profile.ActorInvitationRedeemedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberInvitedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberLeftEvent;
import fr.labos.partenariats.schema.profile.ActorMemberRoleChangedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.ChangeActorMemberRoleCommand;
import fr.labos.partenariats.schema.profile.JoinActorByInvitationCommand;
import fr.labos.partenariats.schema.profile.MemberRole;
import fr.labos.partenariats.schema.profile.RemoveActorMemberCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static fr.labos.partenariats.schema.profile.MemberRole.MANAGER;
import static fr.labos.partenariats.schema.profile.MemberRole.MEMBER;

/**
 * The roles of the members granted here: a manager names others, and while members remain one of them at least is a
 * manager. Who may ask (a manager, a facilitator of the territory, an admin) is checked before the command.
 */
class ActorMemberRoleTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final String ACTOR = "actor-1";
    private static final String DIGEST = "0".repeat(64);

    private AggregateTestFixture<Actor> fixture;

    @BeforeEach
    void setUp() {
        fixture = ActorFixtures.at(NOW);
    }

    @Test
    void aManagerNamesAColleagueManager() {
        fixture.given(registered(), joined("u-founder", MANAGER), joined("u-colleague", MEMBER))
                .when(new ChangeActorMemberRoleCommand(ACTOR, "u-colleague", MANAGER))
                .expectEvents(new ActorMemberRoleChangedEvent(ACTOR, "u-colleague", MANAGER, NOW));
    }

    @Test
    void aManagerIsMadeAMemberOnlyWhileAnotherManagerRemains() {
        fixture.given(registered(), joined("u-founder", MANAGER), joined("u-colleague", MANAGER))
                .when(new ChangeActorMemberRoleCommand(ACTOR, "u-founder", MEMBER))
                .expectEvents(new ActorMemberRoleChangedEvent(ACTOR, "u-founder", MEMBER, NOW));
    }

    @Test
    void theLastManagerStaysOneEvenAlone() {
        fixture.given(registered(), joined("u-founder", MANAGER), joined("u-colleague", MEMBER))
                .when(new ChangeActorMemberRoleCommand(ACTOR, "u-founder", MEMBER))
                .expectException(ConflictException.class)
                .expectExceptionMessage("conflict.member.last-manager []")
                .expectNoEvents();
        fixture.given(registered(), joined("u-founder", MANAGER))
                .when(new ChangeActorMemberRoleCommand(ACTOR, "u-founder", MEMBER))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aManagerNamedAgainIsNotRecordedTwice() {
        fixture.given(registered(), joined("u-founder", MANAGER), joined("u-colleague", MEMBER),
                        new ActorMemberRoleChangedEvent(ACTOR, "u-colleague", MANAGER, NOW.minusSeconds(5)))
                .when(new ChangeActorMemberRoleCommand(ACTOR, "u-colleague", MANAGER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyACurrentMemberHasARoleToChange() {
        fixture.given(registered(), joined("u-founder", MANAGER), joined("u-colleague", MEMBER),
                        new ActorMemberLeftEvent(ACTOR, "u-colleague", NOW.minusSeconds(5)))
                .when(new ChangeActorMemberRoleCommand(ACTOR, "u-colleague", MANAGER))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void theLastManagerLeavesOnlyWithTheLastMember() {
        fixture.given(registered(), joined("u-founder", MANAGER), joined("u-colleague", MEMBER))
                .when(new RemoveActorMemberCommand(ACTOR, "u-founder"))
                .expectException(ConflictException.class)
                .expectExceptionMessage("conflict.member.last-manager []")
                .expectNoEvents();
        fixture.given(registered(), joined("u-founder", MANAGER))
                .when(new RemoveActorMemberCommand(ACTOR, "u-founder"))
                .expectEvents(new ActorMemberLeftEvent(ACTOR, "u-founder", NOW));
    }

    @Test
    void aManagerLeavesOnceAColleagueWasNamedManager() {
        fixture.given(registered(), joined("u-founder", MANAGER), joined("u-colleague", MEMBER),
                        new ActorMemberRoleChangedEvent(ACTOR, "u-colleague", MANAGER, NOW.minusSeconds(5)))
                .when(new RemoveActorMemberCommand(ACTOR, "u-founder"))
                .expectEvents(new ActorMemberLeftEvent(ACTOR, "u-founder", NOW));
    }

    @Test
    void aMemberWhoLeftAndCameBackWithAnInvitationIsAMemberAgainNotTheManagerItWas() {
        fixture.given(registered(), joined("u-founder", MANAGER), joined("u-colleague", MANAGER),
                        new ActorMemberLeftEvent(ACTOR, "u-colleague", NOW.minusSeconds(10)),
                        joined("u-colleague", MEMBER))
                // u-founder is the only manager again: u-colleague's former role did not come back with it.
                .when(new RemoveActorMemberCommand(ACTOR, "u-founder"))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    /**
     * A facilitator registered the association, invited its contact, and left before the code was used: the contact,
     * alone, manages the organisation (a member without a manager could invite no one).
     */
    @Test
    void aColleagueJoiningAnOrganisationWithoutAManagerBecomesItsManager() {
        fixture.given(registered(), joined("u-facilitator", MANAGER),
                        new ActorMemberInvitedEvent(ACTOR, "inv-1", DIGEST, NOW.plusSeconds(3600), NOW.minusSeconds(50)),
                        new ActorMemberLeftEvent(ACTOR, "u-facilitator", NOW.minusSeconds(40)))
                .when(new JoinActorByInvitationCommand(ACTOR, "inv-1", DIGEST),
                        Map.of(PrincipalMetadata.SUBJECT, "u-contact", PrincipalMetadata.ROLE, "ACTOR_MEMBER"))
                .expectEvents(new ActorInvitationRedeemedEvent(ACTOR, "inv-1", "u-contact", NOW),
                        new ActorMemberJoinedEvent(ACTOR, "u-contact", MANAGER, NOW));
    }

    private static ActorMemberJoinedEvent joined(String subject, MemberRole role) {
        return new ActorMemberJoinedEvent(ACTOR, subject, role, NOW.minusSeconds(60));
    }

    private static ActorRegisteredEvent registered() {
        return new ActorRegisteredEvent(ACTOR, "Wimoov Isère", ActorType.ASSOCIATION, "38185", Set.of(), Set.of(),
                null, NOW.minusSeconds(120));
    }
}
