package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.projection.MalformedEventException;
import fr.labos.partenariats.matchmaking.support.IntroductionStories;
import fr.labos.partenariats.matchmaking.support.IntroductionStories.Told;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionReminderRecordedEvent;
import fr.labos.partenariats.schema.matching.MeetingHeldEvent;
import fr.labos.partenariats.schema.matching.MeetingMissedEvent;
import fr.labos.partenariats.schema.matching.MeetingScheduledEvent;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.ReminderChannel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class IntroductionViewChangesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final NeedOfferPair PAIR = new NeedOfferPair("n1", "o1");
    private static final Instant JANUARY_5 = Instant.parse("2026-01-05T09:00:00Z");
    private static final LocalDate FEBRUARY_1 = LocalDate.of(2026, 2, 1);
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

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
    void theProposalsStepSaysWhereItCameFrom() {
        IntroductionView byTheMatcher = new IntroductionView();
        new IntroductionStories().declined("i1", "a", "b", PAIR, T0).events()
                .forEach(told -> IntroductionViewChanges.apply(byTheMatcher, event(told)));
        assertThat(byTheMatcher.steps.get(0).what()).isEqualTo("proposée par l'algorithme de mise en relation");
        IntroductionView byHand = new IntroductionView();
        new IntroductionStories().withdrawn("i2", "a", "b", T0).events()
                .forEach(told -> IntroductionViewChanges.apply(byHand, event(told)));
        assertThat(byHand.steps.get(0).what()).isEqualTo("proposée par l'équipe du labo (intermédiation)");
    }

    @Test
    void anInboxLineSaysWhoWroteTheProposalsNote() {
        IntroductionView byHand = new IntroductionView();
        new IntroductionStories().waiting("i1", "a", "b", T0, Duration.ofDays(14)).events()
                .forEach(told -> IntroductionViewChanges.apply(byHand, event(told)));
        IntroductionViewJson.InboxEntry line = IntroductionViewJson.inboxEntry(byHand, "b", Map.of(),
                new IntroductionViewJson.Permissions(false));
        assertThat(line.note()).isEqualTo("Intermédiation");
        assertThat(line.noteBy()).as("its proposer, as the history records it: a pseudonym and a role")
                .isEqualTo(new IntroductionViewJson.NoteAuthor("sub-facilitator", "FACILITATOR", null));

        IntroductionView withoutNote = new IntroductionView();
        new IntroductionStories().withdrawn("i2", "a", "b", T0).events()
                .forEach(told -> IntroductionViewChanges.apply(withoutNote, event(told)));
        assertThat(IntroductionViewJson.inboxEntry(withoutNote, "b", Map.of(),
                new IntroductionViewJson.Permissions(false)).noteBy()).as("no note, no author").isNull();
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
    void aWithdrawalSaysWhetherItsProposerOrAnAdminTookItBack() {
        IntroductionView byProposer = new IntroductionView();
        List<Told> story = new IntroductionStories().withdrawn("i6", "a", "b", T0).events();
        story.forEach(told -> IntroductionViewChanges.apply(byProposer, event(told)));
        assertThat(byProposer.steps).last().satisfies(step -> {
            assertThat(step.what()).isEqualTo("retirée par qui l'avait proposée");
            assertThat(step.subject()).isEqualTo("sub-facilitator");
        });

        // The same proposal, taken back by an admin.
        IntroductionView byAdmin = new IntroductionView();
        IntroductionViewChanges.apply(byAdmin, event(story.get(0)));
        Told withdrawal = story.get(1);
        IntroductionViewChanges.apply(byAdmin, new IntroductionEvent("i6#1", "IntroductionWithdrawnEvent", "i6", 1,
                withdrawal.at(), withdrawal.event(), "sub-admin", "ADMIN", null));
        assertThat(byAdmin.stage).isEqualTo(IntroductionStage.WITHDRAWN);
        assertThat(byAdmin.steps).last().satisfies(step -> {
            assertThat(step.what()).isEqualTo("retirée par l'administration du labo");
            assertThat(step.subject()).isEqualTo("sub-admin");
        });
    }

    @Test
    void aMeetingHeldOrMissedSaysItsOwnDayBesideTheDayItWasRecorded() {
        // Accepted in January (three events: 0 to 2); a meeting on 1 August (09:00 Paris), recorded held only on
        // 5 December.
        IntroductionView view = new IntroductionView();
        new IntroductionStories().accepted("i8", "a", "b", JANUARY_5, Duration.ofDays(1)).events()
                .forEach(told -> IntroductionViewChanges.apply(view, event(told)));
        Instant august1 = Instant.parse("2026-08-01T07:00:00Z");
        Instant december5 = Instant.parse("2026-12-05T10:00:00Z");
        IntroductionViewChanges.apply(view, new IntroductionEvent("i8#3", "MeetingScheduledEvent", "i8", 3, JANUARY_5,
                new MeetingScheduledEvent("i8", "m1", august1, "Grenoble", JANUARY_5), "sub-a", "ACTOR_MEMBER", "a"));
        // And a second one, on 30 November at 23:30 Paris (22:30 UTC): its day is Paris's, not UTC's.
        Instant november30Late = Instant.parse("2026-11-30T22:30:00Z");
        IntroductionViewChanges.apply(view, new IntroductionEvent("i8#4", "MeetingScheduledEvent", "i8", 4, JANUARY_5,
                new MeetingScheduledEvent("i8", "m2", november30Late, "Voiron", JANUARY_5), "sub-a", "ACTOR_MEMBER", "a"));
        IntroductionViewChanges.apply(view, new IntroductionEvent("i8#5", "MeetingHeldEvent", "i8", 5, december5,
                new MeetingHeldEvent("i8", "m1", null, december5), "sub-a", "ACTOR_MEMBER", "a"));
        IntroductionViewChanges.apply(view, new IntroductionEvent("i8#6", "MeetingMissedEvent", "i8", 6, december5,
                new MeetingMissedEvent("i8", "m2", "b", null, december5), "sub-a", "ACTOR_MEMBER", "a"));

        assertThat(view.steps.subList(view.steps.size() - 2, view.steps.size()))
                .extracting(IntroductionView.TimelineStep::what, IntroductionView.TimelineStep::at)
                .containsExactly(tuple("rencontre tenue (rendez-vous du 1er août 2026)", december5),
                        tuple("rencontre manquée (rendez-vous du 30 novembre 2026)", december5));
        assertThat(view.firstMetAt).isEqualTo(august1);
    }

    @Test
    void aFacilitatorsReminderIsAStepAndTheLastReminderButLeavesTheStageAsItWas() {
        IntroductionView view = new IntroductionView();
        new IntroductionStories().waiting("i7", "a", "b", T0, Duration.ofDays(14)).events()
                .forEach(told -> IntroductionViewChanges.apply(view, event(told)));
        Instant reminded = T0.plus(Duration.ofDays(12));
        assertThat(IntroductionViewChanges.apply(view, new IntroductionEvent("i7#1", "IntroductionReminderRecordedEvent",
                "i7", 1, reminded, new IntroductionReminderRecordedEvent("i7", "b", ReminderChannel.PHONE,
                "Réponse promise", reminded), "sub-facilitator", "FACILITATOR", null))).isTrue();

        assertThat(view.stage).isEqualTo(IntroductionStage.PROPOSED);
        assertThat(view.lastStepAt).isEqualTo(reminded);
        assertThat(view.lastReminder).isEqualTo(new IntroductionView.ReminderEntry(reminded, ReminderChannel.PHONE, "b"));
        assertThat(view.steps).last().satisfies(step -> {
            assertThat(step.what()).isEqualTo("relance de l'animation par téléphone");
            assertThat(step.actorId()).isEqualTo("b");
            assertThat(step.reason()).isEqualTo("PHONE");
            assertThat(step.text()).isEqualTo("Réponse promise");
            assertThat(step.role()).isEqualTo("FACILITATOR");
        });
        // A reminder without its channel is not one the contract knows.
        assertThatThrownBy(() -> IntroductionViewChanges.apply(view, new IntroductionEvent("i7#2",
                "IntroductionReminderRecordedEvent", "i7", 2, reminded, new IntroductionReminderRecordedEvent("i7", null,
                null, null, reminded), null, null, null))).isInstanceOf(MalformedEventException.class);
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

    @Test
    void theStageIsTheOutcomeThatHappenedLastNotTheOneRecordedLast() {
        // A partnership formed on 1 March is recorded the next day; a follow-up planned on 1 February, forgotten,
        // is recorded in April.
        List<Told> story = new IntroductionStories()
                .accepted("i5", "a", "b", JANUARY_5, Duration.ofDays(2))
                .met("i5", JANUARY_5.plus(Duration.ofDays(10)))
                .outcome("i5", Outcome.PARTNERSHIP_FORMED, MARCH_1, Instant.parse("2026-03-02T10:00:00Z"))
                .outcome("i5", Outcome.FOLLOW_UP_PLANNED, FEBRUARY_1, Instant.parse("2026-04-15T10:00:00Z"))
                .events();
        IntroductionView view = new IntroductionView();
        story.forEach(told -> IntroductionViewChanges.apply(view, event(told)));

        assertThat(view.stage).isEqualTo(IntroductionStage.PARTNERSHIP);
        assertThat(view.followUpOn).as("the follow-up is still a step it reached").isEqualTo(FEBRUARY_1);
        assertThat(view.partnershipOn).isEqualTo(MARCH_1);
        assertThat(view.steps).as("the timeline keeps the order of recording").last()
                .satisfies(step -> assertThat(step.outcome()).isEqualTo("FOLLOW_UP_PLANNED"));
        IntroductionViewJson.Timeline timeline = IntroductionViewJson.timeline(view, Map.of(),
                new IntroductionViewJson.Permissions(false));
        assertThat(timeline.status()).isEqualTo("partnership");
        assertThat(timeline.statusLabel()).isEqualTo("partenariat conclu");
        assertThat(IntroductionViewJson.inboxEntry(view, "a", Map.of(),
                new IntroductionViewJson.Permissions(false)).status()).isEqualTo("partnership");

        for (Told told : story) {
            assertThat(IntroductionViewChanges.apply(view, event(told))).as("redelivered").isFalse();
        }
        assertThat(view.stage).as("after the redeliveries").isEqualTo(IntroductionStage.PARTNERSHIP);
        IntroductionView replayed = new IntroductionView();
        story.forEach(told -> IntroductionViewChanges.apply(replayed, event(told)));
        assertThat(replayed.stage).as("replayed from the first event").isEqualTo(IntroductionStage.PARTNERSHIP);
        assertThat(replayed.steps).isEqualTo(view.steps);
    }

    @Test
    void anOutcomeThatHappenedLaterMovesTheStageWhateverWasRecordedAfterIt() {
        List<Told> story = new IntroductionStories()
                .accepted("i6", "a", "b", JANUARY_5, Duration.ofDays(2))
                .outcome("i6", Outcome.PARTNERSHIP_FORMED, MARCH_1, Instant.parse("2026-03-02T10:00:00Z"))
                .outcome("i6", Outcome.PARTNERSHIP_ENDED, LocalDate.of(2026, 6, 1), Instant.parse("2026-06-03T10:00:00Z"))
                .outcome("i6", Outcome.FOLLOW_UP_PLANNED, FEBRUARY_1, Instant.parse("2026-06-10T10:00:00Z"))
                .events();
        IntroductionView view = new IntroductionView();
        story.subList(0, story.size() - 1).forEach(told -> IntroductionViewChanges.apply(view, event(told)));
        assertThat(view.stage).isEqualTo(IntroductionStage.PARTNERSHIP_ENDED);

        IntroductionViewChanges.apply(view, event(story.get(story.size() - 1)));

        assertThat(view.stage).as("a follow-up of February, recorded in June, changes nothing")
                .isEqualTo(IntroductionStage.PARTNERSHIP_ENDED);
        assertThat(view.followUpOn).isEqualTo(FEBRUARY_1);
    }

    /**
     * An introduction may lead to several partnerships, and an end closes one of them (as the introduction counts them):
     * while another goes on, the stage stays « partenariat », as the matcher keeps the pair set aside as partners.
     */
    @Test
    void anEndWhileAnotherPartnershipGoesOnLeavesThePartnershipStage() {
        List<Told> story = new IntroductionStories()
                .accepted("i8", "a", "b", JANUARY_5, Duration.ofDays(2))
                .outcome("i8", Outcome.PARTNERSHIP_FORMED, FEBRUARY_1, Instant.parse("2026-02-02T10:00:00Z"))
                .outcome("i8", Outcome.PARTNERSHIP_FORMED, MARCH_1, Instant.parse("2026-03-02T10:00:00Z"))
                .outcome("i8", Outcome.PARTNERSHIP_ENDED, LocalDate.of(2026, 6, 1), Instant.parse("2026-06-03T10:00:00Z"))
                .outcome("i8", Outcome.PARTNERSHIP_ENDED, LocalDate.of(2026, 9, 1), Instant.parse("2026-09-03T10:00:00Z"))
                .events();
        IntroductionView view = new IntroductionView();
        story.subList(0, story.size() - 1).forEach(told -> IntroductionViewChanges.apply(view, event(told)));
        assertThat(view.stage).as("one of the two ended, the other goes on").isEqualTo(IntroductionStage.PARTNERSHIP);

        IntroductionViewChanges.apply(view, event(story.get(story.size() - 1)));

        assertThat(view.stage).as("both ended").isEqualTo(IntroductionStage.PARTNERSHIP_ENDED);
    }

    /**
     * An end recorded late, dated before the outcome that prevails, still ends the partnership it closes: the last one
     * in force ended, the introduction is where its prevailing outcome says — at its follow-up, carried on as the
     * matcher and the introduction itself count it; after two ends recorded out of order, ended — not « partenariat »
     * for good.
     */
    @Test
    void theLastPartnershipEndedByALateEndLeavesTheStageOfTheOutcomeThatPrevails() {
        List<Told> followedUp = new IntroductionStories()
                .accepted("i10", "a", "b", JANUARY_5, Duration.ofDays(2))
                .outcome("i10", Outcome.PARTNERSHIP_FORMED, MARCH_1, Instant.parse("2026-03-02T10:00:00Z"))
                .outcome("i10", Outcome.FOLLOW_UP_PLANNED, LocalDate.of(2026, 6, 1), Instant.parse("2026-06-02T10:00:00Z"))
                .outcome("i10", Outcome.PARTNERSHIP_ENDED, LocalDate.of(2026, 5, 1), Instant.parse("2026-06-10T10:00:00Z"))
                .events();
        assertThat(viewAfter(followedUp).stage).isEqualTo(IntroductionStage.FOLLOW_UP);

        List<Told> endedOutOfOrder = new IntroductionStories()
                .accepted("i11", "a", "b", JANUARY_5, Duration.ofDays(2))
                .outcome("i11", Outcome.PARTNERSHIP_FORMED, FEBRUARY_1, Instant.parse("2026-02-02T10:00:00Z"))
                .outcome("i11", Outcome.PARTNERSHIP_FORMED, MARCH_1, Instant.parse("2026-03-02T10:00:00Z"))
                .outcome("i11", Outcome.PARTNERSHIP_ENDED, LocalDate.of(2026, 9, 1), Instant.parse("2026-09-03T10:00:00Z"))
                .outcome("i11", Outcome.PARTNERSHIP_ENDED, LocalDate.of(2026, 6, 1), Instant.parse("2026-09-04T10:00:00Z"))
                .events();
        assertThat(viewAfter(endedOutOfOrder).stage).isEqualTo(IntroductionStage.PARTNERSHIP_ENDED);
    }

    private static IntroductionView viewAfter(List<Told> story) {
        IntroductionView view = new IntroductionView();
        story.forEach(told -> IntroductionViewChanges.apply(view, event(told)));
        return view;
    }

    /**
     * A follow-up planned, then a « no fit » on another subject, while the partnership formed through the introduction
     * goes on: still « partenariat », not « suite prévue » (which the follow-up list would flag after 180 quiet days)
     * back and forth.
     */
    @Test
    void aFollowUpOrANoFitWhileAPartnershipGoesOnLeavesThePartnershipStage() {
        List<Told> story = new IntroductionStories()
                .accepted("i9", "a", "b", JANUARY_5, Duration.ofDays(2))
                .outcome("i9", Outcome.PARTNERSHIP_FORMED, MARCH_1, Instant.parse("2026-03-02T10:00:00Z"))
                .outcome("i9", Outcome.FOLLOW_UP_PLANNED, LocalDate.of(2026, 6, 1), Instant.parse("2026-06-02T10:00:00Z"))
                .outcome("i9", Outcome.NO_FIT, LocalDate.of(2026, 9, 1), Instant.parse("2026-09-02T10:00:00Z"))
                .events();
        IntroductionView view = new IntroductionView();
        story.subList(0, story.size() - 1).forEach(told -> IntroductionViewChanges.apply(view, event(told)));
        assertThat(view.stage).as("a follow-up planned within the partnership").isEqualTo(IntroductionStage.PARTNERSHIP);

        IntroductionViewChanges.apply(view, event(story.get(story.size() - 1)));

        assertThat(view.stage).as("a « no fit » on another subject").isEqualTo(IntroductionStage.PARTNERSHIP);
    }

    /**
     * « Nothing new since » counts from the last news, not from the first follow-up planned: a follow-up of February,
     * a second meeting in June and a follow-up planned again on 20 June are not quiet on 31 July; a facilitator's
     * reminder since is no news.
     */
    @Test
    void aFollowUpIsQuietSinceItsLastNewsNotSinceTheFirstFollowUp() {
        List<Told> story = new IntroductionStories()
                .accepted("i9", "a", "b", JANUARY_5, Duration.ofDays(2))
                .outcome("i9", Outcome.FOLLOW_UP_PLANNED, FEBRUARY_1, Instant.parse("2026-02-02T10:00:00Z"))
                .met("i9", Instant.parse("2026-06-10T08:00:00Z"))
                .outcome("i9", Outcome.FOLLOW_UP_PLANNED, LocalDate.of(2026, 6, 20), Instant.parse("2026-06-21T10:00:00Z"))
                .reminded("i9", null, Instant.parse("2026-09-01T10:00:00Z"))
                .events();
        IntroductionView view = new IntroductionView();
        story.forEach(told -> IntroductionViewChanges.apply(view, event(told)));

        assertThat(view.stage).isEqualTo(IntroductionStage.FOLLOW_UP);
        assertThat(view.followUpOn).as("the milestone: the first follow-up").isEqualTo(FEBRUARY_1);
        assertThat(view.lastNewsOn).isEqualTo(LocalDate.of(2026, 6, 20));
        assertThat(FollowUp.of(view, LocalDate.of(2026, 7, 31), Map.of(), FollowUpThresholds.DEFAULTS)).isEmpty();
        assertThat(FollowUp.of(view, LocalDate.of(2026, 12, 20), Map.of(), FollowUpThresholds.DEFAULTS))
                .hasValueSatisfying(reason -> assertThat(reason.label())
                        .isEqualTo("suite prévue, rien de nouveau depuis 183 jours"));
    }

    /**
     * A lab's past introduction, imported: met on 10 March 2023, a follow-up planned on 1 May 2023, all typed in on 1 June
     * 2026. Its last news is of May 2023, not of the import: a dormant follow-up, to follow up at once.
     */
    @Test
    void aMeetingRecordedAfterItsDayIsNewsOfItsDay() {
        Instant imported = Instant.parse("2026-06-01T09:00:00Z");
        List<Told> story = new IntroductionStories()
                .past("i10", "a", "b", LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 15))
                .metAsRecorded("i10", Instant.parse("2023-03-10T09:00:00Z"), imported)
                .outcome("i10", Outcome.FOLLOW_UP_PLANNED, LocalDate.of(2023, 5, 1), imported)
                .events();
        IntroductionView view = new IntroductionView();
        story.forEach(told -> IntroductionViewChanges.apply(view, event(told)));

        assertThat(view.lastNewsOn).isEqualTo(LocalDate.of(2023, 5, 1));
        assertThat(FollowUp.of(view, LocalDate.of(2026, 6, 2), Map.of(), FollowUpThresholds.DEFAULTS))
                .map(FollowUp.Reason::kind).hasValue(FollowUp.FOLLOW_UP_QUIET);
    }

    /** Met in February and again in June, no outcome yet: on 31 July, a second meeting seven weeks ago is news. */
    @Test
    void noOutcomeCountsFromTheLatestMeetingHeld() {
        List<Told> story = new IntroductionStories()
                .accepted("i11", "a", "b", JANUARY_5, Duration.ofDays(2))
                .met("i11", Instant.parse("2026-02-10T09:00:00Z"))
                .met("i11", Instant.parse("2026-06-10T09:00:00Z"))
                .events();
        IntroductionView view = new IntroductionView();
        story.forEach(told -> IntroductionViewChanges.apply(view, event(told)));

        assertThat(view.firstMetAt).isEqualTo(Instant.parse("2026-02-10T09:00:00Z"));
        assertThat(view.lastMetAt).isEqualTo(Instant.parse("2026-06-10T09:00:00Z"));
        assertThat(FollowUp.of(view, LocalDate.of(2026, 7, 31), Map.of(), FollowUpThresholds.DEFAULTS)).isEmpty();
        assertThat(FollowUp.of(view, LocalDate.of(2026, 9, 8), Map.of(), FollowUpThresholds.DEFAULTS))
                .map(FollowUp.Reason::label).hasValue("rencontre tenue il y a 90 jours, aucune suite enregistrée");
    }

    @Test
    void ofOutcomesOnTheSameDayTheOneRecordedLastSetsTheStage() {
        IntroductionView view = new IntroductionView();
        new IntroductionStories()
                .accepted("i7", "a", "b", JANUARY_5, Duration.ofDays(2))
                .outcome("i7", Outcome.NO_FIT, MARCH_1, Instant.parse("2026-03-02T10:00:00Z"))
                .outcome("i7", Outcome.FOLLOW_UP_PLANNED, MARCH_1, Instant.parse("2026-03-05T10:00:00Z"))
                .events().forEach(told -> IntroductionViewChanges.apply(view, event(told)));

        assertThat(view.stage).isEqualTo(IntroductionStage.FOLLOW_UP);
        assertThat(view.noFitOn).isEqualTo(MARCH_1);
    }

    static IntroductionEvent event(Told told) {
        return new IntroductionEvent(told.introductionId() + "#" + told.sequence(), EventCatalog.typeName(told.event().getClass()),
                told.introductionId(), told.sequence(), told.at(), told.event(),
                told.principal() == null ? null : told.principal().subject(),
                told.principal() == null ? null : told.principal().role(),
                told.principal() == null ? null : told.principal().actingFor());
    }
}
