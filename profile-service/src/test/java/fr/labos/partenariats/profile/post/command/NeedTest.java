package fr.labos.partenariats.profile.post.command;

import fr.labos.partenariats.profile.domain.ConflictException;
import fr.labos.partenariats.profile.domain.InvalidInputException;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.FulfilNeedCommand;
import fr.labos.partenariats.schema.profile.NeedFulfilledEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedUpdatedEvent;
import fr.labos.partenariats.schema.profile.NeedWithdrawnEvent;
import fr.labos.partenariats.schema.profile.PostDetails;
import fr.labos.partenariats.schema.profile.RegisterNeedCommand;
import fr.labos.partenariats.schema.profile.UpdateNeedCommand;
import fr.labos.partenariats.schema.profile.WithdrawNeedCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

class NeedTest {

    /** 23:30 UTC on 25 November is already 26 November in Paris. */
    private static final Instant NOW = Instant.parse("2026-11-25T23:30:00Z");
    private static final String NEED = "need-1";
    private static final String ACTOR = "actor-1";

    private AggregateTestFixture<Need> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Need.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((ActorRegistry) actorId -> actorId.equals(ACTOR));
    }

    @Test
    void aRegisteredActorCanPostANeed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterNeedCommand(NEED, ACTOR, details(LocalDate.of(2027, 6, 30))))
                .expectEvents(new NeedRegisteredEvent(NEED, ACTOR, details(LocalDate.of(2027, 6, 30)), NOW));
    }

    @Test
    void anUnknownActorCannotPostANeed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterNeedCommand(NEED, "stranger", details(null)))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aNeedValidUntilYesterdayInParisIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterNeedCommand(NEED, ACTOR, details(LocalDate.of(2026, 11, 25))))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("invalid.post.valid-until [2026-11-25]")
                .expectNoEvents();
    }

    @Test
    void aNeedValidUntilTodayInParisIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(new RegisterNeedCommand(NEED, ACTOR, details(LocalDate.of(2026, 11, 26))))
                .expectSuccessfulHandlerExecution();
    }

    /** Ten years ahead is the furthest a post stands; a year of five million is a typing error, not a long need. */
    @Test
    void aNeedValidUntilMoreThanTenYearsAheadIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterNeedCommand(NEED, ACTOR, details(LocalDate.of(2036, 11, 26))))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new RegisterNeedCommand(NEED, ACTOR, details(LocalDate.of(2036, 11, 27))))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("invalid.post.valid-until-too-far [2036-11-27, 10]")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterNeedCommand(NEED, ACTOR, details(LocalDate.of(6_000_000, 1, 1))))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aNeedScopedToAnUnknownTerritoryIsRejected() {
        PostDetails nowhere = new PostDetails(ResourceCategory.FUNDING, PartnershipForm.RESOURCES, "Financement",
                null, Set.of(), Set.of(), new TerritoryRef("00", TerritoryLevel.DEPARTEMENT), null);
        fixture.givenNoPriorActivity()
                .when(new RegisterNeedCommand(NEED, ACTOR, nowhere))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void theOwnerCanUpdateAnOpenNeed() {
        PostDetails changed = details(LocalDate.of(2027, 12, 31));
        fixture.given(registered())
                .when(new UpdateNeedCommand(NEED, ACTOR, changed))
                .expectEvents(new NeedUpdatedEvent(NEED, ACTOR, changed));
    }

    @Test
    void anotherActorCannotTouchTheNeed() {
        fixture.given(registered())
                .when(new WithdrawNeedCommand(NEED, "actor-2", "pas à moi"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void theOwnerCanWithdrawANeed() {
        fixture.given(registered())
                .when(new WithdrawNeedCommand(NEED, ACTOR, "projet reporté"))
                .expectEvents(new NeedWithdrawnEvent(NEED, ACTOR, "projet reporté", NOW));
    }

    @Test
    void cannotWithdrawANeedTwice() {
        fixture.given(registered(), new NeedWithdrawnEvent(NEED, ACTOR, null, NOW))
                .when(new WithdrawNeedCommand(NEED, ACTOR, null))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void cannotUpdateAWithdrawnNeed() {
        fixture.given(registered(), new NeedWithdrawnEvent(NEED, ACTOR, null, NOW))
                .when(new UpdateNeedCommand(NEED, ACTOR, details(null)))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aFulfilledNeedCannotBeFulfilledOrWithdrawnAgain() {
        fixture.given(registered(), new NeedFulfilledEvent(NEED, ACTOR, "trouvé", NOW))
                .when(new WithdrawNeedCommand(NEED, ACTOR, null))
                .expectException(ConflictException.class)
                .expectExceptionMessage("conflict.need.fulfilled [need-1]");
    }

    @Test
    void theOwnerCanMarkANeedFulfilled() {
        fixture.given(registered())
                .when(new FulfilNeedCommand(NEED, ACTOR, "financé par la fondation"))
                .expectEvents(new NeedFulfilledEvent(NEED, ACTOR, "financé par la fondation", NOW));
    }

    private static NeedRegisteredEvent registered() {
        return new NeedRegisteredEvent(NEED, ACTOR, details(null), NOW);
    }

    private static PostDetails details(LocalDate validUntil) {
        return new PostDetails(ResourceCategory.FUNDING, PartnershipForm.RESOURCES, "Financer une plateforme de mobilité",
                "Ouvrir une plateforme à La Mure", Set.of(Theme.MOBILITY), Set.of(Sdg.ODD_8, Sdg.ODD_10),
                new TerritoryRef("38", TerritoryLevel.DEPARTEMENT), validUntil);
    }
}
