package fr.labos.partenariats.matchmaking.session.pairs;

import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.engine.index.MatchingIndex;
import fr.labos.partenariats.matchmaking.engine.index.Partner;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityWeights;
import fr.labos.partenariats.matchmaking.engine.model.PairExclusions;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.matchmaking.session.schedule.Exclusion;
import fr.labos.partenariats.matchmaking.session.schedule.SchedulingRequest;
import fr.labos.partenariats.matchmaking.session.schedule.Wish;
import fr.labos.partenariats.matchmaking.support.Posts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
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
import static org.assertj.core.api.Assertions.within;

/** A session's pairs weighed by a real matching engine, with the wish bonuses, and set aside with their reasons. */
class SessionPairsTest {

    private static final WishBonuses BONUSES = new WishBonuses(0.5, 1.0);
    private long sequence;
    private MatchingEngine engine;
    private final Map<String, String> participants = new LinkedHashMap<>();

    @BeforeEach
    void engineWithPosts() {
        engine = new MatchingEngine(ComplementarityWeights.defaults(), TERRITORIES, TEXT, PARIS, PairExclusions.NONE);
        engine.markReady();
        engine.put(content(PostKind.NEED, "n", "wimoov", post(FUNDING).in(GRENOBLE)));
        engine.put(content(PostKind.OFFER, "o1", "fondation", post(FUNDING).in(ISERE)));
        engine.put(content(PostKind.OFFER, "o2", "banque", post(FUNDING).in(GRENOBLE)));
        engine.put(content(PostKind.OFFER, "o3", "entreprise", post(SKILLS).in(GRENOBLE)));
        participants.put("wimoov", "Wimoov");
        participants.put("fondation", "Fondation");
        participants.put("banque", "Banque");
        // One organisation as two lines of a spreadsheet spell it: still the same one.
        participants.put("entreprise", "Groupe Solidaire d'Isère");
        participants.put("filiale", " groupe  solidaire d’isere ");
    }

    @Test
    void aPairWeighsTheEnginesComplementarityWithItsSentence() {
        SessionPairs pairs = pairs(List.of(), PairExclusions.NONE, EarlierMeetings.NONE);
        Partner fondation = engine.weight("wimoov", "fondation", TODAY, 1).orElseThrow();
        assertThat(fondation.score()).isPositive();
        assertThat(pairs.weight("wimoov", "fondation")).isEqualTo(fondation.score());
        assertThat(pairs.weight("fondation", "wimoov")).isEqualTo(fondation.score());
        assertThat(pairs.explanation("fondation", "wimoov")).isEqualTo(fondation.sentence());
        assertThat(pairs.weight("wimoov", "entreprise")).isZero();
        assertThat(pairs.weighed()).anySatisfy(w -> {
            assertThat(w.actorId()).isEqualTo("wimoov");
            assertThat(w.partnerActorId()).isEqualTo("banque");
            assertThat(w.complementarity()).isPositive();
            assertThat(w.wishBonus()).isZero();
        });
    }

    @Test
    void wishesAddTheirBonusOneSidedOrMutual() {
        List<Wish> wishes = List.of(new Wish("wimoov", "fondation"), new Wish("banque", "entreprise"),
                new Wish("entreprise", "banque"));
        SessionPairs pairs = pairs(wishes, PairExclusions.NONE, EarlierMeetings.NONE);
        double fondation = engine.weight("wimoov", "fondation", TODAY, 1).orElseThrow().score();
        assertThat(pairs.weight("wimoov", "fondation")).isCloseTo(fondation + 0.5, within(1e-12));
        assertThat(pairs.weight("banque", "entreprise")).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void pairsAreSetAsideForTheSameOrganisationAnIntroductionOrAnEarlierSessionUnlessWished() {
        PairExclusions introduced = actor -> switch (actor) {
            case "wimoov" -> Set.of("banque");
            case "banque" -> Set.of("wimoov");
            default -> Set.of();
        };
        EarlierMeetings earlier = (session, actor) -> switch (actor) {
            case "wimoov" -> Set.of("fondation", "entreprise");
            case "fondation" -> Set.of("wimoov");
            case "entreprise" -> Set.of("wimoov");
            default -> Set.of();
        };
        SessionPairs pairs = pairs(List.of(new Wish("entreprise", "wimoov")), introduced, earlier);
        assertThat(pairs.setAside()).extracting(p -> p.actorId() + "-" + p.partnerActorId() + ": " + p.reason())
                .containsExactlyInAnyOrder(
                        "wimoov-fondation: " + SessionPairs.MET_BEFORE,
                        "wimoov-banque: " + SessionPairs.INTRODUCED,
                        "entreprise-filiale: " + SessionPairs.SAME_ORGANISATION);
        assertThat(pairs.weighed()).extracting(w -> w.actorId() + "-" + w.partnerActorId())
                .contains("wimoov-entreprise").doesNotContain("wimoov-fondation", "wimoov-banque");
        assertThat(pairs.weighed()).hasSize(10 - 3);
    }

    /** « - », « . » or a no-break space is a spreadsheet's « none »: those so described are not one organisation. */
    @Test
    void anOrganisationOfPunctuationOrInvisibleSpacesIsNone() {
        participants.put("wimoov", "-");
        participants.put("fondation", ".");
        participants.put("banque", "\u00a0");
        SessionPairs pairs = pairs(List.of(), PairExclusions.NONE, EarlierMeetings.NONE);
        assertThat(pairs.setAside()).extracting(p -> p.actorId() + "-" + p.partnerActorId() + ": " + p.reason())
                .containsExactly("entreprise-filiale: " + SessionPairs.SAME_ORGANISATION);
        assertThat(pairs.weighed()).extracting(w -> w.actorId() + "-" + w.partnerActorId())
                .contains("wimoov-fondation", "wimoov-banque");
    }

    @Test
    void theRequestSeatsThePresentInRegistrationOrderWithTheExclusions() {
        SessionPairs pairs = pairs(List.of(new Wish("wimoov", "banque")), PairExclusions.NONE, EarlierMeetings.NONE);
        SchedulingRequest request = pairs.request(List.of("filiale", "wimoov", "banque", "entreprise"), 3, 2,
                List.of(), 0);
        assertThat(request.participants()).containsExactly("wimoov", "banque", "entreprise", "filiale");
        assertThat(request.exclusions()).containsExactly(
                new Exclusion("entreprise", "filiale", SessionPairs.SAME_ORGANISATION));
        assertThat(request.wishes()).containsExactly(new Wish("wimoov", "banque"));
        assertThat(request.weights().weight("wimoov", "banque")).isEqualTo(pairs.weight("banque", "wimoov"));
    }

    private SessionPairs pairs(List<Wish> wishes, PairExclusions introduced, EarlierMeetings earlier) {
        return new SessionPairs("s-1", participants, wishes, engine, introduced, earlier, BONUSES, TODAY);
    }

    private MatchingIndex.PostContent content(PostKind kind, String id, String actorId, Posts details) {
        return new MatchingIndex.PostContent(kind, id, actorId, details.build(), sequence++,
                TODAY.atStartOfDay(PARIS).toInstant());
    }
}
