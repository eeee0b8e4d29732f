package fr.labos.partenariats.matchmaking.matching.model;

import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the one French sentence a facilitator reads out for a pairing, e.g. « Wimoov Isère cherche un financement :
 * « Plateforme de mobilité » ; Fondation Dauphiné offre un financement dans tout le département (Isère) :
 * « Mécénat mobilité » ; 2 ODD en commun (ODD 8, ODD 10) ; alliance entre familles : association et fondation ;
 * réciproque : Wimoov Isère offre des compétences (« Conseil en mobilité ») que Fondation Dauphiné recherche. »
 */
public final class ExplanationSentence {

    /** Below this, two descriptions sharing a few words are not worth mentioning. */
    static final double CLOSE_DESCRIPTIONS = 0.2;
    static final String UNKNOWN_ACTOR = "un acteur au profil encore inconnu";

    String write(PostFeatures need, Actor needActor, PostFeatures offer, Actor offerActor, Components components,
                 Match.Reciprocal reciprocal) {
        List<String> clauses = new ArrayList<>();
        String needer = nameOf(needActor);
        String offerer = nameOf(offerActor);

        clauses.add(needer + " cherche " + label(need.category()) + quoted(need.title()));
        clauses.add(offerer + " offre " + label(offer.category()) + " " + where(offer.place()) + quoted(offer.title()));
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
        if (components.description() >= CLOSE_DESCRIPTIONS) {
            clauses.add("descriptions proches");
        }
        if (needActor.isKnown() && offerActor.isKnown()) {
            boolean sameFamily = needActor.type().family() == offerActor.type().family();
            clauses.add((sameFamily ? "alliance entre pairs : " : "alliance entre familles : ")
                    + needActor.type().label() + " et " + offerActor.type().label());
        }
        if (reciprocal != null) {
            String title = reciprocal.offer().title();
            clauses.add("réciproque : " + needer + " offre " + label(reciprocal.offer().category())
                    + (title == null || title.isBlank() ? "" : " (« " + title.strip() + " »)")
                    + " " + que(offerer) + " recherche");
        }
        String sentence = String.join(" ; ", clauses) + ".";
        return sentence.substring(0, 1).toUpperCase(Locale.FRENCH) + sentence.substring(1);
    }

    /** « dans tout le département (Isère) », « à Grenoble »: where an offer stands, in words. */
    public static String where(Place place) {
        return switch (place.level()) {
            case COMMUNE -> "à " + place.name();
            case EPCI -> "dans toute l'intercommunalité (" + place.name() + ")";
            case DEPARTEMENT -> "dans tout le département (" + place.name() + ")";
            case REGION -> "dans toute la région (" + place.name() + ")";
            case NATIONAL -> "dans toute la France";
        };
    }

    /** « que » elides before a vowel: « qu'Alyl Sécurité », « que Fondation X ». */
    public static String que(String name) {
        char first = Character.toLowerCase(name.isEmpty() ? 'x' : name.charAt(0));
        return "aeiouyéèêëàâîïôû".indexOf(first) >= 0 ? "qu'" + name : "que " + name;
    }

    private static String quoted(String title) {
        return title == null || title.isBlank() ? "" : " : « " + title.strip() + " »";
    }

    public static String label(ResourceCategory category) {
        return category == null ? "un partenaire" : category.label();
    }

    public static String nameOf(Actor actor) {
        return actor.name() == null || actor.name().isBlank() ? UNKNOWN_ACTOR : actor.name().strip();
    }
}
