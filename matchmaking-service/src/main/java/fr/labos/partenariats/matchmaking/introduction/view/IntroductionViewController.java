package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.introduction.api.IntroductionParties;
import fr.labos.partenariats.matchmaking.introduction.command.IntroductionRules;
import fr.labos.partenariats.matchmaking.matching.api.InvalidParameterException;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.platform.security.LabPrincipal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An introduction's timeline and an actor's inbox, read from the introduction views (fed by
 * {@code lab.matchmaking.events}, so they follow the commands by the time the relay and the consumer take).
 */
@RestController
class IntroductionViewController {

    static final int MAX_LIMIT = 500;

    private final IntroductionViewReader views;
    private final ProjectionReader actors;
    private final IntroductionReadAccess access;
    private final IntroductionParties parties;
    private final ActorAccess actorAccess;
    private final Clock clock;

    IntroductionViewController(IntroductionViewReader views, ProjectionReader actors, IntroductionReadAccess access,
                               IntroductionParties parties, ActorAccess actorAccess, Clock clock) {
        this.views = views;
        this.actors = actors;
        this.access = access;
        this.parties = parties;
        this.actorAccess = actorAccess;
        this.clock = clock;
    }

    /**
     * Where the introduction stands and every step it took: what, when, who (pseudonymous subject and role), why; and
     * what the reader may do with it now.
     */
    @GetMapping("/api/introductions/{introductionId}")
    IntroductionViewJson.Timeline introduction(@PathVariable String introductionId,
                                               @AuthenticationPrincipal LabPrincipal principal) {
        IntroductionView view = views.find(introductionId)
                .filter(found -> found.actorId != null)
                .orElseThrow(() -> notInTheViewsYet(introductionId, principal));
        // The two sides, read once: for who may read it, and for their names.
        List<String> sides = Arrays.asList(view.actorId, view.partnerActorId);
        Map<String, ActorEntry> entries = actors.actors(sides.stream().filter(Objects::nonNull).toList());
        access.checkMayReadIntroduction(principal, introductionId, sides, entries);
        return IntroductionViewJson.timeline(view, namesOf(entries), permissions(principal, view, entries));
    }

    /** What the reader may do with the introduction now; {@code entries}: its sides' (at least), as read. */
    private IntroductionViewJson.Permissions permissions(LabPrincipal principal, IntroductionView view,
                                                        Map<String, ActorEntry> entries) {
        List<ActorEntry> sides = Stream.of(view.actorId, view.partnerActorId).filter(Objects::nonNull)
                .map(entries::get).filter(Objects::nonNull).toList();
        return new IntroductionViewJson.Permissions(mayWithdraw(principal, view, sides));
    }

    /**
     * Whether the write API would take the principal's withdrawal (POST …/withdraw), by its rules: whoever proposed
     * it while still acting for one of the two actors, or an admin, while it waits for its answers.
     */
    private boolean mayWithdraw(LabPrincipal principal, IntroductionView view, List<ActorEntry> sides) {
        return view.stage == IntroductionStage.PROPOSED
                && !IntroductionRules.answerPeriodOver(view.answerBy, clock.instant())
                && IntroductionRules.mayWithdraw(view.proposer(), principal.subject(), principal.role().name())
                && actorAccess.actsForOneOf(principal, sides);
    }

    /**
     * An introduction the views do not hold: unknown (404), or recorded but not in the views yet — a 503 to retry for
     * whoever may read it, a 404 for anyone else, as for any introduction they may not read.
     */
    private RuntimeException notInTheViewsYet(String introductionId, LabPrincipal principal) {
        List<String> sides = parties.find(introductionId)
                .orElseThrow(() -> new ViewNotFoundException("not-found.introduction", introductionId));
        access.checkMayReadIntroduction(principal, introductionId, sides, actors.actors(sides));
        return new ViewNotCaughtUp(introductionId);
    }

