package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.projection.MalformedEventException;
import fr.labos.partenariats.matchmaking.support.IntroductionStories;
import fr.labos.partenariats.matchmaking.support.IntroductionStories.Told;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntroductionViewChangesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final NeedOfferPair PAIR = new NeedOfferPair("n1", "o1");

    @Test
    void aFullLifecycleLeavesEveryStepWithWhoTookItAndTheMilestones() {
        IntroductionView view = new IntroductionView();
        for (Told told : new IntroductionStories().fullLifecycle("i1", "a", "b", PAIR, T0).events()) {
            assertThat(IntroductionViewChanges.apply(view, event(told))).isTrue();
        }

        assertThat(view.stage).isEqualTo(IntroductionStage.PARTNERSHIP);
        assertThat(view.sequence).isEqualTo(6);
        assertThat(view.acceptedBy).containsExactly("a", "b");
        assertThat(view.acceptedAt).isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(view.firstMetAt).as("the meeting's start, not when it was recorded").isEqualTo(T0.plus(Duration.ofDays(10)));
        assertThat(view.followUpOn).isEqualTo(LocalDate.of(2026, 3, 22));
        assertThat(view.partnershipOn).isEqualTo(LocalDate.of(2026, 4, 11));
        assertThat(view.meetings).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo("held"));
        assertThat(view.steps).extracting(IntroductionView.TimelineStep::type).containsExactly(
                "IntroductionProposedEvent", "IntroductionAcceptedEvent", "IntroductionAcceptedEvent",
                "MeetingScheduledEvent", "MeetingHeldEvent", "OutcomeRecordedEvent", "OutcomeRecordedEvent");
        IntroductionView.TimelineStep secondAcceptance = view.steps.get(2);
        assertThat(secondAcceptance.subject()).isEqualTo("sub-b");
        assertThat(secondAcceptance.role()).isEqualTo("ACTOR_MEMBER");
        assertThat(secondAcceptance.actingFor()).isEqualTo("b");
        assertThat(secondAcceptance.what()).isEqualTo("acceptée par les deux parties");
        IntroductionView.TimelineStep partnership = view.steps.get(6);
        assertThat(partnership.outcome()).isEqualTo("PARTNERSHIP_FORMED");
        assertThat(partnership.outcomeLabel()).isEqualTo("partenariat conclu");
        assertThat(partnership.form()).isEqualTo("RESOURCES");
        assertThat(partnership.category()).isEqualTo("FUNDING");
        assertThat(partnership.text()).isEqualTo("Convention signée");
    }

    @Test
    void aRedeliveredOrOlderEventChangesNothing() {
        List<Told> story = new IntroductionStories().declined("i2", "a", "b", PAIR, T0).events();
        IntroductionView view = new IntroductionView();
        story.forEach(told -> IntroductionViewChanges.apply(view, event(told)));

        for (Told told : story) {
            assertThat(IntroductionViewChanges.apply(view, event(told))).isFalse();
        }
        assertThat(view.steps).hasSize(2);
        assertThat(view.stage).isEqualTo(IntroductionStage.DECLINED);
        assertThat(view.steps.get(1).reason()).isEqualTo("COMPETITOR");
        assertThat(view.steps.get(1).reasonLabel()).isEqualTo("concurrent");
    }

    @Test
    void oneSideAcceptingLeavesItProposedAndWaitingForTheOtherOnly() {
        IntroductionView view = new IntroductionView();
        new IntroductionStories().waiting("i3", "a", "b", T0, Duration.ofDays(14)).events()
                .forEach(told -> IntroductionViewChanges.apply(view, event(told)));
        IntroductionViewChanges.apply(view, new IntroductionEvent("e", "IntroductionAcceptedEvent", "i3", 1, T0,
                new IntroductionAcceptedEvent("i3", "a", false, T0), "sub-a", "ACTOR_MEMBER", "a"));

        assertThat(view.stage).isEqualTo(IntroductionStage.PROPOSED);
        assertThat(view.waitsFor("a")).isFalse();
        assertThat(view.waitsFor("b")).isTrue();
        assertThat(view.waitsFor("c")).as("not a side").isFalse();
    }

    @Test
    void anEventMissingWhatTheContractRequiresIsRefusedBeforeTouchingTheView() {
        IntroductionView view = new IntroductionView();
        IntroductionEvent noDate = new IntroductionEvent("e", "IntroductionAcceptedEvent", "i4", 0, T0,
                new IntroductionAcceptedEvent("i4", "a", true, null), null, null, null);

        assertThatThrownBy(() -> IntroductionViewChanges.apply(view, noDate)).isInstanceOf(MalformedEventException.class);
        assertThat(view.sequence).isEqualTo(-1);
        assertThat(view.acceptedBy).isEmpty();
        assertThat(view.steps).isEmpty();
    }

    static IntroductionEvent event(Told told) {
        return new IntroductionEvent(told.introductionId() + "#" + told.sequence(), EventCatalog.typeName(told.event().getClass()),
                told.introductionId(), told.sequence(), told.at(), told.event(),
                told.principal() == null ? null : told.principal().subject(),
                told.principal() == null ? null : told.principal().role(),
                told.principal() == null ? null : told.principal().actingFor());
    }
}
