package fr.labos.partenariats.matchmaking.session.pairs;

import fr.labos.partenariats.matchmaking.csv.SpreadsheetCsv;
import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.engine.model.ActorPair;
import fr.labos.partenariats.matchmaking.engine.model.PairExclusions;
import fr.labos.partenariats.matchmaking.session.schedule.Exclusion;
import fr.labos.partenariats.matchmaking.session.schedule.PairWeights;
import fr.labos.partenariats.matchmaking.session.schedule.SchedulingRequest;
import fr.labos.partenariats.matchmaking.session.schedule.Wish;
import fr.labos.partenariats.schema.common.VisibleText;
import fr.labos.partenariats.schema.session.ScheduledMeeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every pair of a session's participants, weighed or set aside with its reason: what the scheduler optimises and what
 * a facilitator reads in {@code GET /api/sessions/{id}/pair-weights}.
 *
 * <p>A pair's weight is the engine's complementarity of the two actors plus the bonus of a one-sided or mutual wish.
 * A pair is set aside when both belong to the same organisation, when they are already partners or one declined the
 * other as a competitor (the engine's {@link PairExclusions}, fed by the introductions), or when they met in an
 * earlier session, unless one of them wishes to meet the other again.
 */
public final class SessionPairs implements PairWeights {

    public static final String SAME_ORGANISATION = "même organisation";
    public static final String INTRODUCED = "déjà partenaires ou écartés comme concurrents";
    public static final String MET_BEFORE = "déjà rencontrés lors d'une session précédente";

    /** An allowed pair: the complementarity, the wish bonus, their sum, and why they would meet. */
    public record Weighed(String actorId, String partnerActorId, double complementarity, double wishBonus,
                         double weight, String explanation) {
    }

    /** A pair the scheduler never seats, and why. */
    public record SetAside(String actorId, String partnerActorId, String reason) {
    }

    private final List<String> participants;
    private final List<Wish> wishes;
    private final Map<ActorPair, Weighed> weighed = new LinkedHashMap<>();
    private final Map<ActorPair, SetAside> setAside = new LinkedHashMap<>();

    /**
     * @param participants actor id to its organisation (null or blank: none), in registration order
     * @param wishes       the wishes expressed in the session
     */
    public SessionPairs(String sessionId, Map<String, String> participants, List<Wish> wishes, MatchingEngine engine,
                        PairExclusions introduced, EarlierMeetings earlier, WishBonuses bonuses, LocalDate today) {
        this.participants = List.copyOf(participants.keySet());
        this.wishes = List.copyOf(wishes);
        Set<String> wished = new HashSet<>();
        for (Wish wish : wishes) wished.add(wish.actorId() + "→" + wish.wishedActorId());
        Map<String, Set<String>> introducedTo = new HashMap<>();
        Map<String, Set<String>> metTo = new HashMap<>();
        for (String actor : this.participants) {
            introducedTo.put(actor, introduced.excludedPartnersOf(actor));
            metTo.put(actor, earlier.metBefore(sessionId, actor));
        }
        for (int i = 0; i < this.participants.size(); i++) {
            for (int j = i + 1; j < this.participants.size(); j++) {
                String a = this.participants.get(i);
                String b = this.participants.get(j);
                boolean ab = wished.contains(a + "→" + b);
                boolean ba = wished.contains(b + "→" + a);
                String reason = setAsideReason(a, b, ab || ba, participants, introducedTo, metTo);
                if (reason != null) {
                    setAside.put(ActorPair.of(a, b), new SetAside(a, b, reason));
                    continue;
                }
                Complementarity c = Complementarity.of(engine, a, b, today);
                double bonus = ab && ba ? bonuses.mutual() : ab || ba ? bonuses.oneSided() : 0;
                weighed.put(ActorPair.of(a, b), new Weighed(a, b, c.score(), bonus, c.score() + bonus, c.sentence()));
            }
        }
    }

    private static String setAsideReason(String a, String b, boolean wished, Map<String, String> organisations,
                                         Map<String, Set<String>> introducedTo, Map<String, Set<String>> metTo) {
        String orgA = organisationKey(organisations.get(a));
        // Compared as a spreadsheet's lines may spell one organisation (case, accents, spaces, apostrophes): two
        // colleagues seated together for a difference of spelling is a meeting wasted.
        if (!orgA.isEmpty() && orgA.equals(organisationKey(organisations.get(b)))) {
            return SAME_ORGANISATION;
        }
        if (introducedTo.get(a).contains(b) || introducedTo.get(b).contains(a)) return INTRODUCED;
        if (!wished && (metTo.get(a).contains(b) || metTo.get(b).contains(a))) return MET_BEFORE;
        return null;
    }

    /**
     * An organisation as compared, empty for none: a cell left blank, or holding what a spreadsheet writes for « none »
     * (« - », « . », a no-break space), which would otherwise make every participant so described one organisation
     * and none of them be seated together.
     */
    private static String organisationKey(String organisation) {
        return VisibleText.isBlank(organisation) ? "" : SpreadsheetCsv.normalise(organisation);
    }

    @Override
    public double weight(String actorId, String partnerActorId) {
        Weighed pair = weighed.get(ActorPair.of(actorId, partnerActorId));
        return pair == null ? 0 : pair.weight();
    }

    @Override
    public String explanation(String actorId, String partnerActorId) {
        Weighed pair = weighed.get(ActorPair.of(actorId, partnerActorId));
        return pair == null ? Complementarity.NONE.sentence() : pair.explanation();
    }

    public List<Weighed> weighed() {
        return List.copyOf(weighed.values());
    }

    public List<SetAside> setAside() {
        return List.copyOf(setAside.values());
    }

    /**
     * The scheduler's request for the participants present (among those weighed here).
     *
     * @param kept          meetings of started rounds, and locks
     * @param roundsStarted rounds that started: only the later ones are planned
     */
    public SchedulingRequest request(List<String> present, int rounds, int tables, List<ScheduledMeeting> kept,
                                     int roundsStarted) {
        Set<String> here = new HashSet<>(present);
        List<String> ordered = participants.stream().filter(here::contains).toList();
        List<Exclusion> exclusions = new ArrayList<>();
        for (SetAside pair : setAside.values()) {
            exclusions.add(new Exclusion(pair.actorId(), pair.partnerActorId(), pair.reason()));
        }
        return new SchedulingRequest(ordered, rounds, tables, this, wishes, exclusions, kept, roundsStarted);
    }
}
