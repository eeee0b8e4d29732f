package fr.labos.partenariats.matchmaking.bench.dataset;

import fr.labos.partenariats.schema.common.Theme;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Plausible, varied French names of organisations, built from a type, a theme and a place. */
final class SyntheticActorNames {

    static final String[] SURNAMES = {
            "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
            "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
            "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Faure", "André", "Mercier",
            "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin",
            "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Masson", "Marchand", "Duval",
            "Denis", "Dumont", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud",
            "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard", "Roche",
            "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard", "Fabre", "Aubert",
            "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Bourgeois", "Benoît", "Rey", "Leclerc", "Payet",
            "Rolland", "Guillaume", "Lecomte", "Lopez", "Dupuy", "Hubert", "Berger", "Carpentier", "Moulin", "Deschamps",
            "Huet", "Vasseur", "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Poirier", "Marty", "Aubry",
            "Guyot", "Carré", "Charpentier", "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider",
            "Le Gall", "Collet", "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Germain", "Breton",
            "Besson", "Langlois", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré", "Lebrun", "Marchal",
            "Weber", "Mallet", "Hamon", "Jacob", "Monnier", "Michaud", "Guichard", "Gillet", "Étienne", "Grondin",
            "Tessier", "Chauvin", "Da Silva", "Bouchet", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud",
            "Hoarau", "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Laporte"};

    static final String[] FIRST_NAMES = {
            "Jeanne", "Pierre", "Louise", "Henri", "Marie", "Jacques", "Suzanne", "André", "Madeleine", "Paul",
            "Odette", "Lucien", "Yvonne", "Georges", "Simone", "Marcel", "Hélène", "René", "Colette", "Émile"};

    static final String[] FAMOUS = {
            "Jean Moulin", "Victor Hugo", "Jules Ferry", "Marie Curie", "Louise Michel", "Jean Jaurès", "Simone Veil",
            "Albert Camus", "Jacques Prévert", "Paul Éluard", "George Sand", "Colette", "Pierre Mendès France",
            "Gisèle Halimi", "Olympe de Gouges", "Antoine de Saint-Exupéry", "Aimé Césaire", "Joséphine Baker"};

    static final String[] ASSOCIATION_BRANDS = {
            "La Passerelle", "Le Tremplin", "L'Escale", "Horizons", "Le Relais", "La Ruche", "L'Envol", "Les Petits Pas",
            "Le Lien", "Cap Avenir", "Trait d'Union", "La Clé", "Le Fil", "Entraide", "La Boussole", "Le Grenier",
            "La Main Tendue", "Le Pont", "L'Arbre à Palabres", "Terre d'Accueil", "La Fabrique", "Les Possibles",
            "Ensemble", "Les Semeurs", "Le Phare", "La Source", "Le Chemin", "Les Racines", "Mosaïque", "Les Ailes",
            "Le Carrefour", "Rencontres", "Vivre Ensemble", "L'Oasis", "La Traversée", "Les Tisserands", "Le Jardin d'Ici",
            "Récup'Action", "Pas à Pas", "Le Maillon"};

    static final String[] COMPANY_BRANDS = {
            "Alizé", "Azur", "Boréal", "Cèdre", "Delta", "Écrin", "Faubourg", "Granit", "Hélios", "Iris", "Jade",
            "Kaolin", "Lumen", "Mistral", "Nova", "Opale", "Prisme", "Quartz", "Rivage", "Sillon", "Tilleul", "Ulysse",
            "Vega", "Zéphyr", "Atlas", "Calypso", "Dune", "Estuaire", "Forge", "Ondine"};

    static final String[] SECTOR_SUFFIXES = {
            "Ingénierie", "Conseil", "Informatique", "Logistique", "Industrie", "Énergies", "Bâtiment", "Paysage",
            "Électricité", "Distribution", "Agroalimentaire", "Architecture", "Propreté", "Sécurité", "Numérique",
            "Assurances", "Mécanique", "Emballages"};

    static final String[] SECTOR_PREFIXES = {
            "Boulangerie", "Transports", "Imprimerie", "Cabinet", "Garage", "Menuiserie", "Laboratoire", "Brasserie",
            "Fromagerie", "Pépinières", "Plomberie", "Charpente"};

    private static final Map<Theme, String[]> ASSOCIATION_PATTERNS = new EnumMap<>(Theme.class);
    private static final Map<Theme, String[]> NETWORK_STEMS = new EnumMap<>(Theme.class);
    private static final Map<Theme, String> FOUNDATION_PURPOSES = new EnumMap<>(Theme.class);
    private static final Map<Theme, String> SERVICES = new EnumMap<>(Theme.class);
    private static final Map<Theme, String> DIRECTIONS = new EnumMap<>(Theme.class);
    private static final Map<Theme, String[]> STATE_PATTERNS = new EnumMap<>(Theme.class);

