package fr.labos.partenariats.profile.post.command;

import fr.labos.partenariats.profile.domain.ConflictException;
import fr.labos.partenariats.profile.domain.InvalidInputException;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferWithdrawnEvent;
import fr.labos.partenariats.schema.profile.PostDetails;
import fr.labos.partenariats.schema.profile.RegisterOfferCommand;
import fr.labos.partenariats.schema.profile.WithdrawOfferCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

class OfferTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final String OFFER = "offer-1";
    private static final String ACTOR = "actor-1";
    private static final PostDetails SKILLS = new PostDetails(ResourceCategory.SKILLS, PartnershipForm.RESOURCES,
            "Mécénat de compétences", "Gestion financière", Set.of(), Set.of(),
            TerritoryRef.national(), null);

    private AggregateTestFixture<Offer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Offer.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((ActorRegistry) actorId -> actorId.equals(ACTOR));
    }

    @Test
    void aNationalOfferWithoutEndDateIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOfferCommand(OFFER, ACTOR, SKILLS))
                .expectEvents(new OfferRegisteredEvent(OFFER, ACTOR, SKILLS, NOW));
    }

    @Test
    void anOfferWithoutTitleIsRejected() {
        PostDetails untitled = new PostDetails(ResourceCategory.SKILLS, PartnershipForm.RESOURCES, "",
                null, Set.of(), Set.of(), new TerritoryRef("38185", TerritoryLevel.COMMUNE), null);
        fixture.givenNoPriorActivity()
                .when(new RegisterOfferCommand(OFFER, ACTOR, untitled))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawAnOfferTwice() {
        fixture.given(new OfferRegisteredEvent(OFFER, ACTOR, SKILLS, NOW), new OfferWithdrawnEvent(OFFER, ACTOR, null, NOW))
                .when(new WithdrawOfferCommand(OFFER, ACTOR, null))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }
}
