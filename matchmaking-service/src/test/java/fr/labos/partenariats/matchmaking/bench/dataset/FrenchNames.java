package fr.labos.partenariats.matchmaking.bench.dataset;

import java.util.Map;

/**
 * French prepositions and articles for place names (« à Grenoble », « au Mans », « en Isère », « dans le Nord »,
 * « de l'Isère », « du Nord »), so that generated texts read as a French speaker would write them.
 */
final class FrenchNames {

    private FrenchNames() {
    }

    /** L_EN: « en Isère »; L_DANS: « dans l'Ain », « dans l'Oise » (usage, not gender, decides). */
    private enum Article { LE, LA, LES, L_EN, L_DANS, NONE_A, NONE_EN }

    // Grammatical form of each département name; NONE_A = no article, « à » (Paris, Mayotte, La Réunion).
    private static final Map<String, Article> DEPARTEMENTS = Map.ofEntries(
            Map.entry("01", Article.L_DANS), Map.entry("02", Article.L_DANS), Map.entry("03", Article.L_DANS),
            Map.entry("04", Article.LES), Map.entry("05", Article.LES), Map.entry("06", Article.LES),
            Map.entry("07", Article.L_EN), Map.entry("08", Article.LES), Map.entry("09", Article.L_EN),
            Map.entry("10", Article.L_DANS), Map.entry("11", Article.L_DANS), Map.entry("12", Article.L_DANS),
            Map.entry("13", Article.LES), Map.entry("14", Article.LE), Map.entry("15", Article.LE),
            Map.entry("16", Article.LA), Map.entry("17", Article.LA), Map.entry("18", Article.LE),
            Map.entry("19", Article.LA), Map.entry("21", Article.LA), Map.entry("22", Article.LES),
            Map.entry("23", Article.LA), Map.entry("24", Article.LA), Map.entry("25", Article.LE),
            Map.entry("26", Article.LA), Map.entry("27", Article.L_DANS), Map.entry("28", Article.L_DANS),
            Map.entry("29", Article.LE), Map.entry("2A", Article.LA), Map.entry("2B", Article.LA),
            Map.entry("30", Article.LE), Map.entry("31", Article.LA), Map.entry("32", Article.LE),
            Map.entry("33", Article.LA), Map.entry("34", Article.L_DANS), Map.entry("35", Article.L_EN),
            Map.entry("36", Article.L_DANS), Map.entry("37", Article.L_EN), Map.entry("38", Article.L_EN),
            Map.entry("39", Article.LE), Map.entry("40", Article.LES), Map.entry("41", Article.LE),
            Map.entry("42", Article.LA), Map.entry("43", Article.LA), Map.entry("44", Article.LA),
            Map.entry("45", Article.LE), Map.entry("46", Article.LE), Map.entry("47", Article.LE),
            Map.entry("48", Article.LA), Map.entry("49", Article.LE), Map.entry("50", Article.LA),
            Map.entry("51", Article.LA), Map.entry("52", Article.LA), Map.entry("53", Article.LA),
            Map.entry("54", Article.LA), Map.entry("55", Article.LA), Map.entry("56", Article.LE),
            Map.entry("57", Article.LA), Map.entry("58", Article.LA), Map.entry("59", Article.LE),
            Map.entry("60", Article.L_DANS), Map.entry("61", Article.L_DANS), Map.entry("62", Article.LE),
            Map.entry("63", Article.LE), Map.entry("64", Article.LES), Map.entry("65", Article.LES),
            Map.entry("66", Article.LES), Map.entry("67", Article.LE), Map.entry("68", Article.LE),
            Map.entry("69", Article.LE), Map.entry("70", Article.LA), Map.entry("71", Article.LA),
            Map.entry("72", Article.LA), Map.entry("73", Article.LA), Map.entry("74", Article.LA),
            Map.entry("75", Article.NONE_A), Map.entry("76", Article.LA), Map.entry("77", Article.LA),
            Map.entry("78", Article.LES), Map.entry("79", Article.LES), Map.entry("80", Article.LA),
            Map.entry("81", Article.LE), Map.entry("82", Article.LE), Map.entry("83", Article.LE),
            Map.entry("84", Article.LE), Map.entry("85", Article.LA), Map.entry("86", Article.LA),
            Map.entry("87", Article.LA), Map.entry("88", Article.LES), Map.entry("89", Article.L_DANS),
            Map.entry("90", Article.LE), Map.entry("91", Article.L_DANS), Map.entry("92", Article.LES),
            Map.entry("93", Article.LA), Map.entry("94", Article.LE), Map.entry("95", Article.LE),
            Map.entry("971", Article.LA), Map.entry("972", Article.LA), Map.entry("973", Article.LA),
            Map.entry("974", Article.NONE_A), Map.entry("976", Article.NONE_A));

