package fr.labos.partenariats.matchmaking.bench.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.labos.partenariats.schema.EventJson;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.PostDetails;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticNationalDatasetTest {

    private static final int SIZE = 20_000;
    /**
     * French contractions and elisions a template can get wrong: « de le droit » (du droit), « de une salle »
     * (d'une salle), « la insertion » (l'insertion); « de le faire », before an infinitive, is right.
     */
    private static final Pattern MISSED_CONTRACTION = Pattern.compile(
            "(?<![\\p{L}'])((de|à) (le|les) (?!\\p{L}+(er|ir|re)\\b)|de (un|une|des) |(de|que|le|la|du) [aeiouéèêîôâ]|\\b(au|aux|du|des) (le|la|les|l')\\b)");
    private static final TerritoryDirectory TERRITORIES = TerritoryDirectory.official();
    private static SyntheticNationalDataset dataset;
    private static Map<String, ActorRegisteredEvent> actorsById;
    private static List<Post> posts;

    /** A need or an offer with its author, to check both kinds at once. */
    private record Post(boolean need, String actorId, PostDetails details, Instant registeredAt) {
    }

    @BeforeAll
    static void generate() {
        dataset = SyntheticNationalDataset.generate(SIZE, 2026);
        actorsById = dataset.actors().stream().collect(Collectors.toMap(ActorRegisteredEvent::actorId, Function.identity()));
        posts = new ArrayList<>();
        dataset.needs().forEach(n -> posts.add(new Post(true, n.actorId(), n.details(), n.registeredAt())));
        dataset.offers().forEach(o -> posts.add(new Post(false, o.actorId(), o.details(), o.registeredAt())));
    }

    @Test
    void sameSeedAndSizeGiveTheSameEventsByteForByte() {
        String first = json(SyntheticNationalDataset.generate(3_000, 7).eventsInOrder());
        String second = json(SyntheticNationalDataset.generate(3_000, 7).eventsInOrder());
        String otherSeed = json(SyntheticNationalDataset.generate(3_000, 8).eventsInOrder());

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void theLazyStreamGivesTheSameEventsAsTheLists() {
        SyntheticNationalDataset small = SyntheticNationalDataset.generate(2_000, 99);

        assertThat(small.events().toList()).isEqualTo(small.eventsInOrder());
        assertThat(small.eventsInOrder()).hasSize(small.actors().size() + small.needs().size() + small.offers().size());
    }

    @Test
    void exactlyTheRequestedNumberOfPostsIsOpenOnTheReferenceDateAndAFewHaveExpired() {
        long open = posts.stream().filter(p -> !p.details().isExpiredOn(dataset.referenceDate())).count();
        long expired = posts.size() - open;

        assertThat(open).isEqualTo(SIZE);
        assertThat(dataset.expiredPosts()).isEqualTo((int) expired);
        assertThat(expired).isBetween((long) (SIZE * 0.02), (long) (SIZE * 0.08));
        assertThat(SyntheticNationalDataset.generate(0, 1).eventsInOrder()).isEmpty();
    }

    @Test
    void anExpiredPostWasValidWhenRegisteredAndAnOpenOneStandsOnTheReferenceDate() {
        for (Post post : posts) {
            if (post.details().isExpiredOn(dataset.referenceDate())) {
                assertThat(post.details().validUntil()).isAfter(post.registeredAt().atZone(DatasetEvents.LAB_ZONE).toLocalDate());
            } else if (post.details().validUntil() != null) {
                assertThat(post.details().validUntil()).isAfterOrEqualTo(dataset.referenceDate());
            }
            assertThat(post.registeredAt()).isBefore(dataset.referenceDate().atStartOfDay(DatasetEvents.LAB_ZONE).toInstant());
        }
    }

    @Test
    void actorsPostTwoToThreeNeedsOrOffersOnAverage() {
        double perActor = (double) posts.size() / dataset.actors().size();

        assertThat(perActor).isBetween(2.0, 3.0);
        assertThat(posts).extracting(Post::actorId).allMatch(actorsById::containsKey);
    }

    @Test
    void everyActorRegistersBeforeItsPostsAndEventsComeInTimeOrder() {
        Set<String> registered = new HashSet<>();
        Instant previous = Instant.MIN;
        for (Object event : dataset.eventsInOrder()) {
            Instant at;
            if (event instanceof ActorRegisteredEvent actor) {
                assertThat(registered.add(actor.actorId())).as("actor registered once").isTrue();
                at = actor.registeredAt();
            } else if (event instanceof NeedRegisteredEvent need) {
                assertThat(registered).as("author of need %s", need.needId()).contains(need.actorId());
                at = need.registeredAt();
            } else {
                OfferRegisteredEvent offer = (OfferRegisteredEvent) event;
                assertThat(registered).as("author of offer %s", offer.offerId()).contains(offer.actorId());
                at = offer.registeredAt();
            }
            assertThat(at).isAfterOrEqualTo(previous);
            previous = at;
        }
    }

    @Test
    void everyTerritoryIsAnOfficialOne() {
        assertThat(dataset.actors()).allSatisfy(actor ->
                assertThat(TERRITORIES.isKnown(TerritoryRef.commune(actor.homeTerritory()))).as(actor.homeTerritory()).isTrue());
        assertThat(posts).allSatisfy(post ->
                assertThat(TERRITORIES.isKnown(post.details().territory())).as(post.details().territory().toString()).isTrue());
    }

    @Test
    void aPostReachesNoFurtherThanNationalAndStaysAroundItsAuthorsHome() {
        for (Post post : posts) {
            TerritoryRef home = TerritoryRef.commune(actorsById.get(post.actorId()).homeTerritory());
            assertThat(TERRITORIES.contains(post.details().territory(), home))
                    .as("%s encloses the author's home %s", post.details().territory(), home).isTrue();
        }
    }

    @Test
    void everyPostHasThemesAndSdgsNumberedOneToSeventeen() throws JsonProcessingException {
        assertThat(posts).allSatisfy(post -> {
            assertThat(post.details().themes()).isNotEmpty();
            assertThat(post.details().sdgs()).isNotEmpty();
        });
        for (Object event : dataset.eventsInOrder().subList(0, 2_000)) {
            var sdgs = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(event)).findValues("sdgs");
            sdgs.forEach(array -> array.forEach(number -> assertThat(number.asInt()).isBetween(1, 17)));
        }
    }

    @Test
    void associationsAreTheMajorityThenCompaniesThenCommunes() {
        Map<ActorType, Long> types = dataset.actors().stream()
                .collect(Collectors.groupingBy(ActorRegisteredEvent::type, () -> new EnumMap<>(ActorType.class), Collectors.counting()));
        double associations = (double) types.get(ActorType.ASSOCIATION) / dataset.actors().size();

        assertThat(associations).isBetween(0.45, 0.55);
        assertThat(types.get(ActorType.COMPANY)).isGreaterThan(types.get(ActorType.MUNICIPALITY));
        assertThat(types.get(ActorType.MUNICIPALITY)).isGreaterThan(types.get(ActorType.FOUNDATION));
        assertThat(types.keySet()).containsExactlyInAnyOrder(ActorType.values());
    }

    @Test
    void fundingIsTheMostFrequentNeedAndEveryCategoryOccurs() {
        Map<ResourceCategory, Long> needs = countByCategory(true);
        Map<ResourceCategory, Long> offers = countByCategory(false);
        long maxOtherNeed = needs.entrySet().stream().filter(e -> e.getKey() != ResourceCategory.FUNDING)
                .mapToLong(Map.Entry::getValue).max().orElseThrow();

        assertThat(needs.get(ResourceCategory.FUNDING)).isGreaterThan(maxOtherNeed + maxOtherNeed / 2);
        assertThat(needs.get(ResourceCategory.VOLUNTEERS)).isGreaterThan(needs.get(ResourceCategory.EQUIPMENT));
        assertThat(needs.get(ResourceCategory.ADVOCACY)).isLessThan(needs.get(ResourceCategory.PREMISES));
        assertThat(needs.keySet()).containsExactlyInAnyOrder(ResourceCategory.values());
        assertThat(offers.keySet()).containsExactlyInAnyOrder(ResourceCategory.values());
    }

    @Test
    void moneyIsOfferedByFundersAndPremisesByLocalAuthoritiesNotByAssociations() {
        Map<ActorType, Long> funders = offerAuthors(ResourceCategory.FUNDING);
        Map<ActorType, Long> landlords = offerAuthors(ResourceCategory.PREMISES);
        long funding = funders.values().stream().mapToLong(Long::longValue).sum();
        long fromFoundationsAndCompanies = funders.getOrDefault(ActorType.FOUNDATION, 0L) + funders.getOrDefault(ActorType.COMPANY, 0L);

        assertThat(funders).doesNotContainKey(ActorType.ASSOCIATION);
        assertThat((double) fromFoundationsAndCompanies / funding).isGreaterThan(0.5);
        assertThat(landlords.get(ActorType.MUNICIPALITY)).isEqualTo(landlords.values().stream().max(Long::compare).orElseThrow());
    }

    @Test
    void companiesAndFoundationsReachFurtherThanAssociations() {
        assertThat(wideShare(ActorType.FOUNDATION)).isGreaterThan(wideShare(ActorType.ASSOCIATION) + 0.3);
        assertThat(wideShare(ActorType.COMPANY)).isGreaterThan(wideShare(ActorType.ASSOCIATION) + 0.2);
    }

    @Test
    void actorsLiveWherePeopleLiveFarMoreInIleDeFranceThanInCreuse() {
        long ileDeFrance = dataset.actors().stream().filter(a -> inRegion(a, "11")).count();
        long creuse = dataset.actors().stream().filter(a -> inDepartement(a, "23")).count();
        Map<String, Long> byCommune = dataset.actors().stream()
                .collect(Collectors.groupingBy(ActorRegisteredEvent::homeTerritory, Collectors.counting()));
        String busiest = byCommune.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();

        // Île-de-France holds 18 % of the French population, Creuse 0.17 %.
        assertThat((double) ileDeFrance / dataset.actors().size()).isBetween(0.13, 0.23);
        assertThat(ileDeFrance).isGreaterThan(20 * Math.max(creuse, 1));
        assertThat(creuse).isPositive();
        assertThat(busiest).isEqualTo("75056");
    }

    @Test
    void textsAreFrenchVariedAndFullyRendered() {
        Set<String> titles = new HashSet<>();
        Set<String> descriptions = new HashSet<>();
        for (Post post : posts) {
            PostDetails d = post.details();
            assertThat(d.title()).doesNotContain("{", "}", "  ").hasSizeBetween(10, 200);
            assertThat(d.description()).doesNotContain("{", "}", "  ").hasSizeLessThan(4_000);
            assertThat(d.title() + " " + d.description()).doesNotContainPattern(MISSED_CONTRACTION);
            assertThat(Character.isUpperCase(d.title().charAt(0))).as(d.title()).isTrue();
            titles.add(d.title());
            descriptions.add(d.description());
        }
        assertThat(dataset.actors()).allSatisfy(a -> assertThat(a.name() + " " + a.description())
                .doesNotContain("{", "  ").doesNotContainPattern(MISSED_CONTRACTION));

        assertThat(titles).hasSizeGreaterThan(posts.size() / 4);
        assertThat(descriptions).hasSizeGreaterThan(posts.size() * 9 / 10);
        long accented = posts.stream().filter(p -> p.details().description().matches("(?s).*[éèêàçù].*")).count();
        assertThat(accented).isGreaterThan(posts.size() * 9L / 10);
    }

    @Test
    void aFoodPostTalksAboutFood() {
        List<Post> food = posts.stream().filter(p -> p.details().themes().equals(Set.of(Theme.FOOD))).toList();
        long talking = food.stream().filter(p -> (p.details().title() + " " + p.details().description()).toLowerCase(Locale.FRENCH)
                .matches("(?s).*(aliment|épicerie|cuisine|invendus|denrées|légumes|jardin|gaspillage|colis|nutrition|frigorifique|chambre froide|cantine|manger).*")).count();

        assertThat(food).hasSizeGreaterThan(100);
        assertThat((double) talking / food.size()).isGreaterThan(0.8);
    }

    private static Map<ResourceCategory, Long> countByCategory(boolean need) {
        return posts.stream().filter(p -> p.need() == need)
                .collect(Collectors.groupingBy(p -> p.details().category(), () -> new EnumMap<>(ResourceCategory.class), Collectors.counting()));
    }

    private static Map<ActorType, Long> offerAuthors(ResourceCategory category) {
        return posts.stream().filter(p -> !p.need() && p.details().category() == category)
                .collect(Collectors.groupingBy(p -> actorsById.get(p.actorId()).type(), () -> new EnumMap<>(ActorType.class), Collectors.counting()));
    }

    /** Share of an actor type's posts scoped to a département or wider. */
    private static double wideShare(ActorType type) {
        List<Post> own = posts.stream().filter(p -> actorsById.get(p.actorId()).type() == type).toList();
        long wide = own.stream().filter(p -> p.details().territory().level().ordinal() >= 2).count();
        return (double) wide / own.size();
    }

    private static boolean inRegion(ActorRegisteredEvent actor, String region) {
        return TERRITORIES.regionOf(TerritoryRef.commune(actor.homeTerritory())).map(TerritoryRef::code).orElse("").equals(region);
    }

    private static boolean inDepartement(ActorRegisteredEvent actor, String departement) {
        return TERRITORIES.departementOf(TerritoryRef.commune(actor.homeTerritory())).map(TerritoryRef::code).orElse("").equals(departement);
    }

    private static String json(List<Object> events) {
        StringBuilder out = new StringBuilder();
        try {
            for (Object event : events) {
                out.append(EventJson.mapper().writeValueAsString(event)).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

}
