package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.matching.api.InvalidParameterException;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.platform.security.TerritoryScope;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.TerritoryRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The facilitators' follow-up list: the introductions of the actors they may act for (their territories', and those
 * they are members of; every introduction for an admin), those to follow up now first, each with why ({@link FollowUp}),
 * then the others, the latest step first. Read from the introduction views ({@link FollowUpReader}), as the inboxes are.
 */
@RestController
class FollowUpController {

    private static final String TERRITORY = "Un département ou une région, écrit comme dans les jetons (DEPARTEMENT:38, "
            + "REGION:84) : les mises en relation de ses acteurs seulement";

    /**
     * How far a page may start: each rule's query reads the lines before it, so that an offset of a hundred thousand
     * read as many views at each request. As far as the spreadsheet goes (its default bound), which narrowing the
     * list (a territory, a stage) brings within reach.
     */
    static final int MAX_OFFSET = 10_000;

    private final FollowUpReader views;
    private final ProjectionReader actors;
    private final ActorAccess access;
    private final Clock clock;
    private final FollowUpThresholds thresholds;
    private final FollowUpTerritories territories;
    /**
     * The lines of a file at most (10,000): a lab's follow-up fits many times over, and a file of a whole lab's
     * history, read at once, is not one to work through.
     */
    private final int maxFileLines;

    FollowUpController(FollowUpReader views, ProjectionReader actors, ActorAccess access, Clock clock,
                       FollowUpThresholds thresholds, FollowUpTerritories territories,
                       @Value("${lab.introductions.follow-up.max-file-lines:10000}") int maxFileLines) {
        this.views = views;
        this.actors = actors;
        this.access = access;
        this.clock = clock;
        this.thresholds = thresholds;
        this.territories = territories;
        this.maxFileLines = maxFileLines;
    }

    /**
     * {@code status} keeps some stages (repeatable or comma-separated); {@code toFollow=true} only those to follow up
     * now; {@code notRemindedForDays=7} leaves out those a reminder was noted on today or in the six days before (a
     * round of calls skips whom the last one reached); {@code territory=DEPARTEMENT:38} narrows the list to the
     * introductions of that territory's actors (its counts too); {@code offset} and {@code limit} page through the lines
     * kept.
     */
    @GetMapping("/api/introductions")
    IntroductionViewJson.FollowUpList followUp(
            @RequestParam(required = false) List<String> status,
            @RequestParam(defaultValue = "false") boolean toFollow,
            @RequestParam(required = false) @Min(1) @Max(NotRemindedWithin.MAX_DAYS) Integer notRemindedForDays,
            @Parameter(description = TERRITORY) @RequestParam(required = false) String territory,
            @RequestParam(defaultValue = "50") @Min(1) @Max(IntroductionViewController.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_OFFSET) int offset,
            @AuthenticationPrincipal LabPrincipal principal) {
        return list(principal, status, toFollow, notReminded(notRemindedForDays), territories.read(territory), limit,
                offset);
    }

