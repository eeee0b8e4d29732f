package fr.labos.partenariats.matchmaking.introduction.history.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.introduction.history.store.HistoryRepository;
import fr.labos.partenariats.matchmaking.matching.UnknownActorException;
import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Who may read an introduction's history: whoever may act for one of its two actors (their members, the facilitators
 * of their territory) and admins. The two actors are read from the stored proposal, the first step of the history.
 */
@Component
class HistoryAccess {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ActorAccess actors;
    private final HistoryRepository repository;

    HistoryAccess(ActorAccess actors, HistoryRepository repository) {
        this.actors = actors;
        this.repository = repository;
    }

    /** A 404 for an introduction with no history, a 403 for a principal who may not read it. */
    void checkCanReadHistory(LabPrincipal principal, String introductionId) {
        List<String> parties = parties(introductionId);
        if (!mayRead(principal, parties)) {
            throw new ActionForbiddenException("Seuls les membres des deux acteurs, les animateurs de leur territoire "
                    + "et les administrateurs lisent l'historique de cette mise en relation.");
        }
    }

    boolean canReadHistory(LabPrincipal principal, String introductionId) {
        return mayRead(principal, parties(introductionId));
    }

    private boolean mayRead(LabPrincipal principal, List<String> parties) {
        return principal.is(LabRole.ADMIN) || parties.stream().anyMatch(actorId -> mayActFor(principal, actorId));
    }

    private boolean mayActFor(LabPrincipal principal, String actorId) {
        try {
            return actors.mayActFor(principal, actors.existing(actorId));
        } catch (UnknownActorException unknown) {
            return false;
        }
    }

    /** The two actors of the introduction; none when its proposal is unreadable (then only admins read it). */
    private List<String> parties(String introductionId) {
        byte[] proposal = repository.proposal(introductionId)
                .orElseThrow(() -> new UnknownIntroductionHistoryException(introductionId)).payload();
        try {
            JsonNode payload = JSON.readTree(proposal);
            return Stream.of(payload.path("actorId").asText(null), payload.path("partnerActorId").asText(null))
                    .filter(id -> id != null && !id.isBlank()).toList();
        } catch (IOException unreadable) {
            return List.of();
        }
    }
}