    private static String[] a(String... values) {
        return values;
    }

    static {
        // {c} = « de Grenoble », {n} = « Grenoble », {b} = a brand.
        ASSOCIATION_PATTERNS.put(Theme.HEALTH_SOCIAL, a("Association d'entraide {c}", "Accueil Solidarité {n}", "Collectif contre l'exclusion {c}", "Secours fraternel {c}"));
        ASSOCIATION_PATTERNS.put(Theme.YOUTH_EDUCATION, a("Réussite éducative {c}", "Centre social {b}", "Association des parents d'élèves {c}", "Club de jeunes {c}"));
        ASSOCIATION_PATTERNS.put(Theme.ENVIRONMENT_BIODIVERSITY, a("Nature et Patrimoine {c}", "Collectif Zéro Déchet {n}", "Association de protection de la nature {c}", "Les Amis des haies {c}"));
        ASSOCIATION_PATTERNS.put(Theme.ENERGY_CLIMATE, a("Énergies citoyennes {c}", "Collectif Climat {n}", "Solaire partagé {c}"));
        ASSOCIATION_PATTERNS.put(Theme.MOBILITY, a("Mobilité Solidaire {c}", "Garage solidaire {c}", "Vélo-école {c}", "Auto-école sociale {b}"));
        ASSOCIATION_PATTERNS.put(Theme.EMPLOYMENT_INSERTION, a("Parrainage Emploi {n}", "Club emploi {c}", "Association pour l'insertion {c}", "Réseau d'entraide vers l'emploi {c}"));
        ASSOCIATION_PATTERNS.put(Theme.FOOD, a("Épicerie solidaire {c}", "Les Jardins {c}", "Paniers solidaires {c}", "Cuisine partagée {b}"));
        ASSOCIATION_PATTERNS.put(Theme.CULTURE, a("Compagnie {b}", "Festival {b}", "École de musique {c}", "Théâtre {b}"));
        ASSOCIATION_PATTERNS.put(Theme.HOUSING, a("Habitat solidaire {c}", "Association pour le logement des jeunes {c}", "Toit partagé {n}"));
        ASSOCIATION_PATTERNS.put(Theme.SPORT, a("Union sportive {c}", "Football Club {n}", "Club nautique {c}", "Sport pour tous {n}", "Boxing Club {n}"));
        ASSOCIATION_PATTERNS.put(Theme.DIGITAL_INCLUSION, a("Numérique pour tous {n}", "Fablab {b}", "Espace public numérique {c}"));
        ASSOCIATION_PATTERNS.put(Theme.AGEING_DISABILITY, a("Les Amis des aînés {c}", "Association des aidants {c}", "Handi'Cap {n}", "Bien vieillir {c}"));
        ASSOCIATION_PATTERNS.put(Theme.CITIZENSHIP, a("Comité des fêtes {c}", "Maison des citoyens {c}", "Association des habitants {c}", "Conseil de quartier {b}"));
        ASSOCIATION_PATTERNS.put(Theme.LOCAL_ECONOMY, a("Monnaie locale {b}", "Association des commerçants {c}", "Tiers-lieu {b}", "Repair Café {n}"));

        NETWORK_STEMS.put(Theme.HEALTH_SOCIAL, a("Fédération des acteurs de la solidarité", "Union des associations familiales", "Collectif des associations de solidarité"));
        NETWORK_STEMS.put(Theme.YOUTH_EDUCATION, a("Fédération des centres sociaux", "Fédération des Maisons des jeunes et de la culture", "Réseau des associations de réussite éducative"));
        NETWORK_STEMS.put(Theme.ENVIRONMENT_BIODIVERSITY, a("Réseau d'éducation à l'environnement", "Fédération des associations de protection de la nature", "Union des centres permanents d'initiatives pour l'environnement"));
        NETWORK_STEMS.put(Theme.ENERGY_CLIMATE, a("Réseau des énergies citoyennes", "Collectif pour la transition énergétique"));
        NETWORK_STEMS.put(Theme.MOBILITY, a("Réseau de la mobilité solidaire", "Fédération des garages solidaires"));
        NETWORK_STEMS.put(Theme.EMPLOYMENT_INSERTION, a("Fédération des entreprises d'insertion", "Réseau des chantiers d'insertion", "Union des groupements d'employeurs"));
        NETWORK_STEMS.put(Theme.FOOD, a("Réseau des épiceries solidaires", "Banque alimentaire", "Réseau des jardins partagés"));
        NETWORK_STEMS.put(Theme.CULTURE, a("Fédération des festivals", "Union des compagnies de théâtre amateur", "Réseau des musiques actuelles"));
        NETWORK_STEMS.put(Theme.HOUSING, a("Fédération des associations pour le logement", "Union pour l'habitat des jeunes"));
        NETWORK_STEMS.put(Theme.SPORT, a("Comité olympique et sportif", "Comité handisport", "Comité de sport adapté"));
        NETWORK_STEMS.put(Theme.DIGITAL_INCLUSION, a("Réseau des médiateurs numériques", "Collectif pour l'inclusion numérique"));
        NETWORK_STEMS.put(Theme.AGEING_DISABILITY, a("Fédération des associations de personnes handicapées", "Réseau des aidants", "Union des clubs d'aînés"));
        NETWORK_STEMS.put(Theme.CITIZENSHIP, a("Mouvement associatif", "Réseau des maisons des associations", "Fédération des comités de quartier"));
        NETWORK_STEMS.put(Theme.LOCAL_ECONOMY, a("Chambre de l'économie sociale et solidaire", "Réseau des ressourceries", "Union des coopératives"));

        FOUNDATION_PURPOSES.put(Theme.HEALTH_SOCIAL, "pour la Solidarité");
        FOUNDATION_PURPOSES.put(Theme.YOUTH_EDUCATION, "pour l'Enfance");
        FOUNDATION_PURPOSES.put(Theme.ENVIRONMENT_BIODIVERSITY, "pour la Nature");
        FOUNDATION_PURPOSES.put(Theme.ENERGY_CLIMATE, "pour le Climat");
        FOUNDATION_PURPOSES.put(Theme.MOBILITY, "pour la Mobilité inclusive");
        FOUNDATION_PURPOSES.put(Theme.EMPLOYMENT_INSERTION, "pour l'Emploi");
        FOUNDATION_PURPOSES.put(Theme.FOOD, "pour l'Alimentation durable");
        FOUNDATION_PURPOSES.put(Theme.CULTURE, "pour les Arts");
        FOUNDATION_PURPOSES.put(Theme.HOUSING, "pour le Logement");
        FOUNDATION_PURPOSES.put(Theme.SPORT, "pour le Sport");
        FOUNDATION_PURPOSES.put(Theme.DIGITAL_INCLUSION, "pour le Numérique solidaire");
        FOUNDATION_PURPOSES.put(Theme.AGEING_DISABILITY, "pour l'Autonomie");
        FOUNDATION_PURPOSES.put(Theme.CITIZENSHIP, "pour l'Engagement");
        FOUNDATION_PURPOSES.put(Theme.LOCAL_ECONOMY, "pour l'Entrepreneuriat social");

        SERVICES.put(Theme.HEALTH_SOCIAL, "action sociale");
        SERVICES.put(Theme.YOUTH_EDUCATION, "service jeunesse");
        SERVICES.put(Theme.ENVIRONMENT_BIODIVERSITY, "service espaces verts et biodiversité");
        SERVICES.put(Theme.ENERGY_CLIMATE, "service transition écologique");
        SERVICES.put(Theme.MOBILITY, "service mobilités");
        SERVICES.put(Theme.EMPLOYMENT_INSERTION, "service emploi et insertion");
        SERVICES.put(Theme.FOOD, "projet alimentaire territorial");
        SERVICES.put(Theme.CULTURE, "direction de la culture");
        SERVICES.put(Theme.HOUSING, "service habitat");
        SERVICES.put(Theme.SPORT, "service des sports");
        SERVICES.put(Theme.DIGITAL_INCLUSION, "service numérique");
        SERVICES.put(Theme.AGEING_DISABILITY, "service seniors et autonomie");
        SERVICES.put(Theme.CITIZENSHIP, "service vie associative");
        SERVICES.put(Theme.LOCAL_ECONOMY, "service développement économique");

        DIRECTIONS.put(Theme.HEALTH_SOCIAL, "direction de l'action sociale");
        DIRECTIONS.put(Theme.YOUTH_EDUCATION, "direction de l'enfance et de la jeunesse");
        DIRECTIONS.put(Theme.ENVIRONMENT_BIODIVERSITY, "direction de l'environnement");
        DIRECTIONS.put(Theme.ENERGY_CLIMATE, "direction de la transition énergétique");
        DIRECTIONS.put(Theme.MOBILITY, "direction des mobilités");
        DIRECTIONS.put(Theme.EMPLOYMENT_INSERTION, "direction de l'insertion et de l'emploi");
        DIRECTIONS.put(Theme.FOOD, "direction de l'agriculture et de l'alimentation");
        DIRECTIONS.put(Theme.CULTURE, "direction de la culture");
        DIRECTIONS.put(Theme.HOUSING, "direction de l'habitat");
        DIRECTIONS.put(Theme.SPORT, "direction des sports");
        DIRECTIONS.put(Theme.DIGITAL_INCLUSION, "direction du numérique");
        DIRECTIONS.put(Theme.AGEING_DISABILITY, "direction de l'autonomie");
        DIRECTIONS.put(Theme.CITIZENSHIP, "direction de la vie associative");
        DIRECTIONS.put(Theme.LOCAL_ECONOMY, "direction du développement économique");

        // {d} = « de l'Isère », {r} = « Auvergne-Rhône-Alpes », {c} = « de Grenoble ».
        STATE_PATTERNS.put(Theme.EMPLOYMENT_INSERTION, a("France Travail — agence {c}", "Direction départementale de l'emploi, du travail et des solidarités {d}"));
        STATE_PATTERNS.put(Theme.HEALTH_SOCIAL, a("Agence régionale de santé {r} — délégation départementale {d}", "Caisse d'allocations familiales {d}"));
        STATE_PATTERNS.put(Theme.YOUTH_EDUCATION, a("Service départemental à la jeunesse, à l'engagement et aux sports {d}", "Caisse d'allocations familiales {d}"));
        STATE_PATTERNS.put(Theme.ENVIRONMENT_BIODIVERSITY, a("Office français de la biodiversité — service départemental {d}", "Direction départementale des territoires {d}"));
        STATE_PATTERNS.put(Theme.ENERGY_CLIMATE, a("ADEME — direction régionale {r}", "Direction départementale des territoires {d}"));
        STATE_PATTERNS.put(Theme.HOUSING, a("Direction départementale de l'emploi, du travail et des solidarités {d} — pôle logement", "Préfecture {d} — mission logement"));
        STATE_PATTERNS.put(Theme.LOCAL_ECONOMY, a("Banque des Territoires — direction régionale {r}", "Préfecture {d} — mission ESS"));
        STATE_PATTERNS.put(Theme.CITIZENSHIP, a("Service départemental à la jeunesse, à l'engagement et aux sports {d} — vie associative", "Préfecture {d} — politique de la ville"));
    }

