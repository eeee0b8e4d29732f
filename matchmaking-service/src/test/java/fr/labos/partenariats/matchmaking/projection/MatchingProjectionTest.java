package fr.labos.partenariats.matchmaking.projection;

import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.ActorContactErasedEvent;
import fr.labos.partenariats.schema.profile.ActorInvitationRedeemedEvent;
import fr.labos.partenariats.schema.profile.ActorInvitationRevokedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberInvitedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberRoleChangedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.MemberRole;
import fr.labos.partenariats.schema.profile.ActorMemberLeftEvent;
import fr.labos.partenariats.schema.profile.ActorProfileUpdatedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedFulfilledEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedUpdatedEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferUpdatedEvent;
import fr.labos.partenariats.schema.profile.OfferWithdrawnEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static fr.labos.partenariats.matchmaking.support.Posts.ECHIROLLES;
import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE;
import static fr.labos.partenariats.matchmaking.support.Posts.ISERE;
import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static org.assertj.core.api.Assertions.assertThat;

/** The projection's write side against MongoDB's wire protocol (mongo-java-server in memory). */
class MatchingProjectionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private static InMemoryMongo mongo;
    private MongoTemplate template;
    private MatchingProjection projection;
    private ProjectionReader reader;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void emptyProjection() {
        template = mongo.template();
        template.getDb().drop();
        projection = new MatchingProjection(template);
        reader = new ProjectionReader(template);
    }

    @Test
    void aRedeliveredEventLeavesTheProjectionUnchanged() {
        ActorRegisteredEvent registered = new ActorRegisteredEvent("a1", "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                Set.of(Theme.MOBILITY), Set.of(), "Plateformes de mobilité", AT);
        ActorProfileUpdatedEvent renamed = new ActorProfileUpdatedEvent("a1", "Wimoov Sud-Isère", ActorType.ASSOCIATION,
                "38269", Set.of(Theme.MOBILITY), Set.of(), "Plateformes de mobilité");
        NeedRegisteredEvent need = new NeedRegisteredEvent("n1", "a1",
                post(ResourceCategory.FUNDING).title("Financer la plateforme").sdgs(8, 10).build(), AT);
        assertThat(projection.apply(event(registered, 0))).isEqualTo(EventOutcome.APPLIED);
        assertThat(projection.apply(event(renamed, 1))).isEqualTo(EventOutcome.APPLIED);
        assertThat(projection.apply(event(need, 0))).isEqualTo(EventOutcome.APPLIED);
        List<String> actorsBefore = mongo.rawDocuments(ActorEntry.COLLECTION);
        List<String> needsBefore = mongo.rawDocuments(PostKind.NEED.collection());

        // At-least-once delivery: the same events again, the newest and an older one of the same aggregate.
        assertThat(projection.apply(event(renamed, 1))).isEqualTo(EventOutcome.DUPLICATE);
        assertThat(projection.apply(event(registered, 0))).isEqualTo(EventOutcome.DUPLICATE);
        assertThat(projection.apply(event(need, 0))).isEqualTo(EventOutcome.DUPLICATE);

        assertThat(mongo.rawDocuments(ActorEntry.COLLECTION)).isEqualTo(actorsBefore);
        assertThat(mongo.rawDocuments(PostKind.NEED.collection())).isEqualTo(needsBefore);
        assertThat(reader.actor("a1")).get().extracting(ActorEntry::name, ActorEntry::homeTerritory)
                .containsExactly("Wimoov Sud-Isère", "38269");
    }

    @Test
    void aMemberJoiningIsRecordedOnceAndChangesNothingElse() {
        projection.apply(event(new ActorRegisteredEvent("a1", "Wimoov Isère", ActorType.ASSOCIATION, "38185", Set.of(), Set.of(), "", AT), 0));
        ActorEntry before = reader.actor("a1").orElseThrow();

        assertThat(projection.apply(event(new ActorMemberJoinedEvent("a1", "u-1234", MemberRole.MEMBER, AT.plusSeconds(1)), 1))).isEqualTo(EventOutcome.APPLIED);

        ActorEntry after = reader.actor("a1").orElseThrow();
        assertThat(after.sequence()).isEqualTo(1);
        assertThat(after.name()).isEqualTo(before.name());
        assertThat(after.homeTerritory()).isEqualTo(before.homeTerritory());
        assertThat(before.members()).isNull();
        assertThat(after.members()).containsExactly("u-1234");

        List<String> documents = mongo.rawDocuments(ActorEntry.COLLECTION);
        assertThat(projection.apply(event(new ActorMemberJoinedEvent("a1", "u-1234", MemberRole.MEMBER, AT.plusSeconds(1)), 1)))
                .isEqualTo(EventOutcome.DUPLICATE);
        assertThat(mongo.rawDocuments(ActorEntry.COLLECTION)).isEqualTo(documents);
    }

    @Test
    void aMemberLeavingNoLongerActsForTheActorAndAReplayDoesNotBringItBack() {
        projection.apply(event(new ActorRegisteredEvent("a1", "Wimoov Isère", ActorType.ASSOCIATION, "38185", Set.of(), Set.of(), "", AT), 0));
        projection.apply(event(new ActorMemberJoinedEvent("a1", "u-1234", MemberRole.MEMBER, AT.plusSeconds(1)), 1));
        projection.apply(event(new ActorMemberJoinedEvent("a1", "u-5678", MemberRole.MEMBER, AT.plusSeconds(2)), 2));

        assertThat(projection.apply(event(new ActorMemberLeftEvent("a1", "u-1234", AT.plusSeconds(3)), 3)))
                .isEqualTo(EventOutcome.APPLIED);
        assertThat(reader.actor("a1").orElseThrow().members()).containsExactly("u-5678");

        // Redelivered from offset 0: the joining is older than what the entry holds, and changes nothing.
        assertThat(projection.apply(event(new ActorMemberJoinedEvent("a1", "u-1234", MemberRole.MEMBER, AT.plusSeconds(1)), 1)))
                .isEqualTo(EventOutcome.DUPLICATE);
        assertThat(reader.actor("a1").orElseThrow().members()).containsExactly("u-5678");
    }

    @Test
    void replayingAWholeStreamTwiceGivesTheSameDocuments() {
        List<ProfileEvent> stream = List.of(
                event(new ActorRegisteredEvent("a1", "Wimoov Isère", ActorType.ASSOCIATION, "38185", Set.of(), Set.of(), "", AT), 0),
                event(new OfferRegisteredEvent("o1", "a1", post(ResourceCategory.SKILLS).build(), AT), 0),
                event(new OfferUpdatedEvent("o1", "a1", post(ResourceCategory.SKILLS).title("Conseil en mobilité").build()), 1),
                event(new OfferWithdrawnEvent("o1", "a1", "pourvu", AT.plusSeconds(60)), 2),
                event(new ActorContactErasedEvent("a1", AT.plusSeconds(90)), 1));
        stream.forEach(projection::apply);
        List<String> actors = mongo.rawDocuments(ActorEntry.COLLECTION);
        List<String> offers = mongo.rawDocuments(PostKind.OFFER.collection());

        // A consumer group rebuilt from offset 0 over a live projection: every event comes again.
        assertThat(stream.stream().map(projection::apply)).containsOnly(EventOutcome.DUPLICATE);

        assertThat(mongo.rawDocuments(ActorEntry.COLLECTION)).isEqualTo(actors);
        assertThat(mongo.rawDocuments(PostKind.OFFER.collection())).isEqualTo(offers);
    }

    @Test
    void anOlderEventAfterAWithdrawalDoesNotResurrectTheOffer() {
        OfferRegisteredEvent registered = new OfferRegisteredEvent("o1", "a1", post(ResourceCategory.SKILLS).build(), AT);
        OfferUpdatedEvent updated = new OfferUpdatedEvent("o1", "a1", post(ResourceCategory.SKILLS).title("Nouveau titre").build());
        projection.apply(event(registered, 0));
        projection.apply(event(updated, 1));
        projection.apply(event(new OfferWithdrawnEvent("o1", "a1", "plus disponible", AT.plusSeconds(3600)), 2));
        assertThat(reader.findOpen(PostKind.OFFER, "o1", TODAY)).isEmpty();

        // A late redelivery of the registration and of the update, as after a consumer rebalance.
        assertThat(projection.apply(event(registered, 0))).isEqualTo(EventOutcome.DUPLICATE);
        assertThat(projection.apply(event(updated, 1))).isEqualTo(EventOutcome.DUPLICATE);

        assertThat(reader.findOpen(PostKind.OFFER, "o1", TODAY)).isEmpty();
        assertThat(reader.open(PostKind.OFFER, TODAY)).isEmpty();
        assertThat(reader.find(PostKind.OFFER, "o1")).get()
                .extracting(PostEntry::status, PostEntry::sequence, PostEntry::closedAt)
                .containsExactly(PostStatus.WITHDRAWN, 2L, AT.plusSeconds(3600));
    }

    @Test
    void aWithdrawalSeenBeforeItsRegistrationLeavesATombstoneTheRegistrationCannotOpen() {
        // Cannot happen within one partition, but a projection must not depend on luck.
        projection.apply(event(new OfferWithdrawnEvent("o1", "a1", "retirée", AT), 1));
        assertThat(projection.apply(event(new OfferRegisteredEvent("o1", "a1", post(ResourceCategory.SKILLS).build(), AT), 0)))
                .isEqualTo(EventOutcome.DUPLICATE);

        assertThat(reader.open(PostKind.OFFER, TODAY)).isEmpty();
        assertThat(reader.find(PostKind.OFFER, "o1")).get().extracting(PostEntry::status).isEqualTo(PostStatus.WITHDRAWN);
    }

    @Test
    void aFulfilledNeedLeavesTheOpenSetButKeepsItsTombstone() {
        projection.apply(event(new NeedRegisteredEvent("n1", "a1", post(ResourceCategory.FUNDING).build(), AT), 0));
        assertThat(reader.open(PostKind.NEED, TODAY)).extracting(PostEntry::id).containsExactly("n1");

        projection.apply(event(new NeedFulfilledEvent("n1", "a1", "financé par la fondation", AT.plusSeconds(10)), 1));

        assertThat(reader.open(PostKind.NEED, TODAY)).isEmpty();
        assertThat(reader.countOpen(PostKind.NEED, TODAY)).isZero();
        assertThat(reader.find(PostKind.NEED, "n1")).get()
                .extracting(PostEntry::status, PostEntry::sequence).containsExactly(PostStatus.FULFILLED, 1L);
    }

    @Test
    void anUpdateReplacesTheContent() {
        projection.apply(event(new NeedRegisteredEvent("n1", "a1", post(ResourceCategory.FUNDING)
                .title("Financer la plateforme").description("Prêt de scooters")
                .sdgs(8, 10).themes(Theme.MOBILITY, Theme.EMPLOYMENT_INSERTION).in(GRENOBLE)
                .validUntil(LocalDate.of(2027, 6, 30)).build(), AT), 0));

        projection.apply(event(new NeedUpdatedEvent("n1", "a1", post(ResourceCategory.VOLUNTEERS)
                .title("Des bénévoles pour l'auto-école sociale").description("Accompagner les apprentis conducteurs")
                .sdgs(4).themes(Theme.YOUTH_EDUCATION).in(ISERE).build()), 1));

        PostEntry need = reader.find(PostKind.NEED, "n1").orElseThrow();
        assertThat(need.category()).isEqualTo(ResourceCategory.VOLUNTEERS);
        assertThat(need.title()).isEqualTo("Des bénévoles pour l'auto-école sociale");
        assertThat(need.description()).isEqualTo("Accompagner les apprentis conducteurs");
        assertThat(need.sdgs()).containsExactly(4);
        assertThat(need.themes()).containsExactly(Theme.YOUTH_EDUCATION);
        assertThat(need.territoryCode()).isEqualTo("38");
        assertThat(need.territoryLevel()).isEqualTo(TerritoryLevel.DEPARTEMENT);
        assertThat(need.validUntil()).as("the update dropped the end date").isNull();
        assertThat(need.status()).isEqualTo(PostStatus.OPEN);
        assertThat(need.registeredAt()).as("kept from the registration").isEqualTo(AT);
    }

    @Test
    void aPostBeforeItsActorIsStoredAndJoinedWhenTheActorArrives() {
        projection.apply(event(new OfferRegisteredEvent("o1", "a2", post(ResourceCategory.FUNDING).in(ECHIROLLES).build(), AT), 0));
        assertThat(reader.open(PostKind.OFFER, TODAY)).extracting(PostEntry::actorId).containsExactly("a2");
        assertThat(reader.actors(List.of("a2"))).isEmpty();

        projection.apply(event(new ActorRegisteredEvent("a2", "Fondation Dauphiné", ActorType.FOUNDATION, "38151",
                Set.of(), Set.of(), "", AT.plusSeconds(5)), 0));

        assertThat(reader.actors(List.of("a2"))).extractingByKey("a2").extracting(ActorEntry::name).isEqualTo("Fondation Dauphiné");
    }

    @Test
    void anExpiredPostIsNotOpenFromTheDayAfterItsEndDate() {
        LocalDate endsOn = LocalDate.of(2026, 3, 31);
        projection.apply(event(new OfferRegisteredEvent("o1", "a1", post(ResourceCategory.SKILLS).validUntil(endsOn).build(), AT), 0));

        assertThat(reader.findOpen(PostKind.OFFER, "o1", endsOn)).as("still stands on its last day").isPresent();
        assertThat(reader.findOpen(PostKind.OFFER, "o1", endsOn.plusDays(1))).isEmpty();
        assertThat(reader.open(PostKind.OFFER, endsOn.plusDays(1))).isEmpty();
        assertThat(reader.countOpen(PostKind.OFFER, endsOn.plusDays(1))).isZero();
    }

    @Test
    void aPostValidForFarCenturiesIsOpenWhenReadBack() {
        // Years past 9999 print with a sign (+99999-01-01), which sorts before every digit: no string comparison.
        LocalDate farFuture = LocalDate.of(99999, 1, 1);
        projection.apply(event(new OfferRegisteredEvent("o1", "a1", post(ResourceCategory.SKILLS).validUntil(farFuture).build(), AT), 0));

        assertThat(reader.findOpen(PostKind.OFFER, "o1", TODAY)).isPresent();
        assertThat(reader.open(PostKind.OFFER, TODAY)).extracting(PostEntry::id).containsExactly("o1");
        assertThat(reader.countOpen(PostKind.OFFER, TODAY)).isOne();
        assertThat(reader.find(PostKind.OFFER, "o1").orElseThrow().details().validUntil()).isEqualTo(farFuture);
        assertThat(reader.findOpen(PostKind.OFFER, "o1", farFuture.plusDays(1))).isEmpty();
    }

    @Test
    void aContactErasureOnlyMovesTheSequenceOn() {
        projection.apply(event(new ActorRegisteredEvent("a1", "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                Set.of(Theme.MOBILITY), Set.of(), "Plateformes de mobilité", AT), 0));

        assertThat(projection.apply(event(new ActorContactErasedEvent("a1", AT.plusSeconds(5)), 1))).isEqualTo(EventOutcome.APPLIED);

        ActorEntry actor = reader.actor("a1").orElseThrow();
        assertThat(actor.sequence()).isEqualTo(1);
        assertThat(actor.name()).isEqualTo("Wimoov Isère");
        assertThat(actor.themes()).containsExactly(Theme.MOBILITY);
    }

    @Test
    void invitationsAndRolesOnlyMoveTheSequenceOnAndAreNotUnknown() {
        projection.apply(event(new ActorRegisteredEvent("a1", "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                Set.of(Theme.MOBILITY), Set.of(), "Plateformes de mobilité", AT), 0));
        List<Object> events = List.of(
                new ActorMemberInvitedEvent("a1", "inv-1", "digest", AT.plusSeconds(3600), AT.plusSeconds(1)),
                new ActorInvitationRedeemedEvent("a1", "inv-1", "u-1234", AT.plusSeconds(2)),
                new ActorMemberJoinedEvent("a1", "u-1234", MemberRole.MEMBER, AT.plusSeconds(2)),
                new ActorMemberRoleChangedEvent("a1", "u-1234", MemberRole.MANAGER, AT.plusSeconds(3)),
                new ActorInvitationRevokedEvent("a1", "inv-2", AT.plusSeconds(4)));

        for (int i = 0; i < events.size(); i++) {
            assertThat(projection.apply(event(events.get(i), i + 1))).as(events.get(i).getClass().getSimpleName())
                    .isEqualTo(EventOutcome.APPLIED);
        }

        ActorEntry actor = reader.actor("a1").orElseThrow();
        assertThat(actor.sequence()).isEqualTo(events.size());
        assertThat(actor.members()).containsExactly("u-1234");
        assertThat(actor.name()).isEqualTo("Wimoov Isère");
    }

    private static ProfileEvent event(Object payload, long sequence) {
        return new ProfileEvent("evt-" + sequence, EventCatalog.typeName(payload.getClass()), null, sequence,
                AT.plusSeconds(sequence), payload);
    }
}
