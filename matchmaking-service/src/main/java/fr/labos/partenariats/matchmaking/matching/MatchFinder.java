package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.PostEntry;
import fr.labos.partenariats.matchmaking.projection.PostKind;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ranks matches for one need or offer from the projection as it stands. This first version loads every open post
 * for each request and joins actors at query time (a post may reach the projection before its actor); the fast
 * engine of a later issue replaces the loading, not the model.
 */
@Service
public class MatchFinder {

    private final ProjectionReader projection;
    private final ComplementarityModel model;
    private final Clock clock;

    MatchFinder(ProjectionReader projection, ComplementarityModel model, Clock clock) {
        this.projection = projection;
        this.model = model;
        this.clock = clock;
    }

    /**
     * Offers for an open need, best first.
     *
     * @throws PostNotOpenException if the need is unknown, withdrawn, fulfilled or expired
     */
    public List<Match> forNeed(String needId, int limit) {
        LocalDate today = LocalDate.now(clock);
        PostEntry need = projection.findOpen(PostKind.NEED, needId, today)
                .orElseThrow(() -> new PostNotOpenException(PostKind.NEED, needId));
        return model.offersFor(toPost(need), pool(today), today, limit);
    }

    /**
     * Needs an open offer answers, best first.
     *
     * @throws PostNotOpenException if the offer is unknown, withdrawn or expired
     */
    public List<Match> forOffer(String offerId, int limit) {
        LocalDate today = LocalDate.now(clock);
        PostEntry offer = projection.findOpen(PostKind.OFFER, offerId, today)
                .orElseThrow(() -> new PostNotOpenException(PostKind.OFFER, offerId));
        return model.needsFor(toPost(offer), pool(today), today, limit);
    }

    private MatchingPool pool(LocalDate today) {
        List<Post> needs = projection.open(PostKind.NEED, today).stream().map(MatchFinder::toPost).toList();
        List<Post> offers = projection.open(PostKind.OFFER, today).stream().map(MatchFinder::toPost).toList();
        Set<String> actorIds = new HashSet<>();
        needs.forEach(p -> actorIds.add(p.actorId()));
        offers.forEach(p -> actorIds.add(p.actorId()));
        actorIds.remove(null);
        Map<String, Actor> actors = projection.actors(actorIds).values().stream()
                .collect(Collectors.toMap(ActorEntry::id, MatchFinder::toActor));
        return new MatchingPool(actors, needs, offers);
    }

    private static Post toPost(PostEntry entry) {
        return new Post(entry.id(), entry.actorId(), entry.details());
    }

    private static Actor toActor(ActorEntry entry) {
        return new Actor(entry.id(), entry.name(), entry.type());
    }
}
