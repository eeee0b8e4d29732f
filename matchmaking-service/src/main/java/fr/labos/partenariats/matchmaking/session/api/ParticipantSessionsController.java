package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.session.pairs.Complementarity;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.matchmaking.session.schedule.Wish;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.schema.common.LabCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sessions a member's organisations take part in: {@code GET /api/sessions} lists those one runs, and a member
 * runs none, yet it may read the schedule and the calendar of each session one of its actors is registered at, and
 * wish for them. This list is how it finds them, and what it needs to wish.
 *
 * <p>A session is listed when the principal acts for one of its participants, the rule by which
 * {@link SessionAccess#checkSees} lets a participant's member see a session: every session listed here answers its
 * schedule to the same principal. Of the other participants it gives the names only (those at a session know who
 * attends). Of the wishes it gives those of the principal's own actors, and nothing else: a wish is a participant's
 * private preference (see {@link SessionAccess#whySeenBy}), so neither another participant's wish, not even one
 * naming the principal's actor, nor whether a wish of its own was returned.
 *
 * <p>While wishes may be expressed, each of the principal's actors is also told which other participants its needs
 * and offers complement, and how (the matching engine's score and sentence, as {@code /partners} gives them): what a
 * member would want to know before choosing whom to meet. That says nothing of anyone's wishes.
 */
@RestController
class ParticipantSessionsController {

    /** Names in French order (« Épicerie » among the E, not after « Zone »). */
    private static final Comparator<String> FRENCH = Collator.getInstance(Locale.FRENCH)::compare;

    private final SessionReader sessions;
    private final SessionDirectory directory;
    private final ActorAccess actors;
    private final MatchingEngine engine;
    private final Clock clock;

    ParticipantSessionsController(SessionReader sessions, SessionDirectory directory, ActorAccess actors,
                                  MatchingEngine engine, Clock clock) {
        this.sessions = sessions;
        this.directory = directory;
        this.actors = actors;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * A session one of the principal's actors takes part in, with those actors ({@code actors}: what its schedule and
     * its calendars are read for, and who it wishes for) and the others ({@code otherParticipants}: whom they may
     * wish to meet). {@code date} and {@code startsAt} are the local time of {@code timeZone}, the session's
     * territory's, as in {@code GET /api/sessions}.
     */
    record ParticipantSession(String id, String title, String place, LocalDate date, LocalTime startsAt,
                              String timeZone, int rounds, int minutesPerRound, boolean published, int roundsStarted,
                              boolean closed,
                              @Schema(description = "Vrai tant que les souhaits peuvent être exprimés : planning pas "
                                      + "encore publié et session non close (après, POST …/wishes répond 409)")
                              boolean wishesOpen,
                              List<OwnActor> actors,
                              @Schema(description = "Les autres participants de la session, nommés seulement : ceux "
                                      + "que les acteurs de l'appelant peuvent souhaiter rencontrer")
                              List<OtherParticipant> otherParticipants) {
    }

    /** One of the principal's actors at the session, with the wishes it made there. */
    record OwnActor(String actorId, String name,
                    @Schema(description = "Les participants que cet acteur a souhaité rencontrer (ses souhaits à lui "
                            + "seul : jamais ceux des autres, ni s'ils sont réciproques)")
                    List<String> wishedActorIds,
                    @Schema(description = "Tant que les souhaits peuvent être exprimés : les autres participants dont "
                            + "les besoins et offres complètent ceux de cet acteur, du plus au moins complémentaire, "
                            + "avec le score et la phrase du moteur de mise en relation (rien des souhaits de quiconque) ; "
                            + "vide ensuite")
                    List<ComplementaryParticipant> complementary) {
    }

    /** Another participant whose needs and offers complement the actor's: the engine's score in [0, 1] and sentence. */
    record ComplementaryParticipant(String actorId, double score, String sentence) {
    }

    /** Another participant of the session: its name, nothing else. */
    record OtherParticipant(String actorId, String name) {
    }

    /** The sessions where the principal acts for a participant, latest date first (as the sessions one runs). */
    @GetMapping("/api/me/sessions")
    @Operation(operationId = "sessionsOfMyActors",
            summary = "Les sessions de rencontres express où l'on représente un participant, avec ces participants",
            description = "Pour chaque session : les participants que l'on représente et leurs propres souhaits, les "
                    + "noms des autres participants, et si les souhaits peuvent encore être exprimés. Les souhaits "
                    + "des autres participants n'y figurent jamais, ni ceux qui nomment les nôtres.")
    List<ParticipantSession> list(@AuthenticationPrincipal LabPrincipal principal) {
        List<SessionState> all = directory.plannedSessions().stream().distinct()
                .map(planned -> sessions.read(planned.sessionId(), planned.lastSequence()))
                .toList();
        // The participants of every session read in one query (one per session cost a lab's list 60 reads after five
        // years of a session a month), as SessionAccess reads them to decide who sees a session.
        Map<String, ActorEntry> participants = actors.read(all.stream()
                .flatMap(session -> session.participants().keySet().stream()).collect(Collectors.toSet()));
        LocalDate today = LabCalendar.today(clock);
        return all.stream()
                .map(session -> takenPartIn(principal, session, participants, today))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(ParticipantSession::date).thenComparing(ParticipantSession::startsAt)
                        .reversed())
                .toList();
    }

    /**
     * The session with the participants the principal acts for, or nothing when it acts for none of them.
     *
     * @param participants the entries of the participants of every session listed (a participant not in the
     *                     projection yet is named by its id, and acted for by no one)
     * @param today        the lab's day, as the engine scores a pair on it (read once for the whole list)
     */
    private Optional<ParticipantSession> takenPartIn(LabPrincipal principal, SessionState session,
                                                     Map<String, ActorEntry> participants, LocalDate today) {
        if (session.participants().isEmpty()) return Optional.empty();
        List<OwnActor> mine = session.participants().keySet().stream()
                .map(participants::get)
                .filter(actor -> actor != null && actors.mayActFor(principal, actor))
                .map(actor -> new OwnActor(actor.id(), name(actor), wishesOf(session, actor.id()),
                        session.beforePublication() ? complementary(session, actor.id(), today) : List.of()))
                .sorted(Comparator.comparing(OwnActor::name, FRENCH))
                .toList();
        if (mine.isEmpty()) return Optional.empty();
        List<OtherParticipant> others = session.participants().keySet().stream()
                .filter(actorId -> mine.stream().noneMatch(own -> own.actorId().equals(actorId)))
                .map(actorId -> new OtherParticipant(actorId,
                        participants.containsKey(actorId) ? name(participants.get(actorId)) : actorId))
                .sorted(Comparator.comparing(OtherParticipant::name, FRENCH))
                .toList();
        return Optional.of(new ParticipantSession(session.sessionId(), session.title(), session.place(),
                session.date(), session.startsAt(), session.zone().getId(), session.rounds(),
                session.minutesPerRound(), session.published(), session.roundsStarted(), session.closed(),
                session.beforePublication(), mine, others));
    }

    /**
     * The other participants the engine finds complementary to the actor, most first: the better of the pair's two
     * directions, as a session's plan weighs them ({@link Complementarity}). The pairs the introductions set aside
     * (one in progress, partners, declined as a competitor) are not suggested: the engine gives them no complementarity,
     * as it proposes them nowhere.
     */
    private List<ComplementaryParticipant> complementary(SessionState session, String actorId, LocalDate today) {
        return session.participants().keySet().stream()
                .filter(other -> !other.equals(actorId))
                .map(other -> complementaryParticipant(other, Complementarity.of(engine, actorId, other, today)))
                .filter(other -> other.score() > 0)
                .sorted(Comparator.comparingDouble(ComplementaryParticipant::score).reversed()
                        .thenComparing(ComplementaryParticipant::actorId))
                .toList();
    }

    private static ComplementaryParticipant complementaryParticipant(String actorId, Complementarity complementarity) {
        return new ComplementaryParticipant(actorId, complementarity.score(), complementarity.sentence());
    }

    /** The actors this one wished to meet: its own wishes only, whoever expressed them for it. */
    private static List<String> wishesOf(SessionState session, String actorId) {
        return session.wishes().stream()
                .filter(wish -> wish.actorId().equals(actorId))
                .map(Wish::wishedActorId)
                .toList();
    }

    private static String name(ActorEntry actor) {
        return actor.name() == null || actor.name().isBlank() ? actor.id() : actor.name();
    }
}