    private SyntheticActorNames() {
    }

    static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    static String association(Theme theme, String communeName, String communeOf, SplittableRandom random) {
        double x = random.nextDouble();
        String brand = pick(ASSOCIATION_BRANDS, random);
        if (x < 0.55) {
            return fill(pick(ASSOCIATION_PATTERNS.get(theme), random), communeName, communeOf, brand);
        }
        if (x < 0.75) {
            return "Association " + brand;
        }
        if (x < 0.88) {
            return brand + " " + communeName;
        }
        return brand;
    }

    static String networkHead(Theme theme, String territoryOf, SplittableRandom random) {
        return pick(NETWORK_STEMS.get(theme), random) + " " + territoryOf;
    }

    static String company(String communeName, String communeOf, SplittableRandom random) {
        String surname = pick(SURNAMES, random);
        return switch (random.nextInt(8)) {
            case 0 -> "SAS " + surname + " " + pick(SECTOR_SUFFIXES, random);
            case 1 -> surname + " " + pick(SECTOR_SUFFIXES, random);
            case 2 -> surname + " & Fils";
            case 3 -> "Groupe " + surname;
            case 4 -> "SARL " + surname + " et " + pick(SURNAMES, random);
            case 5 -> pick(COMPANY_BRANDS, random) + " " + pick(SECTOR_SUFFIXES, random);
            case 6 -> pick(SECTOR_PREFIXES, random) + " " + surname;
            default -> pick(SECTOR_PREFIXES, random) + " " + communeOf;
        };
    }