    /**
     * The same lines, all those the filters keep ({@link #maxFileLines} at most: more is a 400 saying how many), as a
     * spreadsheet for French Excel ({@link FollowUpCsv}).
     */
    @Operation(responses = @ApiResponse(responseCode = "200",
            description = "The follow-up list as a spreadsheet (attachment): the lines the filters keep, in its order",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))))
    @GetMapping("/api/introductions.csv")
    ResponseEntity<byte[]> followUpFile(
            @RequestParam(required = false) List<String> status,
            @RequestParam(defaultValue = "false") boolean toFollow,
            @RequestParam(required = false) @Min(1) @Max(NotRemindedWithin.MAX_DAYS) Integer notRemindedForDays,
            @Parameter(description = TERRITORY) @RequestParam(required = false) String territory,
            @AuthenticationPrincipal LabPrincipal principal) {
        Optional<TerritoryRef> within = territories.read(territory);
        IntroductionViewJson.FollowUpList list = list(principal, status, toFollow, notReminded(notRemindedForDays),
                within, maxFileLines, 0);
        if (list.total() > maxFileLines) {
            throw new InvalidParameterException(toFollow ? "status" : "toFollow", "invalid.follow-up.file-too-long",
                    list.total(), maxFileLines);
        }
        // Named after the territory it was narrowed to, if any: a facilitator keeps one file per département.
        String name = "suivi-mises-en-relation-" + within.map(t -> TerritoryScope.written(t).toLowerCase(Locale.ROOT)
                .replace(':', '-') + "-").orElse("") + LabCalendar.today(clock) + ".csv";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(FollowUpCsv.write(list.introductions()));
    }

    private static Optional<NotRemindedWithin> notReminded(Integer days) {
        return Optional.ofNullable(days).map(NotRemindedWithin::new);
    }

    private IntroductionViewJson.FollowUpList list(LabPrincipal principal, List<String> status, boolean toFollow,
                                                   Optional<NotRemindedWithin> notReminded,
                                                   Optional<TerritoryRef> territory, int limit, int offset) {
        if (!principal.is(LabRole.FACILITATOR) && !principal.is(LabRole.ADMIN)) {
            throw new ActionForbiddenException("Le suivi des mises en relation est réservé à l'animation des territoires "
                    + "et à l'administration ; les membres d'une organisation suivent les leurs sur sa page.");
        }
        Set<IntroductionStage> stages = IntroductionViewController.stages(status);
        Map<String, ActorEntry> everyActor = actors.allActors().stream()
                .collect(Collectors.toMap(ActorEntry::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, String> names = IntroductionViewController.namesOf(everyActor);
        LocalDate today = LabCalendar.today(clock);
        List<IntroductionViewJson.TerritoryChoice> choices = territories.choices(principal);
        if (!principal.is(LabRole.ADMIN) || territory.isPresent()) {
            // A facilitator's share of the lab's (or a territory's, for an admin too): the introductions of its actors.
            List<IntroductionView> theirs = views.involvingAnyOf(everyActor.values().stream()
                    .filter(actor -> access.mayActFor(principal, actor))
                    .filter(actor -> territory.map(within -> territories.isHomeOf(within, actor)).orElse(true))
                    .map(ActorEntry::id).toList());
            return inMemory(theirs, stages, toFollow, notReminded, choices, limit, offset, today, names);
        }
        // An admin's: the whole lab, read a page at a time.
        // Those to follow first: the first offset + limit lines of each rule whose stage is kept, merged in the list's
        // order; then, unless only they are asked for, the others, the latest step first.
        // The end of the page, in long: an offset near Integer.MAX_VALUE plus the limit is past it, not negative.
        int upTo = (int) Math.min((long) offset + limit, Integer.MAX_VALUE);
        long toFollowCount = 0;
        long kept = 0;
        List<FollowUp.Followed> followed = new ArrayList<>();
        for (FollowUp rule : FollowUp.values()) {
            long count = views.count(rule, today, Optional.empty());
            toFollowCount += count;
            long keptOfRule = count == 0 || notReminded.isEmpty() ? count : views.count(rule, today, notReminded);
            if (keptOfRule > 0 && stages.contains(rule.stage())) {
                kept += keptOfRule;
                views.first(rule, today, notReminded, upTo).forEach(view -> FollowUp.of(view, today, names, thresholds)
                        .ifPresent(reason -> followed.add(new FollowUp.Followed(view, reason))));
            }
        }
        followed.sort(FollowUp.order());
        List<FollowUp.Followed> page = new ArrayList<>(followed.subList(Math.min(offset, followed.size()),
                Math.min(upTo, followed.size())));
        long total = kept;
        if (!toFollow) {
            total += views.countOthers(stages, today, notReminded);
            int room = limit - page.size();
            if (room > 0) {
                views.others(stages, today, notReminded, Math.max(0, offset - kept), room)
                        .forEach(view -> page.add(new FollowUp.Followed(view, null)));
            }
        }
        return new IntroductionViewJson.FollowUpList((int) toFollowCount, rules(),
                IntroductionViewController.stageCounts(views.stageCounts()), choices, (int) total, offset,
                page.stream().map(f -> IntroductionViewJson.followUpEntry(f, names)).toList());
    }

    /** The same list over introductions read whole (a facilitator's share of the lab's), computed here. */
    private IntroductionViewJson.FollowUpList inMemory(List<IntroductionView> theirs, Set<IntroductionStage> stages,
                                                       boolean toFollow, Optional<NotRemindedWithin> notReminded,
                                                       List<IntroductionViewJson.TerritoryChoice> choices,
                                                       int limit, int offset, LocalDate today, Map<String, String> names) {
        List<FollowUp.Followed> all = theirs.stream().filter(view -> view.stage != null)
                .map(view -> new FollowUp.Followed(view, FollowUp.of(view, today, names, thresholds).orElse(null))).toList();
        List<FollowUp.Followed> kept = all.stream()
                .filter(f -> stages.contains(f.view().stage) && (!toFollow || f.reason() != null)
                        && notReminded.map(filter -> filter.keeps(f.view(), today)).orElse(true))
                .sorted(FollowUp.order()).toList();
        return new IntroductionViewJson.FollowUpList((int) all.stream().filter(f -> f.reason() != null).count(), rules(),
                IntroductionViewController.stageCounts(theirs), choices, kept.size(), offset, kept.stream().skip(offset).limit(limit)
                .map(f -> IntroductionViewJson.followUpEntry(f, names)).toList());
    }

    /** The rules with this lab's days, for the reader to be told what « to follow » means here. */
    private List<IntroductionViewJson.FollowUpRule> rules() {
        return Arrays.stream(FollowUp.values())
                .map(rule -> new IntroductionViewJson.FollowUpRule(rule.slug(), thresholds.days(rule), rule.rule(thresholds)))
                .toList();
    }
}
