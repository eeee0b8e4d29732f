package fr.labos.partenariats.matchmaking.bench.dataset;

import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic synthetic national register of actors, needs and offers, for benchmarks at 10k–300k posts.
 *
 * <p>What it looks like: actors' home communes are real INSEE communes drawn in proportion to their population
 * (communes as actors in proportion to its square root, since each is one actor; départements, régions, EPCI and
 * State services sit in their most populous commune); about half the actors are associations, then companies,
 * communes, social enterprises, foundations, network heads and the rest; each actor posts 1 to 5 needs or offers
 * (2.65 on average), with categories, partnership forms and territorial reach typical of its type (foundations fund
 * at régional or national scale, communes lend premises locally, universities offer a field and skills); themes,
 * SDGs and the French titles and descriptions are drawn from the same theme vocabulary, so they agree.
 *
 * <p>Size and validity: {@code openPosts} posts are open on the reference date (their {@code validUntil} is that day
 * or later, or absent); about 5 % more, registered earlier, have already expired, so that a benchmark at « 100k open
 * posts » has exactly 100,000 open posts and still meets expired ones.
 *
 * <p>Time: registrations span the three years before the reference date, growing over time; every actor registers
 * before its posts, and {@link #events()} gives them all in time order, interleaved as a real register would.
 *
 * <p>Determinism: the same {@code openPosts}, {@code seed} and reference date give the same events, equal field by
 * field and byte for byte in {@link fr.labos.partenariats.schema.EventJson} form (ids are UUIDs drawn from the seed).
 *
 * <p>Memory: {@link #events()} generates lazily and holds only posts not yet due; the list accessors build all the
 * events once, on first use, and keep them (about 400 MB of heap at 300k open posts, so a benchmark measuring an
 * index's heap should feed it from {@link #events()} and not hold the lists).
 */
public final class SyntheticNationalDataset {

    /** The day the dataset is « today » when none is given: open posts are valid on it, expired ones before it. */
    public static final LocalDate DEFAULT_REFERENCE_DATE = LocalDate.of(2026, 11, 26);

    private final int openPosts;
    private final long seed;
    private final LocalDate referenceDate;
    private volatile Built built;

    private SyntheticNationalDataset(int openPosts, long seed, LocalDate referenceDate) {
        this.openPosts = openPosts;
        this.seed = seed;
        this.referenceDate = referenceDate;
    }

    /** A dataset with {@code openPosts} open needs and offers on {@link #DEFAULT_REFERENCE_DATE}. */
    public static SyntheticNationalDataset generate(int openPosts, long seed) {
        return generate(openPosts, seed, DEFAULT_REFERENCE_DATE);
    }

    /** A dataset with {@code openPosts} open needs and offers on {@code referenceDate}. */
    public static SyntheticNationalDataset generate(int openPosts, long seed, LocalDate referenceDate) {
        if (openPosts < 0) {
            throw new IllegalArgumentException("openPosts must not be negative: " + openPosts);
        }
        return new SyntheticNationalDataset(openPosts, seed, Objects.requireNonNull(referenceDate, "referenceDate"));
    }

    public int openPosts() {
        return openPosts;
    }

    public long seed() {
        return seed;
    }

    /** « Today » for this dataset: the day on which exactly {@link #openPosts()} posts are open. */
    public LocalDate referenceDate() {
        return referenceDate;
    }

    /**
     * Every registration event in time order, generated lazily on each call (nothing is kept): fit to feed an index
     * or a projection as a Kafka replay would. Elements are {@link ActorRegisteredEvent}, {@link NeedRegisteredEvent}
     * and {@link OfferRegisteredEvent}.
     */
    public Stream<Object> events() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                new DatasetEvents(openPosts, seed, referenceDate), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The same events as {@link #events()}, built once and kept. */
    public List<Object> eventsInOrder() {
        return built().events;
    }

    public List<ActorRegisteredEvent> actors() {
        return built().actors;
    }

    /** All needs, open and expired, in registration order. */
    public List<NeedRegisteredEvent> needs() {
        return built().needs;
    }

    /** All offers, open and expired, in registration order. */
    public List<OfferRegisteredEvent> offers() {
        return built().offers;
    }

    /** Needs and offers already expired on the reference date (about 5 % of {@link #openPosts()}). */
    public int expiredPosts() {
        return needs().size() + offers().size() - openPosts;
    }

    private Built built() {
        Built b = built;
        if (b == null) {
            synchronized (this) {
                b = built;
                if (b == null) {
                    b = build();
                    built = b;
                }
            }
        }
        return b;
    }

    private Built build() {
        int expectedPosts = openPosts + openPosts / 16;
        List<Object> events = new ArrayList<>(expectedPosts + expectedPosts / 2);
        List<ActorRegisteredEvent> actors = new ArrayList<>(expectedPosts / 2);
        List<NeedRegisteredEvent> needs = new ArrayList<>(expectedPosts * 2 / 3);
        List<OfferRegisteredEvent> offers = new ArrayList<>(expectedPosts / 2);
        DatasetEvents source = new DatasetEvents(openPosts, seed, referenceDate);
        while (source.hasNext()) {
            Object event = source.next();
            events.add(event);
            if (event instanceof ActorRegisteredEvent actor) {
                actors.add(actor);
            } else if (event instanceof NeedRegisteredEvent need) {
                needs.add(need);
            } else if (event instanceof OfferRegisteredEvent offer) {
                offers.add(offer);
            }
        }
        return new Built(Collections.unmodifiableList(events), Collections.unmodifiableList(actors),
                Collections.unmodifiableList(needs), Collections.unmodifiableList(offers));
    }

    private record Built(List<Object> events, List<ActorRegisteredEvent> actors, List<NeedRegisteredEvent> needs,
                         List<OfferRegisteredEvent> offers) {
    }
}
