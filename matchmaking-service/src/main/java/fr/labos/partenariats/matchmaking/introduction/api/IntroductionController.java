package fr.labos.partenariats.matchmaking.introduction.api;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.introduction.command.IntroductionRules;
import fr.labos.partenariats.matchmaking.introduction.command.InvalidIntroduction;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionReadAccess;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.schema.matching.AcceptIntroductionCommand;
import fr.labos.partenariats.schema.matching.DeclineIntroductionCommand;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.ProposeIntroductionCommand;
import fr.labos.partenariats.schema.matching.Proposer;
import fr.labos.partenariats.schema.matching.RecordMeetingHeldCommand;
import fr.labos.partenariats.schema.matching.RecordMeetingMissedCommand;
import fr.labos.partenariats.schema.matching.RecordOutcomeCommand;
import fr.labos.partenariats.schema.matching.RecordReminderCommand;
import fr.labos.partenariats.schema.matching.ScheduleMeetingCommand;
import fr.labos.partenariats.schema.matching.WithdrawIntroductionCommand;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The life of an introduction over HTTP: ask for it (or make it, as a facilitator), accept or decline it for one of
 * its actors, withdraw it, then its meetings and outcomes, and the facilitators' reminders. Who may act for which
 * actor is decided here ({@link ActorAccess}) before any command is sent; the introduction's own rules refuse the rest.
 * Either way a refused request writes nothing.
 */
@RestController
@RequestMapping("/api/introductions")
class IntroductionController {

    /** The commands' field names that the requests call otherwise. */
    private static final Map<String, String> REQUEST_FIELDS = Map.of("partnerActorId", "partnerId", "occurredOn", "day",
            "explanation", "text", "location", "place");

    private final CommandGateway commands;
    private final ActorAccess access;
    private final IntroductionParties parties;
    private final IntroductionReadAccess readers;
    private final MatcherGrounds matcher;

    IntroductionController(CommandGateway commands, ActorAccess access, IntroductionParties parties,
                           IntroductionReadAccess readers, MatcherGrounds matcher) {
        this.commands = commands;
        this.access = access;
        this.parties = parties;
        this.readers = readers;
        this.matcher = matcher;
    }

    /**
     * An actor asks to be introduced to a partner the matcher proposes ({@code ACTOR_REQUEST}): the score and its
     * explanation are frozen as they are now. A facilitator introduces two actors by hand ({@code FACILITATOR}).
     */
    @Operation(operationId = "proposeIntroduction")
    @PostMapping
    ResponseEntity<Created> propose(@AuthenticationPrincipal LabPrincipal principal,
                                    @Valid @RequestBody IntroductionRequests.Proposal request) {
        IntroductionSource source = request.sourceOrDefault();
        // The request's own mistake first, whatever its source: the matcher asked about an actor and itself would
        // answer that it proposes no such introduction (409), which sends the actor looking for the wrong cause.
        inRequestTerms(() -> IntroductionRules.checkTwoActors(request.actorId(), request.partnerId()));
        MatcherGrounds.Grounds grounds = switch (source) {
            case ACTOR_REQUEST -> {
                Map<String, ActorEntry> sides = access.read(List.of(request.actorId(), request.partnerId()));
                access.actingFor(principal, access.existing(sides, request.actorId()));
                access.existing(sides, request.partnerId());
                yield matcher.required(request.actorId(), request.partnerId(), request.requestedPairs());
            }
            case FACILITATOR -> {
                Map<String, ActorEntry> sides = access.read(List.of(request.actorId(), request.partnerId()));
                access.checkMayIntermediateBetween(principal, List.of(access.existing(sides, request.actorId()),
                        access.existing(sides, request.partnerId())));
                yield matcher.optional(request.actorId(), request.partnerId(), request.requestedPairs());
            }
            case MATCHER, SPEED_MEETING -> throw new InvalidIntroduction("source",
                    "une mise en relation demandée ici vient d'une organisation (ACTOR_REQUEST) ou de l'équipe du labo "
                            + "(FACILITATOR)");
        };
        String id = UUID.randomUUID().toString();
        send(new ProposeIntroductionCommand(id, source, request.actorId(), request.partnerId(),
                grounds.pairs(), grounds.match(), new Proposer(principal.subject(), principal.role().name()),
                request.note()));
        return ResponseEntity.created(URI.create("/api/introductions/" + id)).body(new Created(id));
    }

