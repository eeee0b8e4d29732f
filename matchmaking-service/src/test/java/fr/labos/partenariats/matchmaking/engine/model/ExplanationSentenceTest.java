package fr.labos.partenariats.matchmaking.engine.model;

import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass {@link ExplanationSentence#write} writes, character for character, what the clause-by-clause version
 * it replaced wrote (kept below as the reference), over thousands of random pairings: names with and without
 * profile, blank and padded titles, every level of territory, any shared SDGs and themes, with and without
 * reciprocity, lower-case, accented and upper-case first letters.
 */
class ExplanationSentenceTest {

    private static final String[] NAMES = {"Wimoov Isère", "  alyl Sécurité ", "élan solidaire", "", "ßtraße", "42 Lab",
            "Fondation Dauphiné", null};
    private static final String[] TITLES = {"Plateforme de mobilité", "  Mécénat  ", "", "   ", null, "« guillemets »"};
    private static final String[] PLACE_NAMES = {"Grenoble", "Le Pont-de-Claix", "Isère", "Grenoble-Alpes-Métropole", "Auvergne-Rhône-Alpes", "France"};

    @Test
    void writesExactlyWhatTheClauseByClauseVersionWrote() {
        Random random = new Random(20261126);
        ExplanationSentence sentences = new ExplanationSentence();
        for (int round = 0; round < 20_000; round++) {
            Actor needActor = actor(random);
            Actor offerActor = actor(random);
            PostFeatures need = post(random, PostKind.NEED);
            PostFeatures offer = post(random, PostKind.OFFER);
            Match.Reciprocal reciprocal = random.nextBoolean() ? null
                    : new Match.Reciprocal(post(random, PostKind.NEED), post(random, PostKind.OFFER));
            Components components = new Components(1, 1, 1, random.nextDouble() * 0.4, 1, reciprocal == null ? 0 : 1, 1);

            assertThat(sentences.write(need, needActor, offer, offerActor, components, reciprocal))
                    .isEqualTo(reference(need, needActor, offer, offerActor, components, reciprocal));
        }
    }

    /** « à » and a commune's article make one word, as French writes them: « à Le Pont-de-Claix » is no French. */
    @Test
    void aCommuneIsNamedAfterThePrepositionContractedWithItsArticle() {
        assertThat(ExplanationSentence.where(commune("Le Pont-de-Claix"))).isEqualTo("au Pont-de-Claix");
        assertThat(ExplanationSentence.where(commune("Les Abrets en Dauphiné"))).isEqualTo("aux Abrets en Dauphiné");
        assertThat(ExplanationSentence.where(commune("La Tronche"))).isEqualTo("à La Tronche");
        assertThat(ExplanationSentence.where(commune("L'Isle-d'Abeau"))).isEqualTo("à L'Isle-d'Abeau");
        assertThat(ExplanationSentence.where(commune("Lespinasse"))).isEqualTo("à Lespinasse");
        assertThat(ExplanationSentence.where(commune("Grenoble"))).isEqualTo("à Grenoble");
    }

    private static Place commune(String name) {
        return new Place(1, new TerritoryRef("38317", TerritoryLevel.COMMUNE), name, new int[]{1},
                new TerritoryLevel[]{TerritoryLevel.COMMUNE}, new String[]{name});
    }

    private static Actor actor(Random random) {
        ActorType[] types = ActorType.values();
        return new Actor("a", NAMES[random.nextInt(NAMES.length)],
                random.nextInt(5) == 0 ? null : types[random.nextInt(types.length)]);
    }

    private static PostFeatures post(Random random, PostKind kind) {
        ResourceCategory[] categories = ResourceCategory.values();
        TerritoryLevel level = TerritoryLevel.values()[random.nextInt(TerritoryLevel.values().length)];
        String name = PLACE_NAMES[random.nextInt(PLACE_NAMES.length)];
        Place place = new Place(1, new TerritoryRef("38185", level), name, new int[]{1}, new TerritoryLevel[]{level},
                new String[]{name});
        return new PostFeatures("p", kind, new ActorFeatures("a", 0), 1,
                random.nextInt(8) == 0 ? null : categories[random.nextInt(categories.length)], null,
                TITLES[random.nextInt(TITLES.length)], place, random.nextInt(1 << 17) & random.nextInt(1 << 17),
                random.nextInt(1 << Theme.values().length) & random.nextInt(1 << Theme.values().length),
                TermVector.EMPTY, PostFeatures.NO_END, 0);
    }

    /** The writing as it was before the one-pass version (complementarity-v2, November 2026). */
    private static String reference(PostFeatures need, Actor needActor, PostFeatures offer, Actor offerActor,
                                    Components components, Match.Reciprocal reciprocal) {
        List<String> clauses = new ArrayList<>();
        String needer = ExplanationSentence.nameOf(needActor);
        String offerer = ExplanationSentence.nameOf(offerActor);
        clauses.add(needer + " cherche " + ExplanationSentence.label(need.category()) + quoted(need.title()));
        clauses.add(offerer + " offre " + ExplanationSentence.label(offer.category()) + " "
                + ExplanationSentence.where(offer.place()) + quoted(offer.title()));
        List<Sdg> sdgs = PostFeatures.sdgsOf(need.sdgs() & offer.sdgs());
        if (!sdgs.isEmpty()) {
            clauses.add(sdgs.size() + " ODD en commun ("
                    + sdgs.stream().map(sdg -> "ODD " + sdg.number()).collect(Collectors.joining(", ")) + ")");
        }
        List<Theme> themes = PostFeatures.themesOf(need.themes() & offer.themes());
        if (!themes.isEmpty()) {
            clauses.add((themes.size() == 1 ? "thème commun : " : "thèmes communs : ")
                    + themes.stream().map(Theme::label).collect(Collectors.joining(", ")));
        }
        if (components.description() >= ExplanationSentence.CLOSE_DESCRIPTIONS) {
            clauses.add("descriptions proches");
        }
        if (needActor.isKnown() && offerActor.isKnown()) {
            boolean sameFamily = needActor.type().family() == offerActor.type().family();
            clauses.add((sameFamily ? "alliance entre pairs : " : "alliance entre familles : ")
                    + needActor.type().label() + " et " + offerActor.type().label());
        }
        if (reciprocal != null) {
            String title = reciprocal.offer().title();
            clauses.add("réciproque : " + needer + " offre " + ExplanationSentence.label(reciprocal.offer().category())
                    + (title == null || title.isBlank() ? "" : " (« " + title.strip() + " »)")
                    + " " + ExplanationSentence.que(offerer) + " recherche");
        }
        String sentence = String.join(" ; ", clauses) + ".";
        return sentence.substring(0, 1).toUpperCase(Locale.FRENCH) + sentence.substring(1);
    }

    private static String quoted(String title) {
        return title == null || title.isBlank() ? "" : " : « " + title.strip() + " »";
    }
}