    static String foundation(Theme theme, SplittableRandom random) {
        String purpose = FOUNDATION_PURPOSES.get(theme);
        return switch (random.nextInt(5)) {
            case 0, 1 -> "Fondation " + pick(SURNAMES, random) + " " + purpose;
            case 2 -> "Fondation d'entreprise " + pick(COMPANY_BRANDS, random) + " " + pick(SECTOR_SUFFIXES, random);
            case 3 -> "Fonds de dotation " + pick(ASSOCIATION_BRANDS, random);
            default -> "Fondation " + pick(FIRST_NAMES, random) + " et " + pick(FIRST_NAMES, random) + " " + pick(SURNAMES, random);
        };
    }

    static String municipality(Theme theme, String communeName, String communeOf, int population, SplittableRandom random) {
        if (population >= 50_000 && random.nextDouble() < 0.5) {
            return theme == Theme.HEALTH_SOCIAL
                    ? "Centre communal d'action sociale " + communeOf
                    : "Ville " + communeOf + " — " + SERVICES.get(theme);
        }
        if (population >= 10_000) {
            return "Ville " + communeOf;
        }
        return random.nextDouble() < 0.7 ? "Commune " + communeOf : "Mairie " + communeOf;
    }

    static String intermunicipality(Theme theme, String epciFullName, SplittableRandom random) {
        return random.nextDouble() < 0.6 ? epciFullName : epciFullName + " — " + SERVICES.get(theme);
    }

