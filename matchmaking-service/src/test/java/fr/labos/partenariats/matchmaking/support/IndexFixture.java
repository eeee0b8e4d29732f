package fr.labos.partenariats.matchmaking.support;

import fr.labos.partenariats.matchmaking.engine.index.MatchingIndex;
import fr.labos.partenariats.matchmaking.engine.index.Partner;
import fr.labos.partenariats.matchmaking.engine.index.RankingFilter;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityModel;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityWeights;
import fr.labos.partenariats.matchmaking.engine.model.FrenchText;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.engine.model.TerritoryTable;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.profile.PostDetails;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A matching index filled by hand, the way the projection fills it: actors, needs and offers put one event at a time
 * (each post's sequence counted here), rankings asked on a fixed "today".
 */
public final class IndexFixture {

    public static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    public static final ZoneId PARIS = LabCalendar.ZONE;
    /** Shared: the table and the analyser are immutable or thread-safe, and building the table's places costs. */
    public static final TerritoryTable TERRITORIES = new TerritoryTable(TerritoryDirectory.official());
    public static final FrenchText TEXT = new FrenchText();

    private final MatchingIndex index;
    private final Map<String, Long> sequences = new HashMap<>();
    private LocalDate today = TODAY;

    public IndexFixture() {
        this(ComplementarityWeights.defaults());
    }

    public IndexFixture(ComplementarityWeights weights) {
        this.index = new MatchingIndex(new ComplementarityModel(weights), TERRITORIES, TEXT, PARIS);
        index.markReady();
    }

    public MatchingIndex index() {
        return index;
    }

    public LocalDate today() {
        return today;
    }

    public IndexFixture on(LocalDate day) {
        this.today = day;
        return this;
    }

    public IndexFixture actor(String id, String name, ActorType type) {
        index.putActor(id, name, type, next(id));
        return this;
    }

    public String need(String id, String actorId, Posts details) {
        return put(PostKind.NEED, id, actorId, details.build(), TODAY);
    }

    public String offer(String id, String actorId, Posts details) {
        return put(PostKind.OFFER, id, actorId, details.build(), TODAY);
    }

    /** Registers or updates a post whose content was written on {@code writtenOn}. */
    public String put(PostKind kind, String id, String actorId, PostDetails details, LocalDate writtenOn) {
        index.put(new MatchingIndex.PostContent(kind, id, actorId, details, next(id), writtenOn.atStartOfDay(PARIS).toInstant()));
        return id;
    }

    /** Withdraws or fulfils a post. */
    public void close(PostKind kind, String id) {
        index.remove(kind, id, next(id));
    }

    public List<Match> offersFor(String needId) {
        return offersFor(needId, RankingFilter.none(), 100);
    }

    public List<Match> offersFor(String needId, RankingFilter filter, int limit) {
        return index.matchesFor(PostKind.NEED, needId, filter, today, limit).orElseThrow(() -> new AssertionError("no open need " + needId));
    }

    public List<Match> needsFor(String offerId) {
        return needsFor(offerId, RankingFilter.none(), 100);
    }

    public List<Match> needsFor(String offerId, RankingFilter filter, int limit) {
        return index.matchesFor(PostKind.OFFER, offerId, filter, today, limit).orElseThrow(() -> new AssertionError("no open offer " + offerId));
    }

    public List<Partner> partnersOf(String actorId) {
        return partnersOf(actorId, RankingFilter.none());
    }

    public List<Partner> partnersOf(String actorId, RankingFilter filter) {
        return index.partnersOf(actorId, filter, today, 100, 100).orElseThrow(() -> new AssertionError("unknown actor " + actorId));
    }

    private long next(String id) {
        return sequences.merge(id, 0L, (old, zero) -> old + 1);
    }
}
