package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.schema.common.LabCalendar;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The facilitators' follow-up list: the introductions of the actors they may act for (their territories', and those
 * they are members of; every introduction for an admin), those to follow up now first, each with why ({@link FollowUp}).
 * Read from the introduction views, as the inboxes are.
 */
@RestController
class FollowUpController {

    private final IntroductionViewReader views;
    private final ProjectionReader actors;
    private final ActorAccess access;
    private final Clock clock;

    FollowUpController(IntroductionViewReader views, ProjectionReader actors, ActorAccess access, Clock clock) {
        this.views = views;
        this.actors = actors;
        this.access = access;
        this.clock = clock;
    }

    /**
     * {@code status} keeps some stages (repeatable or comma-separated); {@code toFollow=true} only those to follow up
     * now; {@code offset} and {@code limit} page through the lines kept.
     */
    @GetMapping("/api/introductions")
    IntroductionViewJson.FollowUpList followUp(@RequestParam(required = false) List<String> status,
                                               @RequestParam(defaultValue = "false") boolean toFollow,
                                               @RequestParam(defaultValue = "50") @Min(1) @Max(IntroductionViewController.MAX_LIMIT) int limit,
                                               @RequestParam(defaultValue = "0") @Min(0) int offset,
                                               @AuthenticationPrincipal LabPrincipal principal) {
        if (!principal.is(LabRole.FACILITATOR) && !principal.is(LabRole.ADMIN)) {
            throw new ActionForbiddenException("Le suivi des mises en relation est réservé à l'animation des territoires "
                    + "et à l'administration ; les membres d'une organisation suivent les leurs sur sa page.");
        }
        Set<IntroductionStage> stages = IntroductionViewController.stages(status);
        Map<String, ActorEntry> everyActor = actors.allActors().stream()
                .collect(Collectors.toMap(ActorEntry::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<IntroductionView> followed = principal.is(LabRole.ADMIN) ? views.all()
                : views.involvingAnyOf(everyActor.values().stream().filter(actor -> access.mayActFor(principal, actor))
                        .map(ActorEntry::id).toList());
        Map<String, String> names = IntroductionViewController.namesOf(everyActor);
        LocalDate today = LabCalendar.today(clock);
        List<FollowUp.Followed> all = followed.stream().filter(view -> view.stage != null)
                .map(view -> new FollowUp.Followed(view, FollowUp.of(view, today, names).orElse(null))).toList();
        List<FollowUp.Followed> kept = all.stream()
                .filter(f -> stages.contains(f.view().stage) && (!toFollow || f.reason() != null))
                .sorted(FollowUp.order()).toList();
        List<IntroductionViewJson.FollowUpEntry> page = kept.stream().skip(offset).limit(limit)
                .map(f -> IntroductionViewJson.followUpEntry(f, names)).toList();
        int toFollowCount = (int) all.stream().filter(f -> f.reason() != null).count();
        return new IntroductionViewJson.FollowUpList(toFollowCount, IntroductionViewController.stageCounts(followed),
                kept.size(), offset, page);
    }
}
