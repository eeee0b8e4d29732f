package fr.labos.partenariats.matchmaking.session.command;

import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.session.ExpressMeetingWishCommand;
import fr.labos.partenariats.schema.session.GenerateScheduleCommand;
import fr.labos.partenariats.schema.session.MeetingWishExpressedEvent;
import fr.labos.partenariats.schema.session.MeetingWishWithdrawnEvent;
import fr.labos.partenariats.schema.session.ParticipantWithdrewEvent;
import fr.labos.partenariats.schema.session.PlanSessionCommand;
import fr.labos.partenariats.schema.session.PublishScheduleCommand;
import fr.labos.partenariats.schema.session.ParticipantRegisteredEvent;
import fr.labos.partenariats.schema.session.RegisterParticipantCommand;
import fr.labos.partenariats.schema.session.RegisterParticipantsCommand;
import fr.labos.partenariats.schema.session.ScheduleAdjustedEvent;
import fr.labos.partenariats.schema.session.ScheduleGeneratedEvent;
import fr.labos.partenariats.schema.session.SchedulePublishedEvent;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import fr.labos.partenariats.schema.session.SessionClosedEvent;
import fr.labos.partenariats.schema.session.WithdrawMeetingWishCommand;
import fr.labos.partenariats.schema.session.WithdrawParticipantCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static fr.labos.partenariats.matchmaking.session.command.SessionSamples.*;

/** Planning, registrations, wishes, the generated draft and its publication. */
class SessionPreparationTest {

    private static final LocalDate DAY = LocalDate.of(2026, 4, 16);

    private final AggregateTestFixture<SpeedMeetingSession> fixture = SessionSamples.fixture();

    @Test
    void aFacilitatorPlansASession() {
        fixture.givenNoPriorActivity().when(plan()).expectEvents(planned());
    }

