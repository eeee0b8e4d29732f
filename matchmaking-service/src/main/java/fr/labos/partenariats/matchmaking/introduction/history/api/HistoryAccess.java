package fr.labos.partenariats.matchmaking.introduction.history.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.introduction.history.store.HistoryRepository;
import fr.labos.partenariats.matchmaking.introduction.history.store.StoredEvent;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionReadAccess;
import fr.labos.partenariats.platform.security.LabPrincipal;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who may read an introduction's history: whoever may read the introduction ({@link IntroductionReadAccess}: those who
 * may act for one of its two actors, their members and the facilitators of their territory, and admins). The two
 * actors are read from the stored proposal, the first step of the history, so that a history whose later rows were
 * altered is still readable by the same people. A history whose proposal was deleted from the store (or no longer
 * reads) has no known actors: admins read it, and see what was deleted.
 */
@Component
class HistoryAccess {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ActorAccess actors;
    private final IntroductionReadAccess readers;
    private final HistoryRepository repository;

    HistoryAccess(ActorAccess actors, IntroductionReadAccess readers, HistoryRepository repository) {
        this.actors = actors;
        this.readers = readers;
        this.repository = repository;
    }

    /**
     * A 404 for an introduction with no history, and for a principal who may not read it: the same answer, as an
     * introduction's id may be derived from its two actors and a refusal would confirm they were introduced.
     */
    void checkCanReadHistory(LabPrincipal principal, String introductionId) {
        List<String> parties = parties(introductionId);
        if (!mayRead(principal, parties)) {
            throw new UnknownIntroductionHistoryException(introductionId);
        }
    }

    boolean canReadHistory(LabPrincipal principal, String introductionId) {
        return mayRead(principal, parties(introductionId));
    }

    private boolean mayRead(LabPrincipal principal, List<String> parties) {
        return readers.mayRead(principal, parties, actors.read(parties));
    }

    /**
     * The two actors of the introduction; none when its proposal is unreadable, or gone from the store while the
     * history still records steps of the introduction (then only admins read it, and its verification names the
     * deleted steps). An introduction with neither is unknown.
     */
    private List<String> parties(String introductionId) {
        Optional<StoredEvent> stored = repository.proposal(introductionId);
        if (stored.isEmpty()) {
            if (repository.recordedSteps(introductionId) == 0) {
                throw new UnknownIntroductionHistoryException(introductionId);
            }
            return List.of();
        }
        byte[] proposal = stored.get().payload();
        try {
            JsonNode payload = JSON.readTree(proposal);
            return Stream.of(payload.path("actorId").asText(null), payload.path("partnerActorId").asText(null))
                    .filter(id -> id != null && !id.isBlank()).toList();
        } catch (IOException unreadable) {
            return List.of();
        }
    }
}