    static String departement(Theme theme, String departementCode, String departementOf, SplittableRandom random) {
        if ("75".equals(departementCode)) {
            return "Ville de Paris — " + DIRECTIONS.get(theme);
        }
        return switch (random.nextInt(3)) {
            case 0 -> "Département " + departementOf;
            case 1 -> "Conseil départemental " + departementOf;
            default -> "Département " + departementOf + " — " + DIRECTIONS.get(theme);
        };
    }

    static String region(Theme theme, String institution, SplittableRandom random) {
        return random.nextBoolean() ? institution : institution + " — " + DIRECTIONS.get(theme);
    }

    static String stateAgency(Theme theme, String communeOf, String departementOf, String regionName, SplittableRandom random) {
        String[] patterns = STATE_PATTERNS.get(theme);
        String pattern = patterns == null || random.nextDouble() < 0.25
                ? pick(a("Préfecture {d}", "Direction départementale de l'emploi, du travail et des solidarités {d}",
                "France Travail — agence {c}", "Caisse d'allocations familiales {d}"), random)
                : pick(patterns, random);
        return pattern.replace("{c}", communeOf).replace("{d}", departementOf).replace("{r}", regionName);
    }

    static String academic(String communeName, String communeOf, String regionOf, int population, SplittableRandom random) {
        if (population >= 80_000) {
            return switch (random.nextInt(6)) {
                case 0 -> "Université " + communeOf;
                case 1 -> "IUT " + communeOf;
                case 2 -> "Laboratoire de sociologie — Université " + communeOf;
                case 3 -> "École d'ingénieurs " + pick(COMPANY_BRANDS, random) + " " + communeName;
                case 4 -> "Institut régional du travail social " + regionOf;
                default -> "Lycée " + pick(FAMOUS, random);
            };
        }
        return switch (random.nextInt(5)) {
            case 0 -> "Collège " + pick(FAMOUS, random);
            case 1 -> "Lycée professionnel " + pick(FAMOUS, random);
            case 2 -> "Lycée agricole " + communeOf;
            case 3 -> "Maison familiale rurale " + communeOf;
            default -> "Lycée " + pick(FAMOUS, random);
        };
    }

    static String socialEnterprise(String communeOf, SplittableRandom random) {
        String brand = pick(ASSOCIATION_BRANDS, random);
        return switch (random.nextInt(11)) {
            case 0 -> "Chantier d'insertion " + brand;
            case 1 -> "Entreprise d'insertion " + brand;
            case 2 -> "SCOP " + pick(COMPANY_BRANDS, random);
            case 3 -> "SCIC " + brand;
            case 4 -> "Ressourcerie " + communeOf;
            case 5 -> "Régie de quartier " + communeOf;
            case 6 -> "Association intermédiaire " + brand;
            case 7 -> "ESAT " + brand;
            case 8 -> "Entreprise adaptée " + pick(COMPANY_BRANDS, random);
            case 9 -> "Coopérative d'activité et d'emploi " + brand;
            default -> "Garage solidaire " + brand;
        };
    }

    static String facilitator(String communeOf, String departementOf, SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> "Maison des associations " + communeOf;
            case 1 -> "Dispositif local d'accompagnement " + departementOf;
            case 2 -> "Labo des partenariats " + departementOf;
            case 3 -> "Pôle territorial de coopération économique " + pick(ASSOCIATION_BRANDS, random);
            case 4 -> "Point d'appui à la vie associative " + communeOf;
            case 5 -> "Centre de ressources de la vie associative " + departementOf;
            case 6 -> "Incubateur ESS " + pick(COMPANY_BRANDS, random);
            default -> "Réseau des acteurs de l'ESS " + departementOf;
        };
    }

    private static String fill(String pattern, String communeName, String communeOf, String brand) {
        return pattern.replace("{c}", communeOf).replace("{n}", communeName).replace("{b}", brand);
    }
}