    private static final Map<String, Article> REGIONS = Map.ofEntries(
            Map.entry("01", Article.LA), Map.entry("02", Article.LA), Map.entry("03", Article.LA),
            Map.entry("04", Article.NONE_A), Map.entry("06", Article.NONE_A), Map.entry("11", Article.NONE_EN),
            Map.entry("24", Article.LE), Map.entry("27", Article.NONE_EN), Map.entry("28", Article.NONE_EN),
            Map.entry("32", Article.LES), Map.entry("44", Article.LE), Map.entry("52", Article.LES),
            Map.entry("53", Article.NONE_EN), Map.entry("75", Article.NONE_EN), Map.entry("76", Article.NONE_EN),
            Map.entry("84", Article.NONE_EN), Map.entry("93", Article.NONE_EN), Map.entry("94", Article.NONE_EN));

    static final String NATIONAL_IN = "partout en France";
    static final String NATIONAL_OF = "de toute la France";

    /** « à Grenoble », « au Mans », « aux Ulis », « à La Rochelle ». */
    static String communeIn(String name) {
        if (name.startsWith("Le ")) {
            return "au " + name.substring(3);
        }
        if (name.startsWith("Les ")) {
            return "aux " + name.substring(4);
        }
        return "à " + name;
    }

    /** « de Grenoble », « du Mans », « des Ulis », « d'Annecy ». */
    static String communeOf(String name) {
        if (name.startsWith("Le ")) {
            return "du " + name.substring(3);
        }
        if (name.startsWith("Les ")) {
            return "des " + name.substring(4);
        }
        return elidedDe(name);
    }

    /** « en Isère », « dans le Nord », « dans les Landes », « à Paris ». */
    static String departementIn(String code, String name) {
        return in(DEPARTEMENTS.getOrDefault(code, Article.NONE_EN), name);
    }

    /** « de l'Isère », « du Nord », « des Landes », « de Paris ». */
    static String departementOf(String code, String name) {
        return of(DEPARTEMENTS.getOrDefault(code, Article.NONE_EN), name);
    }

    /** « en Auvergne-Rhône-Alpes », « dans les Hauts-de-France », « à La Réunion ». */
    static String regionIn(String code, String name) {
        return in(REGIONS.getOrDefault(code, Article.NONE_EN), name);
    }

    /** « d'Auvergne-Rhône-Alpes », « des Hauts-de-France », « du Grand Est ». */
    static String regionOf(String code, String name) {
        return of(REGIONS.getOrDefault(code, Article.NONE_EN), name);
    }

    /** The official title of a Région's assembly, e.g. « Région Bretagne », « Collectivité de Corse ». */
    static String regionInstitution(String code, String name) {
        return switch (code) {
            case "94" -> "Collectivité de Corse";
            case "02" -> "Collectivité territoriale de Martinique";
            case "03" -> "Collectivité territoriale de Guyane";
            case "06" -> "Département de Mayotte";
            default -> "Région " + name;
        };
    }

    /** Expands the INSEE abbreviations: « CC du Perche » → « Communauté de communes du Perche ». */
    static String epciFullName(String name) {
        if (name.startsWith("CC ")) {
            return "Communauté de communes " + name.substring(3);
        }
        if (name.startsWith("CA ")) {
            return "Communauté d'agglomération " + name.substring(3);
        }
        if (name.startsWith("CU ")) {
            return "Communauté urbaine " + name.substring(3);
        }
        return name;
    }

    /** « de la Communauté de communes du Perche », « de Rennes Métropole », « de l'Eurométropole de Strasbourg ». */
    static String epciOf(String fullName) {
        if (fullName.startsWith("Communauté") || fullName.startsWith("Métropole")) {
            return "de la " + fullName;
        }
        if (fullName.startsWith("Eurométropole")) {
            return "de l'" + fullName;
        }
        return elidedDe(fullName);
    }

    /** « sur le territoire de la Communauté de communes du Perche ». */
    static String epciIn(String fullName) {
        return "sur le territoire " + epciOf(fullName);
    }

    static String elidedDe(String word) {
        return startsWithVowel(word) ? "d'" + word : "de " + word;
    }

    static boolean startsWithVowel(String word) {
        if (word.isEmpty()) {
            return false;
        }
        return "AEIOUYÉÈÊÎÂÔŒaeiouyéèêîâôœ".indexOf(word.charAt(0)) >= 0;
    }

    private static String in(Article article, String name) {
        return switch (article) {
            case LE -> "dans le " + name;
            case LA, L_EN, NONE_EN -> "en " + name;
            case LES -> "dans les " + name;
            case L_DANS -> "dans l'" + name;
            case NONE_A -> "à " + name;
        };
    }

    private static String of(Article article, String name) {
        return switch (article) {
            case LE -> "du " + name;
            case LA -> "de la " + name;
            case LES -> "des " + name;
            case L_EN, L_DANS -> "de l'" + name;
            case NONE_A, NONE_EN -> elidedDe(name);
        };
    }
}