    /**
     * The introductions the actor is a side of, those waiting for its answer first (soonest deadline first), then the
     * others by their latest step. {@code status} keeps only the given stages (repeatable or comma-separated);
     * {@code offset} and {@code limit} page through the lines kept (an actor of many years may have hundreds).
     */
    @GetMapping("/api/actors/{actorId}/introductions")
    IntroductionViewJson.Inbox inbox(@PathVariable String actorId,
                                     @RequestParam(required = false) List<String> status,
                                     @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit,
                                     @RequestParam(defaultValue = "0") @Min(0) int offset,
                                     @AuthenticationPrincipal LabPrincipal principal) {
        Set<IntroductionStage> stages = stages(status);
        List<IntroductionView> involving = views.involving(actorId);
        if (involving.isEmpty() && actors.actor(actorId).isEmpty()) {
            throw new ViewNotFoundException("not-found.actor", actorId);
        }
        access.checkMayReadInbox(principal, actorId);
        List<IntroductionViewJson.StageCount> stageCounts = stageCounts(involving);
        Map<String, Long> byStatus = new TreeMap<>();
        stageCounts.forEach(stage -> byStatus.put(stage.status(), stage.count()));
        List<IntroductionView> matching = involving.stream()
                .filter(view -> view.stage != null && stages.contains(view.stage))
                .sorted(inboxOrder(actorId)).toList();
        List<IntroductionView> kept = matching.stream().skip(offset).limit(limit).toList();
        // Both sides of every line, in one read: the partners' names, and what the reader may do with each line.
        Set<String> sides = new HashSet<>();
        sides.add(actorId);
        kept.forEach(view -> sides.add(actorId.equals(view.actorId) ? view.partnerActorId : view.actorId));
        sides.remove(null);
        Map<String, ActorEntry> sideEntries = actors.actors(sides);
        Map<String, String> names = namesOf(sideEntries);
        List<IntroductionViewJson.InboxEntry> entries = new ArrayList<>();
        kept.forEach(view -> entries.add(IntroductionViewJson.inboxEntry(view, actorId, names,
                permissions(principal, view, sideEntries))));
        int waiting = (int) involving.stream().filter(view -> view.waitsFor(actorId)).count();
        return new IntroductionViewJson.Inbox(actorId, waiting, byStatus, stageCounts, matching.size(), offset, entries);
    }

    private static Comparator<IntroductionView> inboxOrder(String actorId) {
        Comparator<IntroductionView> waitingFirst = Comparator.comparing(view -> !view.waitsFor(actorId));
        return waitingFirst
                .thenComparing(view -> view.waitsFor(actorId) ? view.answerBy : null,
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(view -> view.lastStepAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(view -> view.id);
    }

    /** How many of these introductions are at each stage, in the lifecycle's order, for the stages they are at. */
    static List<IntroductionViewJson.StageCount> stageCounts(List<IntroductionView> views) {
        return stageCounts(views.stream().filter(v -> v.stage != null)
                .collect(Collectors.groupingBy(v -> v.stage, () -> new EnumMap<>(IntroductionStage.class),
                        Collectors.counting())));
    }

    /** These counts by stage, in the lifecycle's order (an {@link EnumMap}'s), each with its French label. */
    static List<IntroductionViewJson.StageCount> stageCounts(Map<IntroductionStage, Long> counts) {
        List<IntroductionViewJson.StageCount> stageCounts = new ArrayList<>();
        counts.forEach((stage, count) -> stageCounts.add(new IntroductionViewJson.StageCount(stage.slug(), stage.label(), count)));
        return stageCounts;
    }

    /** The stages a {@code status} parameter names (all when absent); a 400 naming the stages for an unknown one. */
    static Set<IntroductionStage> stages(List<String> status) {
        if (status == null || status.isEmpty()) {
            return EnumSet.allOf(IntroductionStage.class);
        }
        Set<IntroductionStage> stages = EnumSet.noneOf(IntroductionStage.class);
        for (String value : status) {
            for (String slug : value.split(",")) {
                String trimmed = slug.trim();
                stages.add(IntroductionStage.bySlug(trimmed).orElseThrow(() -> InvalidParameterException.oneOf(
                        "status", trimmed,
                        Arrays.stream(IntroductionStage.values()).map(IntroductionStage::slug).collect(Collectors.joining(", ")))));
            }
        }
        return stages;
    }

    static Map<String, String> namesOf(Map<String, ActorEntry> entries) {
        Map<String, String> names = new HashMap<>();
        entries.forEach((id, actor) -> names.put(id, actor.name()));
        return names;
    }
}