    @Test
    void aSessionHasAtLeastOneRoundAndOneTable() {
        fixture.givenNoPriorActivity()
                .when(new PlanSessionCommand(ID, "Titre", ISERE, "Salle", LocalDate.of(2026, 4, 16),
                        LocalTime.NOON, 0, 7, 2, "u-facilitator"))
                .expectException(InvalidSession.class)
                .expectExceptionMessage("une session compte au moins un tour")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PlanSessionCommand(ID, "Titre", ISERE, "Salle", LocalDate.of(2026, 4, 16),
                        LocalTime.NOON, 3, 7, 0, "u-facilitator"))
                .expectException(InvalidSession.class)
                .expectExceptionMessage("une session compte au moins une table");
    }

    /** Numbers and dates no lab would plan, which the schedule, its views and its exports could not hold. */
    @Test
    void aSessionStaysWithinWhatALabWouldPlan() {
        refusedPlan(new PlanSessionCommand(ID, "Titre", ISERE, "Salle", DAY, LocalTime.NOON, 31, 7, 2, "u-facilitator"),
                "une session compte au plus 30 tours");
        refusedPlan(new PlanSessionCommand(ID, "Titre", ISERE, "Salle", DAY, LocalTime.NOON, 2_000_000_000, 7, 2,
                "u-facilitator"), "une session compte au plus 30 tours");
        refusedPlan(new PlanSessionCommand(ID, "Titre", ISERE, "Salle", DAY, LocalTime.NOON, 3, 241, 2,
                "u-facilitator"), "un tour dure au plus 240 minutes");
        refusedPlan(new PlanSessionCommand(ID, "Titre", ISERE, "Salle", DAY, LocalTime.NOON, 3, 7, 201,
                "u-facilitator"), "une session compte au plus 200 tables");
        refusedPlan(new PlanSessionCommand(ID, "Titre", ISERE, "Salle", DAY, LocalTime.NOON, 3, 7, 2_000_000_000,
                "u-facilitator"), "une session compte au plus 200 tables");
        // Each bound alone is within reach, not all at once: the whole schedule travels in one event.
        refusedPlan(new PlanSessionCommand(ID, "Titre", ISERE, "Salle", DAY, LocalTime.NOON, 30, 7, 200,
                "u-facilitator"), "une session compte au plus 500 rencontres (tours × tables) : 30 tours de 200 "
                + "tables en font 6000");
    }

    /** What a lab may plan, up to the bounds: a long day, a large fair, a session recorded after it was held. */
    @Test
    void aSessionUpToEachBoundIsPlanned() {
        for (PlanSessionCommand plan : List.of(
                new PlanSessionCommand(ID, "Journée", ISERE, "Salle", DAY, LocalTime.of(8, 0), 30, 15, 16, "u-facilitator"),
                new PlanSessionCommand(ID, "Forum", ISERE, "Halle", DAY, LocalTime.of(9, 0), 2, 240, 200, "u-facilitator"),
                new PlanSessionCommand(ID, "Rencontres d'Échirolles", ISERE, "Salle des fêtes", DAY, LocalTime.NOON, 10,
                        12, 50, "u-facilitator"),
                new PlanSessionCommand(ID, "Tenue sur papier", ISERE, "Salle", LocalDate.of(2024, 4, 16), LocalTime.NOON,
                        6, 10, 8, "u-facilitator"))) {
            fixture.givenNoPriorActivity().when(plan).expectSuccessfulHandlerExecution();
        }
    }

    /** The clock says 16 April 2026: a session is dated between 16 April 2024 and 16 April 2028. */
    @Test
    void aSessionIsDatedWithinTwoYearsOfToday() {
        String window = "une session a lieu entre le 16/04/2024 et le 16/04/2028 (au plus 2 ans avant ou après "
                + "aujourd'hui)";
        refusedPlan(new PlanSessionCommand(ID, "Titre", ISERE, "Salle", LocalDate.of(2028, 4, 17), LocalTime.NOON,
                3, 7, 2, "u-facilitator"), window);
        refusedPlan(new PlanSessionCommand(ID, "Titre", ISERE, "Salle", LocalDate.of(300_000_000, 1, 1),
                LocalTime.NOON, 3, 7, 2, "u-facilitator"), window);
        refusedPlan(new PlanSessionCommand(ID, "Titre", ISERE, "Salle", LocalDate.of(2024, 4, 15), LocalTime.NOON,
                3, 7, 2, "u-facilitator"), window);
    }

    @Test
    void aSessionTakesPlaceOnAKnownTerritory() {
        refusedPlan(new PlanSessionCommand(ID, "Titre", new TerritoryRef("ZZ", TerritoryLevel.DEPARTEMENT), "Salle",
                DAY, LocalTime.NOON, 3, 7, 2, "u-facilitator"),
                "aucun territoire de niveau « département » n'a le code « ZZ »");
    }

    /** A title of zero-width and no-break spaces only would be a session listed and printed untitled. */
    @Test
    void aTitleShowsSomething() {
        refusedPlan(new PlanSessionCommand(ID, "\u200b\u00a0", ISERE, "Salle", DAY, LocalTime.NOON, 3, 7, 2,
                "u-facilitator"), "une session a un titre");
    }

    /** Texts are copied into the session's events: one too long would make an event too large to travel. */
    @Test
    void aTitleAPlaceAndAnOrganisationAreLinesOfText() {
        String long201 = "x".repeat(201);
        refusedPlan(new PlanSessionCommand(ID, long201, ISERE, "Salle", DAY, LocalTime.NOON, 3, 7, 2,
                "u-facilitator"), "le titre compte au plus 200 caractères (ici 201)");
        refusedPlan(new PlanSessionCommand(ID, "Titre", ISERE, long201, DAY, LocalTime.NOON, 3, 7, 2,
                "u-facilitator"), "le lieu compte au plus 200 caractères (ici 201)");
        fixture.given(planned())
                .when(new RegisterParticipantCommand(ID, ASSOCIATION, long201))
                .expectException(InvalidSession.class)
                .expectExceptionMessage("l'organisation compte au plus 200 caractères (ici 201)")
                .expectNoEvents();
        fixture.given(planned())
                .when(new RegisterParticipantsCommand(ID, List.of(
                        new RegisterParticipantsCommand.Participant(FOUNDATION, null),
                        new RegisterParticipantsCommand.Participant(COMMUNE, "x".repeat(1_000_000)))))
                .expectException(InvalidSession.class)
                .expectExceptionMessage("l'organisation compte au plus 200 caractères (ici 1000000)")
                .expectNoEvents();
    }

    private void refusedPlan(PlanSessionCommand command, String message) {
        fixture.givenNoPriorActivity().when(command)
                .expectException(InvalidSession.class)
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    /**
     * 400 participants at most (as many as the most tables seat at once): the 401st is refused, and so is a list that
     * would go beyond, which then registers nobody; a list of those already registered changes nothing and passes.
     */
    @Test
    void aSessionHoldsAtMostFourHundredParticipants() {
        List<Object> full = new ArrayList<>(List.of(planned()));
        IntStream.range(0, SessionRules.MAX_PARTICIPANTS).forEach(i -> full.add(registered("actor-" + i)));
        fixture.given(full)
                .when(new RegisterParticipantCommand(ID, ASSOCIATION, null))
                .expectException(InvalidSession.class)
                .expectExceptionMessage("une session compte au plus 400 participants (ici 401) : répartissez-les en "
                        + "plusieurs sessions")
                .expectNoEvents();
        List<Object> almost = full.subList(0, full.size() - 2);
        fixture.given(almost)
                .when(new RegisterParticipantsCommand(ID, List.of(
                        new RegisterParticipantsCommand.Participant("actor-0", null),
                        new RegisterParticipantsCommand.Participant(ASSOCIATION, null),
                        new RegisterParticipantsCommand.Participant(FOUNDATION, null),
                        new RegisterParticipantsCommand.Participant(COMMUNE, null))))
                .expectException(InvalidSession.class)
                .expectExceptionMessage("une session compte au plus 400 participants (ici 401) : répartissez-les en "
                        + "plusieurs sessions")
                .expectNoEvents();
        fixture.given(almost)
                .when(new RegisterParticipantsCommand(ID, List.of(
                        new RegisterParticipantsCommand.Participant("actor-0", null),
                        new RegisterParticipantsCommand.Participant(ASSOCIATION, null),
                        new RegisterParticipantsCommand.Participant(FOUNDATION, null))))
                .expectEvents(new ParticipantRegisteredEvent(ID, ASSOCIATION, null, NOW),
                        new ParticipantRegisteredEvent(ID, FOUNDATION, null, NOW));
    }

    @Test
    void anActorIsRegisteredOnce() {
        fixture.given(planned(), registered(ASSOCIATION))
                .when(new RegisterParticipantCommand(ID, ASSOCIATION, "Association"))
                .expectException(AlreadyRegistered.class)
                .expectNoEvents();
    }

    @Test
    void anImportedListRegistersEachActorOnceAndSkipsThoseAlreadyRegistered() {
        fixture.given(planned(), registered(ASSOCIATION))
                .when(new RegisterParticipantsCommand(ID, List.of(
                        new RegisterParticipantsCommand.Participant(ASSOCIATION, null),
                        new RegisterParticipantsCommand.Participant(FOUNDATION, "Fondation des Alpes"),
                        new RegisterParticipantsCommand.Participant(COMMUNE, null),
                        new RegisterParticipantsCommand.Participant(FOUNDATION, "Fondation des Alpes"))))
                .expectEvents(new ParticipantRegisteredEvent(ID, FOUNDATION, "Fondation des Alpes", NOW),
                        new ParticipantRegisteredEvent(ID, COMMUNE, null, NOW));
    }

    @Test
    void anImportedListWithOneEntryWithoutActorRegistersNobody() {
        fixture.given(planned())
                .when(new RegisterParticipantsCommand(ID, List.of(
                        new RegisterParticipantsCommand.Participant(FOUNDATION, null),
                        new RegisterParticipantsCommand.Participant(" ", null))))
                .expectException(InvalidSession.class)
                .expectExceptionMessage("un participant est un acteur")
                .expectNoEvents();
        fixture.given(planned())
                .when(new RegisterParticipantsCommand(ID, List.of()))
                .expectException(InvalidSession.class)
                .expectNoEvents();
    }

    @Test
    void noListIsImportedOnceTheScheduleIsPublished() {
        fixture.given(published())
                .when(new RegisterParticipantsCommand(ID, List.of(
                        new RegisterParticipantsCommand.Participant(STRANGER, null))))
                .expectException(SchedulePublishedAlready.class)
                .expectNoEvents();
    }

    @Test
    void onlyARegisteredParticipantWithdraws() {
        fixture.given(planned(), registered(ASSOCIATION))
                .when(new WithdrawParticipantCommand(ID, STRANGER))
                .expectException(NotAParticipant.class)
                .expectExceptionMessage("l'acteur actor-stranger n'est pas inscrit à la session");
    }

    @Test
    void aWishIsMutualWhenTheOtherSideWishedItFirst() {
        fixture.given(withFourParticipants())
                .andGiven(new MeetingWishExpressedEvent(ID, FOUNDATION, ASSOCIATION, false, NOW))
                .when(new ExpressMeetingWishCommand(ID, ASSOCIATION, FOUNDATION))
                .expectEvents(new MeetingWishExpressedEvent(ID, ASSOCIATION, FOUNDATION, true, NOW));
    }

    @Test
    void aWishIsOneSidedUntilTheOtherSideWishesItToo() {
        fixture.given(withFourParticipants())
                .when(new ExpressMeetingWishCommand(ID, ASSOCIATION, FOUNDATION))
                .expectEvents(new MeetingWishExpressedEvent(ID, ASSOCIATION, FOUNDATION, false, NOW));
    }

    @Test
    void wishesAreBetweenRegisteredParticipantsOnlyAndNotForOneself() {
        fixture.given(withFourParticipants())
                .when(new ExpressMeetingWishCommand(ID, ASSOCIATION, STRANGER))
                .expectException(NotAParticipant.class);
        fixture.given(withFourParticipants())
                .when(new ExpressMeetingWishCommand(ID, ASSOCIATION, ASSOCIATION))
                .expectException(InvalidSession.class);
    }

    @Test
    void aWishIsExpressedOnce() {
        fixture.given(withFourParticipants())
                .andGiven(new MeetingWishExpressedEvent(ID, ASSOCIATION, FOUNDATION, false, NOW))
                .when(new ExpressMeetingWishCommand(ID, ASSOCIATION, FOUNDATION))
                .expectException(AlreadyDone.class)
                .expectNoEvents();
    }

    @Test
    void aWishTickedByMistakeIsTakenBack() {
        fixture.given(withFourParticipants())
                .andGiven(new MeetingWishExpressedEvent(ID, ASSOCIATION, FOUNDATION, false, NOW))
                .when(new WithdrawMeetingWishCommand(ID, ASSOCIATION, FOUNDATION))
                .expectEvents(new MeetingWishWithdrawnEvent(ID, ASSOCIATION, FOUNDATION, NOW));
    }

    /** Taken back, a wish may be expressed again: it is one-sided, as the other side never wished it. */
    @Test
    void aWishTakenBackIsExpressedAgain() {
        fixture.given(withFourParticipants())
                .andGiven(new MeetingWishExpressedEvent(ID, ASSOCIATION, FOUNDATION, false, NOW),
                        new MeetingWishWithdrawnEvent(ID, ASSOCIATION, FOUNDATION, NOW))
                .when(new ExpressMeetingWishCommand(ID, ASSOCIATION, FOUNDATION))
                .expectEvents(new MeetingWishExpressedEvent(ID, ASSOCIATION, FOUNDATION, false, NOW));
    }

    /**
     * A mutual wish taken back by one side: the other side's wish stays, no longer mutual; it may be taken back in its
     * turn, and the first side's wish expressed again is mutual anew.
     */
    @Test
    void aMutualWishTakenBackLeavesTheOtherSidesWish() {
        List<Object> mutual = withFourParticipants();
        mutual.add(new MeetingWishExpressedEvent(ID, FOUNDATION, ASSOCIATION, false, NOW));
        mutual.add(new MeetingWishExpressedEvent(ID, ASSOCIATION, FOUNDATION, true, NOW));
        fixture.given(mutual)
                .when(new WithdrawMeetingWishCommand(ID, ASSOCIATION, FOUNDATION))
                .expectEvents(new MeetingWishWithdrawnEvent(ID, ASSOCIATION, FOUNDATION, NOW));
        mutual.add(new MeetingWishWithdrawnEvent(ID, ASSOCIATION, FOUNDATION, NOW));
        fixture.given(mutual)
                .when(new WithdrawMeetingWishCommand(ID, FOUNDATION, ASSOCIATION))
                .expectEvents(new MeetingWishWithdrawnEvent(ID, FOUNDATION, ASSOCIATION, NOW));
        fixture.given(mutual)
                .when(new ExpressMeetingWishCommand(ID, ASSOCIATION, FOUNDATION))
                .expectEvents(new MeetingWishExpressedEvent(ID, ASSOCIATION, FOUNDATION, true, NOW));
    }

    /**
     * Only a wish made is taken back: not one never made, nor the other side's (the wish has a direction), nor one
     * taken back already, nor one a participant's withdrawal took away.
     */
    @Test
    void onlyAWishMadeIsTakenBack() {
        fixture.given(withFourParticipants())
                .when(new WithdrawMeetingWishCommand(ID, ASSOCIATION, FOUNDATION))
                .expectException(WishNotExpressed.class)
                .expectExceptionMessage("l'acteur actor-association n'a pas souhaité rencontrer actor-foundation")
                .expectNoEvents();
        fixture.given(withFourParticipants())
                .andGiven(new MeetingWishExpressedEvent(ID, FOUNDATION, ASSOCIATION, false, NOW))
                .when(new WithdrawMeetingWishCommand(ID, ASSOCIATION, FOUNDATION))
                .expectException(WishNotExpressed.class)
                .expectNoEvents();
        fixture.given(withFourParticipants())
                .andGiven(new MeetingWishExpressedEvent(ID, ASSOCIATION, FOUNDATION, false, NOW),
                        new MeetingWishWithdrawnEvent(ID, ASSOCIATION, FOUNDATION, NOW))
                .when(new WithdrawMeetingWishCommand(ID, ASSOCIATION, FOUNDATION))
                .expectException(WishNotExpressed.class)
                .expectNoEvents();
        fixture.given(withFourParticipants())
                .andGiven(new MeetingWishExpressedEvent(ID, ASSOCIATION, FOUNDATION, false, NOW),
                        new ParticipantWithdrewEvent(ID, FOUNDATION, NOW))
                .when(new WithdrawMeetingWishCommand(ID, ASSOCIATION, FOUNDATION))
                .expectException(WishNotExpressed.class)
                .expectNoEvents();
    }

    /** As wishes are expressed: until the schedule is published, and not once the session is closed. */
    @Test
    void noWishIsTakenBackOnceTheScheduleIsPublishedOrTheSessionClosed() {
        List<Object> published = withFourParticipants();
        published.add(new MeetingWishExpressedEvent(ID, ASSOCIATION, COMPANY, false, NOW));
        published.add(new ScheduleGeneratedEvent(ID, ROUND_ROBIN, OBJECTIVE, NOW));
        published.add(new SchedulePublishedEvent(ID, NOW));
        fixture.given(published)
                .when(new WithdrawMeetingWishCommand(ID, ASSOCIATION, COMPANY))
                .expectException(SchedulePublishedAlready.class)
                .expectExceptionMessage("le planning de la session est déjà publié")
                .expectNoEvents();
        fixture.given(withFourParticipants())
                .andGiven(new MeetingWishExpressedEvent(ID, ASSOCIATION, COMPANY, false, NOW),
                        new SessionClosedEvent(ID, NOW))
                .when(new WithdrawMeetingWishCommand(ID, ASSOCIATION, COMPANY))
                .expectException(SessionAlreadyClosed.class)
                .expectNoEvents();
    }

    @Test
    void noScheduleBeforeTwoParticipantsAreRegistered() {
        fixture.given(planned(), registered(ASSOCIATION))
                .when(new GenerateScheduleCommand(ID, List.of(), OBJECTIVE))
                .expectException(ScheduleNotReady.class)
                .expectExceptionMessage("il faut au moins deux participants inscrits pour générer un planning")
                .expectNoEvents();
    }

    @Test
    void aGeneratedScheduleIsRecordedAsADraft() {
        fixture.given(withFourParticipants())
                .when(new GenerateScheduleCommand(ID, ROUND_ROBIN, OBJECTIVE))
                .expectEvents(new ScheduleGeneratedEvent(ID, ROUND_ROBIN, OBJECTIVE, NOW));
    }

    @Test
    void aScheduleSeatsOnlyRegisteredParticipants() {
        refused(List.of(meeting(1, 1, ASSOCIATION, STRANGER)),
                "l'acteur actor-stranger n'est pas inscrit à la session");
    }

    @Test
    void noPairMeetsTwice() {
        refused(List.of(meeting(1, 1, ASSOCIATION, FOUNDATION), meeting(2, 1, FOUNDATION, ASSOCIATION)),
                "actor-foundation et actor-association se rencontrent deux fois");
    }

    @Test
    void nobodySitsTwiceInARound() {
        refused(List.of(meeting(1, 1, ASSOCIATION, FOUNDATION), meeting(1, 2, ASSOCIATION, COMMUNE)),
                "l'acteur actor-association a deux rencontres au tour 1");
    }

    @Test
    void aTableHoldsOnePairPerRound() {
        refused(List.of(meeting(1, 1, ASSOCIATION, FOUNDATION), meeting(1, 1, COMMUNE, COMPANY)),
                "la table 1 reçoit deux paires au tour 1");
    }

    @Test
    void meetingsStayWithinTheSessionsRoundsAndTables() {
        refused(List.of(meeting(4, 1, ASSOCIATION, FOUNDATION)), "le tour 4 n'existe pas dans la session");
        refused(List.of(meeting(1, 3, ASSOCIATION, FOUNDATION)), "la table 3 n'existe pas dans la session");
    }

    private void refused(List<ScheduledMeeting> meetings, String message) {
        fixture.given(withFourParticipants())
                .when(new GenerateScheduleCommand(ID, meetings, OBJECTIVE))
                .expectException(InvalidSession.class)
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    @Test
    void onlyAGeneratedScheduleIsPublished() {
        fixture.given(withFourParticipants())
                .when(new PublishScheduleCommand(ID))
                .expectException(ScheduleNotReady.class)
                .expectExceptionMessage("seul un planning généré peut être publié");
        fixture.given(generated()).when(new PublishScheduleCommand(ID))
                .expectEvents(new SchedulePublishedEvent(ID, NOW));
    }

    /**
     * A draft names the version it was computed from, a publication the version the facilitator looked at: one a lock
     * set meanwhile, or a plan generated again on another device, made out of date is refused, writing nothing.
     */
    @Test
    void aDraftOrAPublicationOnAScheduleChangedMeanwhileIsRefused() {
        List<Object> lockedMeanwhile = new ArrayList<>(generated());
        lockedMeanwhile.add(new ScheduleAdjustedEvent(ID, ROUND_ROBIN, OBJECTIVE, "verrou", NOW));
        fixture.given(lockedMeanwhile)
                .when(new GenerateScheduleCommand(ID, ROUND_ROBIN, OBJECTIVE, 1))
                .expectException(ScheduleChangedMeanwhile.class)
                .expectExceptionMessage("le planning a changé entre-temps (version 2, ce changement partait de la "
                        + "version 1) : relisez-le, puis recommencez")
                .expectNoEvents();
        fixture.given(lockedMeanwhile)
                .when(new PublishScheduleCommand(ID, 1))
                .expectException(ScheduleChangedMeanwhile.class)
                .expectNoEvents();

        fixture.given(lockedMeanwhile)
                .when(new GenerateScheduleCommand(ID, ROUND_ROBIN, OBJECTIVE, 2))
                .expectEvents(new ScheduleGeneratedEvent(ID, ROUND_ROBIN, OBJECTIVE, NOW));
        fixture.given(lockedMeanwhile)
                .when(new PublishScheduleCommand(ID, 2))
                .expectEvents(new SchedulePublishedEvent(ID, NOW));
        fixture.given(withFourParticipants())
                .when(new GenerateScheduleCommand(ID, ROUND_ROBIN, OBJECTIVE, 0))
                .expectEvents(new ScheduleGeneratedEvent(ID, ROUND_ROBIN, OBJECTIVE, NOW));
    }

    @Test
    void aScheduleSeatingAParticipantWhoWithdrewIsGeneratedAgainBeforePublication() {
        List<Object> history = new ArrayList<>(generated());
        history.add(new ParticipantWithdrewEvent(ID, COMPANY, NOW));
        fixture.given(history)
                .when(new PublishScheduleCommand(ID))
                .expectException(ScheduleNotReady.class)
                .expectNoEvents();
    }

    @Test
    void registrationsWishesAndDraftsCloseWithPublication() {
        fixture.given(published()).when(new RegisterParticipantCommand(ID, STRANGER, "Autre"))
                .expectException(SchedulePublishedAlready.class);
        fixture.given(published()).when(new ExpressMeetingWishCommand(ID, ASSOCIATION, COMPANY))
                .expectException(SchedulePublishedAlready.class);
        fixture.given(published()).when(new GenerateScheduleCommand(ID, ROUND_ROBIN, OBJECTIVE))
                .expectException(SchedulePublishedAlready.class);
        fixture.given(published()).when(new PublishScheduleCommand(ID))
                .expectException(SchedulePublishedAlready.class);
    }
}
