package fr.labos.partenariats.matchmaking.engine;

import fr.labos.partenariats.matchmaking.engine.index.MatchingIndex;
import fr.labos.partenariats.matchmaking.engine.index.Partner;
import fr.labos.partenariats.matchmaking.engine.index.RankingFilter;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityWeights;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.engine.model.PairExclusions;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.matchmaking.support.Posts;
import fr.labos.partenariats.schema.common.ActorType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.labos.partenariats.matchmaking.support.IndexFixture.PARIS;
import static fr.labos.partenariats.matchmaking.support.IndexFixture.TERRITORIES;
import static fr.labos.partenariats.matchmaking.support.IndexFixture.TEXT;
import static fr.labos.partenariats.matchmaking.support.IndexFixture.TODAY;
import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE;
import static fr.labos.partenariats.matchmaking.support.Posts.ISERE;
import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static fr.labos.partenariats.schema.common.ResourceCategory.FUNDING;
import static fr.labos.partenariats.schema.common.ResourceCategory.SKILLS;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine through its entry point only, as a caller outside the service (a scheduler) would use it. */
class MatchingEngineTest {

    private long sequence;

    @Test
    void ranksPartnersAndWeighsAPairOfActors() {
        MatchingEngine engine = engine(PairExclusions.NONE);
        engine.put(content(PostKind.NEED, "n", "wimoov", post(FUNDING).in(GRENOBLE)));
        engine.put(content(PostKind.OFFER, "o1", "fondation", post(FUNDING).in(ISERE)));
        engine.put(content(PostKind.OFFER, "o2", "banque", post(FUNDING).in(GRENOBLE)));
        engine.put(content(PostKind.NEED, "n2", "fondation", post(SKILLS).in(ISERE)));
        engine.put(content(PostKind.OFFER, "o3", "wimoov", post(SKILLS).in(GRENOBLE)));

        List<Match> offers = engine.rank(PostKind.NEED, "n", RankingFilter.none(), TODAY, 10).orElseThrow();
        assertThat(offers).extracting(m -> m.offer().id()).containsExactlyInAnyOrder("o1", "o2");

        List<Partner> partners = engine.partnersOf("wimoov", RankingFilter.none(), TODAY, 10, 3).orElseThrow();
        assertThat(partners).extracting(p -> p.actor().id()).containsExactlyInAnyOrder("fondation", "banque");
        for (Partner partner : partners) {
            assertThat(engine.weight("wimoov", partner.actor().id(), TODAY, 3)).contains(partner);
        }
        Partner fondation = engine.weight("wimoov", "fondation", TODAY, 3).orElseThrow();
        assertThat(fondation.reciprocal()).isTrue();
        assertThat(fondation.pairCount()).isEqualTo(2);
        assertThat(fondation.sentence()).contains("réciproque");
    }

    @Test
    void aPairOfActorsWithNoAdmittedPairWeighsNothingAndAnUnknownActorIsNoAnswer() {
        MatchingEngine engine = engine(PairExclusions.NONE);
        engine.put(content(PostKind.NEED, "n", "wimoov", post(FUNDING).in(GRENOBLE)));
        engine.put(content(PostKind.OFFER, "o", "entreprise", post(SKILLS).in(GRENOBLE)));

        Partner none = engine.weight("wimoov", "entreprise", TODAY, 3).orElseThrow();
        assertThat(none.score()).isZero();
        assertThat(none.pairCount()).isZero();
        assertThat(engine.weight("wimoov", "personne", TODAY, 3)).isEmpty();
    }

    @Test
    void actorsSetAsideForEachOtherAreNeverProposedToEachOther() {
        Map<String, Set<String>> introduced = Map.of("wimoov", Set.of("fondation"), "fondation", Set.of("wimoov"));
        MatchingEngine engine = engine(actor -> introduced.getOrDefault(actor, Set.of()));
        engine.put(content(PostKind.NEED, "n", "wimoov", post(FUNDING).in(GRENOBLE)));
        engine.put(content(PostKind.OFFER, "o1", "fondation", post(FUNDING).in(GRENOBLE)));
        engine.put(content(PostKind.OFFER, "o2", "banque", post(FUNDING).in(ISERE)));

        assertThat(engine.rank(PostKind.NEED, "n", RankingFilter.none(), TODAY, 10).orElseThrow())
                .extracting(m -> m.offer().id()).containsExactly("o2");
        assertThat(engine.rank(PostKind.OFFER, "o1", RankingFilter.none(), TODAY, 10).orElseThrow()).isEmpty();
        assertThat(engine.partnersOf("wimoov", RankingFilter.none(), TODAY, 10, 3).orElseThrow())
                .extracting(p -> p.actor().id()).containsExactly("banque");
        assertThat(engine.weight("wimoov", "fondation", TODAY, 3).orElseThrow().pairCount()).isZero();
    }

    private static MatchingEngine engine(PairExclusions exclusions) {
        MatchingEngine engine = new MatchingEngine(ComplementarityWeights.defaults(), TERRITORIES, TEXT, PARIS, exclusions);
        engine.markReady();
        return engine;
    }

    private MatchingIndex.PostContent content(PostKind kind, String id, String actorId, Posts details) {
        return new MatchingIndex.PostContent(kind, id, actorId, details.build(), sequence++,
                TODAY.atStartOfDay(PARIS).toInstant());
    }
}
