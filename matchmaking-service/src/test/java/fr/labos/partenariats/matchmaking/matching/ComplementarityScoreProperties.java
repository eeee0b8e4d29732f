package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.PostDetails;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static fr.labos.partenariats.matchmaking.support.Posts.ECHIROLLES;
import static fr.labos.partenariats.matchmaking.support.Posts.FRANCE;
import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE;
import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE_ALPES_METROPOLE;
import static fr.labos.partenariats.matchmaking.support.Posts.ISERE;
import static fr.labos.partenariats.matchmaking.support.Posts.LYON;
import static fr.labos.partenariats.matchmaking.support.Posts.RENNES;
import static fr.labos.partenariats.matchmaking.support.Posts.VOIRON;
import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the model over random territories of actors and posts. */
class ComplementarityScoreProperties {

    private static final LocalDate TODAY = ComplementarityModelTest.TODAY;
    private static final ComplementarityModel MODEL = ComplementarityModelTest.MODEL;
    private static final List<TerritoryRef> TERRITORIES = List.of(GRENOBLE, ECHIROLLES, VOIRON, LYON, RENNES, ISERE,
            GRENOBLE_ALPES_METROPOLE, FRANCE, TerritoryRef.commune("99999"));
    private static final List<String> WORDS = List.of("mobilité", "insertion", "jeunes", "emploi", "jardins", "vélos",
            "formation", "santé", "logement", "culture", "numérique", "alimentation", "solidaire", "les", "des", "pour");

    record Scenario(MatchingPool pool) {
    }

    @Property(tries = 150)
    void everyScoreAndComponentStaysWithinZeroAndOne(@ForAll("scenarios") Scenario scenario) {
        for (Post need : scenario.pool().needs()) {
            for (Match match : MODEL.offersFor(need, scenario.pool(), TODAY, 100)) {
                Components c = match.components();
                assertThat(List.of(match.score(), c.category(), c.territory(), c.purpose(), c.description(),
                        c.crossFamily(), c.reciprocity())).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
                assertThat(match.offer().actorId()).isNotEqualTo(need.actorId());
                assertThat(match.offer().details().isExpiredOn(TODAY)).isFalse();
            }
        }
    }

    @Property(tries = 100)
    void theSameInputGivesTheSameRankingWhateverTheOrderOfThePool(@ForAll("scenarios") Scenario scenario,
                                                                  @ForAll Random random) {
        MatchingPool shuffled = new MatchingPool(scenario.pool().actors(), shuffle(scenario.pool().needs(), random),
                shuffle(scenario.pool().offers(), random));
        for (Post need : scenario.pool().needs()) {
            assertThat(ids(MODEL.offersFor(need, shuffled, TODAY, 10), m -> m.offer().id()))
                    .isEqualTo(ids(MODEL.offersFor(need, scenario.pool(), TODAY, 10), m -> m.offer().id()));
        }
        for (Post offer : scenario.pool().offers()) {
            assertThat(MODEL.needsFor(offer, shuffled, TODAY, 10))
                    .isEqualTo(MODEL.needsFor(offer, scenario.pool(), TODAY, 10));
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<ActorType>> actorTypes = Arbitraries.of(ActorType.class).list().ofMinSize(1).ofMaxSize(5);
        return actorTypes.flatMap(types -> {
            Map<String, Actor> actors = new LinkedHashMap<>();
            for (int i = 0; i < types.size(); i++) {
                actors.put("actor-" + i, new Actor("actor-" + i, "Acteur " + i, types.get(i)));
            }
            // One more actor id whose profile never arrived.
            Arbitrary<String> owner = Arbitraries.integers().between(0, types.size()).map(i -> "actor-" + i);
            Arbitrary<List<Post>> needs = posts("need", owner);
            Arbitrary<List<Post>> offers = posts("offer", owner);
            return Combinators.combine(needs, offers).as((n, o) -> new Scenario(new MatchingPool(actors, n, o)));
        });
    }

    private Arbitrary<List<Post>> posts(String prefix, Arbitrary<String> owner) {
        return Combinators.combine(owner, details()).as((actorId, details) -> new Object[] {actorId, details})
                .list().ofMaxSize(8)
                .map(rows -> {
                    List<Post> posts = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        posts.add(new Post(prefix + "-" + i, (String) rows.get(i)[0], (PostDetails) rows.get(i)[1]));
                    }
                    return posts;
                });
    }

    private Arbitrary<PostDetails> details() {
        Arbitrary<String> text = Arbitraries.of(WORDS).list().ofMaxSize(12).map(words -> String.join(" ", words));
        Arbitrary<LocalDate> validUntil = Arbitraries.integers().between(-3, 3)
                .map(days -> days == 3 ? null : TODAY.plusDays(days));
        return Combinators.combine(
                Arbitraries.of(ResourceCategory.class),
                Arbitraries.of(PartnershipForm.class),
                text,
                Arbitraries.of(Theme.class).set().ofMaxSize(4),
                Arbitraries.integers().between(1, 17).map(Sdg::of).set().ofMaxSize(6),
                Arbitraries.of(TERRITORIES),
                validUntil
        ).as((category, form, description, themes, sdgs, territory, until) ->
                new PostDetails(category, form, "Titre", description, themes, sdgs, territory, until));
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static List<String> ids(List<Match> matches, Function<Match, String> id) {
        return matches.stream().map(id).collect(Collectors.toList());
    }
}
