package fr.labos.partenariats.matchmaking.introduction.history.api;

import fr.labos.partenariats.matchmaking.introduction.history.ChainVerification;
import fr.labos.partenariats.matchmaking.introduction.history.store.IntroductionHistories;
import fr.labos.partenariats.matchmaking.introduction.history.store.StoredEvent;
import fr.labos.partenariats.platform.security.LabPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * An introduction's history, step by step with its hashes, and its verification recomputed from the event store:
 * for the members of its two actors, the facilitators of their territory and admins.
 */
@RestController
class HistoryController {

    private final IntroductionHistories histories;
    private final HistoryAccess access;
    private final Clock clock;

    HistoryController(IntroductionHistories histories, HistoryAccess access, Clock clock) {
        this.histories = histories;
        this.access = access;
        this.clock = clock;
    }

    /** Every step: what, when, who, on which grounds, with its hash and the previous step's. */
    @GetMapping("/api/introductions/{id}/history")
    HistoryViews.History history(@PathVariable String id, @AuthenticationPrincipal LabPrincipal principal) {
        access.checkCanReadHistory(principal, id);
        return HistoryViews.history(id, readable(id));
    }

    /** Recomputes the chain from the stored events; says whether it holds and, if not, which step breaks and why. */
    @GetMapping("/api/introductions/{id}/verification")
    HistoryViews.Verification verification(@PathVariable String id, @AuthenticationPrincipal LabPrincipal principal) {
        access.checkCanReadHistory(principal, id);
        // One snapshot for the steps shown and the steps verified, as for the count of recorded steps.
        IntroductionHistories.Snapshot read = histories.read(id);
        ChainVerification chain = histories.verify(read);
        return HistoryViews.verification(id, chain, read.events(), clock.instant());
    }

    /**
     * The stored steps of an introduction the principal may read; none when they were all deleted from the store
     * while the history still records them ({@link HistoryAccess} lets only admins that far, and the verification
     * names the missing steps).
     */
    private List<StoredEvent> readable(String id) {
        return histories.history(id);
    }
}
