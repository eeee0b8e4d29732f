package fr.labos.partenariats.matchmaking.introduction.command;

import org.axonframework.messaging.Message;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import fr.labos.partenariats.schema.matching.AcceptIntroductionCommand;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.MatchSnapshot;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import fr.labos.partenariats.schema.matching.ProposeIntroductionCommand;
import fr.labos.partenariats.schema.matching.Proposer;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** One introduction between an association and a foundation, as the aggregate tests tell its story. */
final class IntroductionSamples {

    static final Instant NOW = Instant.parse("2026-03-09T08:30:00Z");
    static final Instant ANSWER_BY = NOW.plus(Duration.ofDays(14));
    static final String ID = "intro-1";
    static final String ASSOCIATION = "actor-association";
    static final String FOUNDATION = "actor-foundation";
    static final String STRANGER = "actor-stranger";
    static final Proposer MEMBER = new Proposer("u-member", "ACTOR_MEMBER");
    static final List<NeedOfferPair> PAIRS = List.of(new NeedOfferPair("need-1", "offer-1"));
    static final MatchSnapshot MATCH = new MatchSnapshot("complementarity-2", 0.82,
            Map.of("category", 1.0, "territory", 0.8),
            "L'association cherche un financement ; la fondation en offre un.");

    private IntroductionSamples() {
    }

    /** A fixture whose clock and deadline manager both stand at {@link #NOW}, no pair claimed yet. */
    static AggregateTestFixture<Introduction> fixture(AnswerPeriod answerPeriod) {
        return fixture(NOW, answerPeriod, new OpenPairsInMemory());
    }

    /** The same story told later: the clock stands at {@code now}, for meetings and outcomes. */
    static AggregateTestFixture<Introduction> fixtureAt(Instant now) {
        return fixture(now, AnswerPeriod.DEFAULT, new OpenPairsInMemory());
    }

    static AggregateTestFixture<Introduction> fixture(Instant now, AnswerPeriod answerPeriod, OpenPairs openPairs) {
        return fixture(now, answerPeriod, openPairs, new LastingPairsInMemory());
    }

    static AggregateTestFixture<Introduction> fixture(Instant now, AnswerPeriod answerPeriod, OpenPairs openPairs,
                                                      LastingPairs lastingPairs) {
        AggregateTestFixture<Introduction> fixture = new AggregateTestFixture<>(Introduction.class);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource(answerPeriod);
        fixture.registerInjectableResource(openPairs);
        fixture.registerInjectableResource(lastingPairs);
        return fixture;
    }

    static ProposeIntroductionCommand askedByTheAssociation() {
        return new ProposeIntroductionCommand(ID, IntroductionSource.ACTOR_REQUEST, ASSOCIATION, FOUNDATION, PAIRS,
                MATCH, MEMBER, "Nous aimerions présenter notre plateforme de mobilité.");
    }

    /**
     * The events of a proposal: exactly {@code expected}, with the id of the answer deadline it scheduled (the
     * deadline manager makes the id, so only its presence can be expected).
     */
    static Matcher<List<Message<?>>> proposal(IntroductionProposedEvent expected) {
        Matcher<IntroductionProposedEvent> sameWithADeadline = new CustomTypeSafeMatcher<>(
                expected + " with its answer deadline's id") {
            @Override
            protected boolean matchesSafely(IntroductionProposedEvent actual) {
                return actual.answerDeadlineId() != null
                        && actual.equals(withDeadline(expected, actual.answerDeadlineId()));
            }
        };
        return Matchers.payloadsMatching(Matchers.exactSequenceOf(sameWithADeadline, Matchers.andNoMore()));
    }

    static IntroductionProposedEvent withDeadline(IntroductionProposedEvent event, String deadlineId) {
        return new IntroductionProposedEvent(event.introductionId(), event.source(), event.actorId(),
                event.partnerActorId(), event.pairs(), event.match(), event.proposedBy(), event.note(),
                event.proposedAt(), event.answerBy(), deadlineId);
    }

    static IntroductionProposedEvent proposed() {
        return new IntroductionProposedEvent(ID, IntroductionSource.ACTOR_REQUEST, ASSOCIATION, FOUNDATION, PAIRS,
                MATCH, MEMBER, "Nous aimerions présenter notre plateforme de mobilité.", NOW, ANSWER_BY, null);
    }

    static AcceptIntroductionCommand acceptBy(String actorId) {
        return new AcceptIntroductionCommand(ID, actorId);
    }

    static IntroductionAcceptedEvent acceptedBy(String actorId, boolean bothSides) {
        return new IntroductionAcceptedEvent(ID, actorId, bothSides, NOW);
    }

    /** The events of an introduction both sides accepted. */
    static Object[] acceptedByBothSides() {
        return new Object[]{proposed(), acceptedBy(ASSOCIATION, false), acceptedBy(FOUNDATION, true)};
    }
}
