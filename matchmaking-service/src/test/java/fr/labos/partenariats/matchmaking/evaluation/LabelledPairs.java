package fr.labos.partenariats.matchmaking.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.schema.EventJson;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The labelled quality set: actors, needs and offers in their event form, and for each query need the offers a
 * facilitator would propose (graded 2 = ideal, 1 = acceptable) and the distractors that must not rank high, each
 * with the reasoning behind it. Loaded from {@value #RESOURCE}.
 *
 * <p>An offer that a query neither labels relevant nor lists as a distractor counts as not relevant for that query.
 */
public final class LabelledPairs {

    /** Where the set lives on the test classpath. */
    public static final String RESOURCE = "/evaluation/labelled-pairs.json";

    /** Why a distractor is wrong for its query; the first three must never be proposed at all. */
    public enum DistractorKind {
        /** The category table excludes it (often with words very close to the need's). */
        WRONG_CATEGORY(true),
        /** Expired on the reference date. */
        EXPIRED(true),
        /** Posted by the actor that has the need. */
        SAME_ACTOR(true),
        /** Right category, but its territory does not reach the need's (another région, another commune). */
        OUT_OF_TERRITORY(false),
        /** Right category and territory, but about something else (another theme). */
        OFF_PURPOSE(false);

        private final boolean neverProposed;

        DistractorKind(boolean neverProposed) {
            this.neverProposed = neverProposed;
        }

        /** Whether a correct engine never proposes such an offer, rather than merely ranking it low. */
        public boolean neverProposed() {
            return neverProposed;
        }
    }

    /** An offer judged relevant to a query: grade 2 is what a facilitator would propose first, grade 1 is acceptable. */
    public record Label(String offerId, int grade, String why) {
    }

    /** An offer that looks close to a query but must not rank high, and why. */
    public record Distractor(String offerId, DistractorKind kind, String why) {
    }

    /** A query need with its judgements. */
    public record Query(String needId, String why, List<Label> relevant, List<Distractor> distractors) {

        public Query {
            relevant = List.copyOf(relevant);
            distractors = List.copyOf(distractors);
        }

        /** Offer id → grade (1 or 2), for graded metrics such as nDCG. */
        public Map<String, Integer> grades() {
            Map<String, Integer> grades = new LinkedHashMap<>();
            relevant.forEach(l -> grades.put(l.offerId(), l.grade()));
            return grades;
        }

        /** Offers of grade 1 or 2, for binary metrics. */
        public Set<String> relevantOfferIds() {
            return relevant.stream().map(Label::offerId).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        /** Offers of grade 2 only. */
        public Set<String> idealOfferIds() {
            return relevant.stream().filter(l -> l.grade() >= 2).map(Label::offerId).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        public Set<String> distractorOfferIds() {
            return distractors.stream().map(Distractor::offerId).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        /** Distractors a correct engine never proposes (wrong category, expired, same actor). */
        public Set<String> forbiddenOfferIds() {
            return distractors.stream().filter(d -> d.kind().neverProposed()).map(Distractor::offerId)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    private final LocalDate referenceDate;
    private final List<ActorRegisteredEvent> actors;
    private final List<NeedRegisteredEvent> needs;
    private final List<OfferRegisteredEvent> offers;
    private final List<Query> queries;
    private final Map<String, ActorRegisteredEvent> actorsById;
    private final Map<String, NeedRegisteredEvent> needsById;
    private final Map<String, OfferRegisteredEvent> offersById;

    private LabelledPairs(File file) {
        this.referenceDate = Objects.requireNonNull(file.referenceDate(), "referenceDate");
        this.actors = List.copyOf(file.actors());
        this.needs = List.copyOf(file.needs());
        this.offers = List.copyOf(file.offers());
        this.queries = List.copyOf(file.queries());
        this.actorsById = index(actors, ActorRegisteredEvent::actorId);
        this.needsById = index(needs, NeedRegisteredEvent::needId);
        this.offersById = index(offers, OfferRegisteredEvent::offerId);
    }

    /** The set shipped with the tests. */
    public static LabelledPairs load() {
        try (InputStream in = LabelledPairs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The labelled set " + RESOURCE + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the labelled set " + RESOURCE, e);
        }
    }

    /** A set in the same JSON form, e.g. a variant written for an experiment. */
    public static LabelledPairs read(InputStream json) throws IOException {
        ObjectMapper mapper = EventJson.mapper();
        return new LabelledPairs(mapper.readValue(json, File.class));
    }

    /** « Today » for the set: validity and expiry are judged on this day. */
    public LocalDate referenceDate() {
        return referenceDate;
    }

    public List<ActorRegisteredEvent> actors() {
        return actors;
    }

    public List<NeedRegisteredEvent> needs() {
        return needs;
    }

    public List<OfferRegisteredEvent> offers() {
        return offers;
    }

    public List<Query> queries() {
        return queries;
    }

    public Optional<ActorRegisteredEvent> actor(String actorId) {
        return Optional.ofNullable(actorsById.get(actorId));
    }

    public Optional<NeedRegisteredEvent> need(String needId) {
        return Optional.ofNullable(needsById.get(needId));
    }

    public Optional<OfferRegisteredEvent> offer(String offerId) {
        return Optional.ofNullable(offersById.get(offerId));
    }

    /**
     * Every registration event, actors first then needs and offers by registration time (ties by id), as a projection
     * would receive them from the topic.
     */
    public List<Object> eventsInOrder() {
        List<Object> events = new ArrayList<>(actors.size() + needs.size() + offers.size());
        actors.stream().sorted(Comparator.comparing(ActorRegisteredEvent::registeredAt).thenComparing(ActorRegisteredEvent::actorId))
                .forEach(events::add);
        record Timed(Instant at, String id, Object event) {
        }
        List<Timed> posts = new ArrayList<>();
        needs.forEach(n -> posts.add(new Timed(n.registeredAt(), n.needId(), n)));
        offers.forEach(o -> posts.add(new Timed(o.registeredAt(), o.offerId(), o)));
        posts.sort(Comparator.comparing(Timed::at).thenComparing(Timed::id));
        posts.forEach(p -> events.add(p.event()));
        return events;
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T item : items) {
            if (byId.put(id.apply(item), item) != null) {
                throw new IllegalStateException("Duplicate id in the labelled set: " + id.apply(item));
            }
        }
        return byId;
    }

    /** The JSON document; fields the loader does not use (« about », « distractorKinds ») document the file for readers. */
    private record File(
            @JsonProperty("referenceDate") LocalDate referenceDate,
            @JsonProperty("actors") List<ActorRegisteredEvent> actors,
            @JsonProperty("needs") List<NeedRegisteredEvent> needs,
            @JsonProperty("offers") List<OfferRegisteredEvent> offers,
            @JsonProperty("queries") List<Query> queries) {
    }
}
