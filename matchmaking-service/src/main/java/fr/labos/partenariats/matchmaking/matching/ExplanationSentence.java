package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the one French sentence a facilitator reads out for a pairing, e.g. « Wimoov Isère cherche un financement :
 * « Plateforme de mobilité » ; Fondation X offre un financement dans tout le département (Isère) ; 2 ODD en commun
 * (ODD 8, ODD 10) ; alliance entre familles : association et fondation. »
 */
final class ExplanationSentence {

    /** Below this, two descriptions sharing a few common words are not worth mentioning. */
    static final double CLOSE_DESCRIPTIONS = 0.2;
    static final String UNKNOWN_ACTOR = "un acteur au profil encore inconnu";

    private final TerritorialProximity territories;

    ExplanationSentence(TerritorialProximity territories) {
        this.territories = territories;
    }

    /** What the sentence is made of: the pair, what they share, and the reciprocal pair if any. */
    record Facts(Post need, Actor needActor, Post offer, Actor offerActor, Set<Sdg> sharedSdgs, Set<Theme> sharedThemes,
                 double description, Post reciprocalNeed, Post reciprocalOffer) {
    }

    String write(Facts facts) {
        List<String> clauses = new ArrayList<>();
        String needer = nameOf(facts.needActor());
        String offerer = nameOf(facts.offerActor());

        String title = facts.need().details().title();
        clauses.add(needer + " cherche " + label(facts.need().details().category())
                + (title == null || title.isBlank() ? "" : " : « " + title.strip() + " »"));
        clauses.add(offerer + " offre " + label(facts.offer().details().category()) + " " + where(ComplementarityModel.scope(facts.offer().details())));
        if (!facts.sharedSdgs().isEmpty()) {
            clauses.add(facts.sharedSdgs().size() + " ODD en commun ("
                    + facts.sharedSdgs().stream().map(sdg -> "ODD " + sdg.number()).collect(Collectors.joining(", ")) + ")");
        }
        if (!facts.sharedThemes().isEmpty()) {
            clauses.add((facts.sharedThemes().size() == 1 ? "thème commun : " : "thèmes communs : ")
                    + facts.sharedThemes().stream().map(Theme::label).collect(Collectors.joining(", ")));
        }
        if (facts.description() >= CLOSE_DESCRIPTIONS) {
            clauses.add("descriptions proches");
        }
        if (facts.needActor().isKnown() && facts.offerActor().isKnown()) {
            boolean sameFamily = facts.needActor().type().family() == facts.offerActor().type().family();
            clauses.add((sameFamily ? "alliance entre pairs : " : "alliance entre familles : ")
                    + facts.needActor().type().label() + " et " + facts.offerActor().type().label());
        }
        if (facts.reciprocalNeed() != null) {
            clauses.add("réciprocité : " + offerer + " cherche aussi " + label(facts.reciprocalNeed().details().category())
                    + ", ce que " + needer + " offre");
        }
        String sentence = String.join(" ; ", clauses) + ".";
        return sentence.substring(0, 1).toUpperCase(Locale.FRENCH) + sentence.substring(1);
    }

    private String where(TerritoryRef territory) {
        String name = territories.nameOf(territory);
        return switch (territory.level()) {
            case COMMUNE -> "à " + name;
            case EPCI -> "dans toute l'intercommunalité (" + name + ")";
            case DEPARTEMENT -> "dans tout le département (" + name + ")";
            case REGION -> "dans toute la région (" + name + ")";
            case NATIONAL -> "dans toute la France";
        };
    }

    private static String label(ResourceCategory category) {
        return category == null ? "un partenaire" : category.label();
    }

    private static String nameOf(Actor actor) {
        return actor.name() == null || actor.name().isBlank() ? UNKNOWN_ACTOR : actor.name().strip();
    }
}