    @PostMapping("/{introductionId}/accept")
    ResponseEntity<Void> accept(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String introductionId,
                                @Valid @RequestBody IntroductionRequests.Answer request) {
        Map<String, ActorEntry> sides = sidesReadBy(principal, introductionId);
        access.actingFor(principal, sideOrExisting(sides, request.actingFor()));
        send(new AcceptIntroductionCommand(introductionId, request.actingFor()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{introductionId}/decline")
    ResponseEntity<Void> decline(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String introductionId,
                                 @Valid @RequestBody IntroductionRequests.Decline request) {
        Map<String, ActorEntry> sides = sidesReadBy(principal, introductionId);
        access.actingFor(principal, sideOrExisting(sides, request.actingFor()));
        send(new DeclineIntroductionCommand(introductionId, request.actingFor(), request.reason(),
                request.text()));
        return ResponseEntity.noContent().build();
    }

    /**
     * Only the principal who proposed it, while it still acts for one of the two actors, or an administrator, before
     * both sides accepted (the introduction checks who proposed it, and when).
     */
    @Operation(operationId = "withdrawIntroduction")
    @PostMapping("/{introductionId}/withdraw")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String introductionId,
                                  @Valid @RequestBody(required = false) IntroductionRequests.Withdrawal request) {
        // A 404 for whoever may not read it (a viewer reads none); then a 403 for whoever acts for neither side.
        access.checkActsForOneOf(principal, sidesReadBy(principal, introductionId).values());
        send(new WithdrawIntroductionCommand(introductionId, principal.subject(), principal.role().name(),
                request == null ? null : request.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{introductionId}/meetings")
    ResponseEntity<Created> scheduleMeeting(@AuthenticationPrincipal LabPrincipal principal,
                                            @PathVariable String introductionId,
                                            @Valid @RequestBody IntroductionRequests.Meeting request) {
        checkMayAct(principal, introductionId, request.actingFor());
        String meetingId = request.meetingId() == null ? UUID.randomUUID().toString() : request.meetingId();
        send(new ScheduleMeetingCommand(introductionId, meetingId, request.actingFor(),
                request.startsAt(), request.place()));
        return ResponseEntity.created(URI.create("/api/introductions/" + introductionId + "/meetings/" + meetingId))
                .body(new Created(meetingId));
    }

    @PostMapping("/{introductionId}/meetings/{meetingId}/held")
    ResponseEntity<Void> meetingHeld(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String introductionId,
                                     @PathVariable String meetingId,
                                     @Valid @RequestBody IntroductionRequests.MeetingHeld request) {
        checkMayAct(principal, introductionId, request.actingFor());
        send(new RecordMeetingHeldCommand(introductionId, meetingId, request.actingFor(), request.note()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{introductionId}/meetings/{meetingId}/missed")
    ResponseEntity<Void> meetingMissed(@AuthenticationPrincipal LabPrincipal principal,
                                       @PathVariable String introductionId, @PathVariable String meetingId,
                                       @Valid @RequestBody IntroductionRequests.MeetingMissed request) {
        checkMayAct(principal, introductionId, request.actingFor());
        send(new RecordMeetingMissedCommand(introductionId, meetingId, request.actingFor(),
                request.absentActorId(), request.note()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{introductionId}/outcomes")
    ResponseEntity<Void> recordOutcome(@AuthenticationPrincipal LabPrincipal principal,
                                       @PathVariable String introductionId,
                                       @Valid @RequestBody IntroductionRequests.OutcomeReport request) {
        checkMayAct(principal, introductionId, request.actingFor());
        send(new RecordOutcomeCommand(introductionId, request.actingFor(), request.outcome(),
                request.day(), request.note(), request.form(), request.category(), request.lastStepSeen()));
        return ResponseEntity.noContent().build();
    }

    /**
     * A facilitator of one of the two actors, or an admin, notes that it reminded one side or both (a phone call, an
     * e-mail): the next one to look sees it in the history and on the follow-up list, and does not call twice.
     */
    @Operation(operationId = "recordReminder")
    @PostMapping("/{introductionId}/reminders")
    ResponseEntity<Void> recordReminder(@AuthenticationPrincipal LabPrincipal principal,
                                        @PathVariable String introductionId,
                                        @Valid @RequestBody IntroductionRequests.Reminder request) {
        access.checkMayIntermediateBetween(principal, sidesReadBy(principal, introductionId).values());
        send(new RecordReminderCommand(introductionId, request.remindedActorId(), request.channel(), request.note()));
        return ResponseEntity.noContent().build();
    }

    /**
     * Sends a command and waits for the introduction's answer. Its rules name the command's fields, a client knows
     * its request's: those that differ are renamed, so that a 400's {@code errors} point at what the client sent.
     */
    private void send(Object command) {
        inRequestTerms(() -> commands.sendAndWait(command));
    }

    /** An introduction's rule applied, its refusal naming the request's fields. */
    private static void inRequestTerms(Runnable rule) {
        try {
            rule.run();
        } catch (InvalidIntroduction invalid) {
            String requestField = REQUEST_FIELDS.get(invalid.field());
            if (requestField == null) {
                throw invalid;
            }
            throw new InvalidIntroduction(requestField, invalid.getMessage());
        }
    }

    /** Body of a 201: the id of what was created (its address is in the Location header). */
    record Created(String id) {
    }

    /**
     * A 404 for whoever may not read the introduction; then, for one of the two actors, by whoever may act for it; for
     * neither ({@code actingFor} null), by an admin or a facilitator of one of them. Whether the actor is one of the two
     * is the introduction's rule (a 403 too).
     */
    private void checkMayAct(LabPrincipal principal, String introductionId, String actingFor) {
        Map<String, ActorEntry> sides = sidesReadBy(principal, introductionId);
        if (actingFor == null) {
            access.checkMayIntermediateBetween(principal, sides.values());
        } else {
            access.actingFor(principal, sideOrExisting(sides, actingFor));
        }
    }

    /**
     * The introduction's two actors as the projection knows them, for a principal who may read the introduction; to
     * any other, a 404 as for an unknown id: some introductions' ids are derived from their two actors, and a 403
     * would confirm to whoever computed one that those two were introduced. (Read in one query, which the checks that
     * follow reuse.)
     */
    private Map<String, ActorEntry> sidesReadBy(LabPrincipal principal, String introductionId) {
        List<String> actors = parties.of(introductionId);
        Map<String, ActorEntry> sides = access.read(actors);
        if (!readers.mayRead(principal, actors, sides)) {
            throw new IntroductionNotFound(introductionId);
        }
        return sides;
    }

    /** The actor acted for, from the sides read if it is one of them (else read, or a 404). */
    private ActorEntry sideOrExisting(Map<String, ActorEntry> sides, String actorId) {
        ActorEntry side = sides.get(actorId);
        return side != null ? side : access.existing(actorId);
    }
}
