package fr.labos.partenariats.matchmaking.engine.model;

import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.Theme;

import java.util.Locale;

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

    private static final Sdg[] SDGS = Sdg.values();
    private static final Theme[] THEMES = Theme.values();

    /**
     * One {@link StringBuilder} pass, no intermediate lists, streams or joins: both the fast path and the brute-force
     * scan explain their ten results with it, and it was a quarter of the fast path's time. The words and their order
     * are those of the clause-by-clause version it replaced; {@code ComplementarityModelTest} pins them.
     */
    String write(PostFeatures need, Actor needActor, PostFeatures offer, Actor offerActor, Components components,
                 Match.Reciprocal reciprocal) {
        StringBuilder sentence = new StringBuilder(320);
        String needer = nameOf(needActor);
        String offerer = nameOf(offerActor);

        sentence.append(needer).append(" cherche ").append(label(need.category()));
        appendQuoted(sentence, need.title());
        sentence.append(" ; ").append(offerer).append(" offre ").append(label(offer.category())).append(' ');
        appendWhere(sentence, offer.place());
        appendQuoted(sentence, offer.title());
        if (!TerritorialProximity.nested(need.place(), offer.place())) {
            // Two arrondissements (Lyon 1er, Lyon 2e) are neighbours within one commune.
            sentence.append(switch (TerritorialProximity.commonLevel(need.place(), offer.place())) {
                        case COMMUNE -> " ; voisins dans la même commune (";
                        case EPCI -> " ; voisins dans la même intercommunalité (";
                        default -> " ; voisins dans le même département (";
                    })
                    .append(TerritorialProximity.commonName(need.place(), offer.place())).append(')');
        }
        int sharedSdgs = need.sdgs() & offer.sdgs();
        if (sharedSdgs != 0) {
            sentence.append(" ; ").append(Integer.bitCount(sharedSdgs)).append(" ODD en commun (");
            String separator = "";
            for (Sdg sdg : SDGS) {
                if ((sharedSdgs & (1 << (sdg.number() - 1))) != 0) {
                    sentence.append(separator).append("ODD ").append(sdg.number());
                    separator = ", ";
                }
            }
            sentence.append(')');
        }
        int sharedThemes = need.themes() & offer.themes();
        if (sharedThemes != 0) {
            sentence.append(Integer.bitCount(sharedThemes) == 1 ? " ; thème commun : " : " ; thèmes communs : ");
            String separator = "";
            for (Theme theme : THEMES) {
                if ((sharedThemes & (1 << theme.ordinal())) != 0) {
                    sentence.append(separator).append(theme.label());
                    separator = ", ";
                }
            }
        }
        if (components.description() >= CLOSE_DESCRIPTIONS) {
            sentence.append(" ; descriptions proches");
        }
        if (needActor.isKnown() && offerActor.isKnown()) {
            boolean sameFamily = needActor.type().family() == offerActor.type().family();
            sentence.append(sameFamily ? " ; alliance entre pairs : " : " ; alliance entre familles : ")
                    .append(needActor.type().label()).append(" et ").append(offerActor.type().label());
        }
        if (reciprocal != null) {
            String title = reciprocal.offer().title();
            sentence.append(" ; réciproque : ").append(needer).append(" offre ").append(label(reciprocal.offer().category()));
            if (title != null && !title.isBlank()) {
                sentence.append(" (« ").append(title.strip()).append(" »)");
            }
            sentence.append(' ').append(que(offerer)).append(" recherche");
        }
        sentence.append('.');
        return capitalised(sentence);
    }

    /**
     * The sentence with its first letter upper-cased as {@code toUpperCase(Locale.FRENCH)} would: in place for ASCII,
     * the general rule (which may change the length, e.g. « ß ») otherwise.
     */
    private static String capitalised(StringBuilder sentence) {
        char first = sentence.charAt(0);
        if (first >= 'a' && first <= 'z') {
            sentence.setCharAt(0, (char) (first - ('a' - 'A')));
            return sentence.toString();
        }
        if (first < 128) {
            return sentence.toString();
        }
        String written = sentence.toString();
        return written.substring(0, 1).toUpperCase(Locale.FRENCH) + written.substring(1);
    }

    private static void appendWhere(StringBuilder sentence, Place place) {
        sentence.append(where(place));
    }

    private static void appendQuoted(StringBuilder sentence, String title) {
        if (title != null && !title.isBlank()) {
            sentence.append(" : « ").append(title.strip()).append(" »");
        }
    }

    /** « dans tout le département (Isère) », « à Grenoble »: where an offer stands, in words. */
    public static String where(Place place) {
        return switch (place.level()) {
            case COMMUNE -> atCommune(place.name());
            case EPCI -> "dans toute l'intercommunalité (" + place.name() + ")";
            case DEPARTEMENT -> "dans tout le département (" + place.name() + ")";
            case REGION -> "dans toute la région (" + place.name() + ")";
            case NATIONAL -> "dans toute la France";
        };
    }

    /**
     * « à » before a commune's name, contracted with the name's article as French writes it: « au Pont-de-Claix »,
     * « aux Abrets en Dauphiné »; « à La Tronche » and « à L'Isle-d'Abeau » keep theirs.
     */
    static String atCommune(String name) {
        if (name.startsWith("Le ")) return "au " + name.substring("Le ".length());
        if (name.startsWith("Les ")) return "aux " + name.substring("Les ".length());
        return "à " + name;
    }

    /** « que » elides before a vowel: « qu'Alyl Sécurité », « que Fondation X ». */
    public static String que(String name) {
        char first = Character.toLowerCase(name.isEmpty() ? 'x' : name.charAt(0));
        return "aeiouyéèêëàâîïôû".indexOf(first) >= 0 ? "qu'" + name : "que " + name;
    }

    public static String label(ResourceCategory category) {
        return category == null ? "un partenaire" : category.label();
    }

    public static String nameOf(Actor actor) {
        return actor.name() == null || actor.name().isBlank() ? UNKNOWN_ACTOR : actor.name().strip();
    }
}
