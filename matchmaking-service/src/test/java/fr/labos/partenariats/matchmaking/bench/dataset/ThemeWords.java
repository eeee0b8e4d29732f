package fr.labos.partenariats.matchmaking.bench.dataset;

import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Theme;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static fr.labos.partenariats.schema.common.Sdg.ODD_1;
import static fr.labos.partenariats.schema.common.Sdg.ODD_10;
import static fr.labos.partenariats.schema.common.Sdg.ODD_11;
import static fr.labos.partenariats.schema.common.Sdg.ODD_12;
import static fr.labos.partenariats.schema.common.Sdg.ODD_13;
import static fr.labos.partenariats.schema.common.Sdg.ODD_14;
import static fr.labos.partenariats.schema.common.Sdg.ODD_15;
import static fr.labos.partenariats.schema.common.Sdg.ODD_16;
import static fr.labos.partenariats.schema.common.Sdg.ODD_2;
import static fr.labos.partenariats.schema.common.Sdg.ODD_3;
import static fr.labos.partenariats.schema.common.Sdg.ODD_4;
import static fr.labos.partenariats.schema.common.Sdg.ODD_5;
import static fr.labos.partenariats.schema.common.Sdg.ODD_6;
import static fr.labos.partenariats.schema.common.Sdg.ODD_7;
import static fr.labos.partenariats.schema.common.Sdg.ODD_8;
import static fr.labos.partenariats.schema.common.Sdg.ODD_9;

/**
 * The words of each theme, so that a post's text, themes and SDGs tell the same story. Conventions that the
 * templates rely on: {@code domain} starts with « la » or « l' »; {@code projects}, {@code equipment},
 * {@code premises}, {@code innovations} and {@code causes} carry their article; {@code publics} are plural and
 * bare (« familles monoparentales »), to follow « des », « les » or « aux »; {@code missions} are infinitive phrases;
 * {@code contexts} are whole sentences that may use the territory slots.
 */
record ThemeWords(
        Theme theme,
        List<Sdg> sdgs,
        String domain,
        String[] projects,
        String[] publics,
        String[] missions,
        String[] contexts,
        String[] equipment,
        String[] premises,
        String[] expertise,
        String[] innovations,
        String[] causes) {

    private static final Map<Theme, ThemeWords> ALL = new EnumMap<>(Theme.class);

    static ThemeWords of(Theme theme) {
        return ALL.get(theme);
    }

    private static void add(ThemeWords words) {
        ALL.put(words.theme(), words);
    }

    private static String[] a(String... values) {
        return values;
    }

    static {
        add(new ThemeWords(Theme.HEALTH_SOCIAL, List.of(ODD_3, ODD_1, ODD_10),
                "la santé et l'action sociale",
                a("un accueil de jour pour les personnes sans domicile", "des permanences d'accès aux droits",
                        "une maraude sociale en soirée", "un point santé avec des consultations gratuites",
                        "un lieu de répit pour les personnes à la rue", "des ateliers de prévention en santé mentale",
                        "la distribution de kits d'hygiène", "une halte de nuit pour les femmes isolées"),
                a("personnes sans domicile", "familles en situation de précarité", "personnes isolées",
                        "femmes victimes de violences", "bénéficiaires des minima sociaux", "personnes en souffrance psychique"),
                a("participer aux maraudes du soir", "assurer l'accueil et l'écoute au local",
                        "accompagner des personnes dans leurs démarches administratives", "préparer et servir les petits-déjeuners"),
                a("Depuis deux ans, le nombre de personnes accueillies {dans_territoire} a fortement augmenté.",
                        "Les services sociaux {du_territoire} nous orientent de plus en plus de ménages sans solution.",
                        "Beaucoup de personnes renoncent aux soins faute d'information ou de moyens."),
                a("un véhicule utilitaire pour les maraudes", "des lits de camp et des couvertures", "du matériel de premiers secours"),
                a("un local d'accueil de jour avec douches", "un bureau pour recevoir en toute confidentialité"),
                a("accompagnement social", "santé mentale", "accès aux droits"),
                a("un service de domiciliation dématérialisée", "une équipe mobile santé-précarité"),
                a("l'accès aux droits et aux soins des plus précaires", "la lutte contre le non-recours aux prestations sociales")));

        add(new ThemeWords(Theme.YOUTH_EDUCATION, List.of(ODD_4, ODD_10, ODD_5),
                "l'éducation et la jeunesse",
                a("un dispositif d'aide aux devoirs", "des ateliers de découverte des sciences",
                        "un programme de tutorat entre étudiants et collégiens", "des séjours éducatifs pendant les vacances",
                        "un club de lecture pour les enfants", "un accompagnement à l'orientation des lycéens",
                        "une web radio animée par des jeunes"),
                a("collégiens", "jeunes de 16 à 25 ans", "enfants des quartiers prioritaires", "lycéens",
                        "jeunes décrocheurs", "familles"),
                a("accompagner des élèves dans leurs devoirs", "encadrer des sorties éducatives",
                        "parrainer un jeune dans son orientation", "animer des ateliers de lecture"),
                a("Dans notre quartier, beaucoup de familles n'ont pas les moyens de payer du soutien scolaire.",
                        "Les demandes d'inscription dépassent nos capacités d'accueil depuis la rentrée.",
                        "Les enseignants des collèges {du_territoire} nous signalent de plus en plus d'élèves en difficulté."),
                a("des tablettes pour les ateliers", "un minibus pour les sorties", "des jeux éducatifs et des livres jeunesse"),
                a("une salle pour l'aide aux devoirs après 16 h 30", "un espace jeunes ouvert le mercredi"),
                a("pédagogie", "orientation professionnelle", "animation jeunesse"),
                a("une plateforme de mentorat en ligne", "un parcours d'orientation par la découverte des métiers"),
                a("l'égalité des chances à l'école", "la place des jeunes dans les décisions locales")));

        add(new ThemeWords(Theme.ENVIRONMENT_BIODIVERSITY, List.of(ODD_15, ODD_13, ODD_14, ODD_6, ODD_12),
                "la protection de l'environnement et de la biodiversité",
                a("la restauration d'une zone humide", "des chantiers de plantation de haies",
                        "un inventaire participatif de la biodiversité", "des sorties nature pour les scolaires",
                        "le nettoyage des berges de la rivière", "la création d'un sentier pédagogique",
                        "des ateliers de sensibilisation au tri et au compostage"),
                a("scolaires", "habitants", "familles", "agriculteurs", "jeunes en service civique"),
                a("participer aux chantiers de plantation", "ramasser les déchets sur les berges",
                        "compter les oiseaux et les insectes lors des inventaires", "animer des stands de sensibilisation"),
                a("Les haies et les mares disparaissent rapidement {dans_territoire}.",
                        "Les habitants sont de plus en plus nombreux à vouloir agir pour la nature près de chez eux.",
                        "La rivière souffre de pollutions diffuses et de sécheresses répétées."),
                a("des outils de jardinage et des gants", "des jumelles et des loupes pour les animations",
                        "une remorque pour transporter le matériel"),
                a("un local pour stocker le matériel de chantier", "une salle pour nos animations nature"),
                a("écologie", "gestion des espaces naturels", "éducation à l'environnement"),
                a("un protocole de sciences participatives", "des îlots de fraîcheur végétalisés dans les cours d'école"),
                a("la préservation de la biodiversité ordinaire", "la protection des zones humides")));

        add(new ThemeWords(Theme.ENERGY_CLIMATE, List.of(ODD_7, ODD_13, ODD_11),
                "la transition énergétique et le climat",
                a("un défi « familles à énergie positive »", "des visites à domicile contre la précarité énergétique",
                        "une centrale solaire citoyenne", "un atelier d'économies d'énergie pour les locataires",
                        "un plan climat participatif", "la rénovation énergétique d'un bâtiment associatif"),
                a("ménages en précarité énergétique", "propriétaires modestes", "habitants",
                        "locataires du parc social", "petites communes"),
                a("réaliser des visites d'économies d'énergie", "animer des ateliers éco-gestes",
                        "tenir un stand sur les aides à la rénovation"),
                a("Les factures d'énergie pèsent de plus en plus lourd dans le budget des ménages modestes.",
                        "Beaucoup de logements {du_territoire} sont de véritables passoires thermiques.",
                        "Les habitants veulent investir dans les énergies renouvelables produites localement."),
                a("des caméras thermiques", "des kits d'économie d'énergie à distribuer", "des wattmètres et des thermomètres connectés"),
                a("une toiture pour installer des panneaux photovoltaïques", "un local pour une permanence info-énergie"),
                a("thermique du bâtiment", "énergies renouvelables", "bilan carbone"),
                a("un service de médiation énergétique à domicile", "une boucle d'autoconsommation collective"),
                a("la sortie des passoires thermiques", "une transition énergétique juste")));

        add(new ThemeWords(Theme.MOBILITY, List.of(ODD_11, ODD_10, ODD_8, ODD_13),
                "la mobilité inclusive",
                a("une plateforme de mobilité pour les demandeurs d'emploi", "un garage solidaire", "une auto-école sociale",
                        "la location de véhicules à bas prix", "un service de transport solidaire",
                        "des ateliers de remise en selle à vélo", "un diagnostic mobilité pour les personnes en insertion"),
                a("demandeurs d'emploi", "personnes âgées non motorisées", "jeunes sans permis",
                        "habitants des zones rurales", "salariés en insertion"),
                a("conduire des personnes âgées à leurs rendez-vous", "réparer des vélos lors des ateliers",
                        "accompagner des apprentis conducteurs"),
                a("Sans voiture, beaucoup d'habitants renoncent à un emploi ou à une formation.",
                        "Les transports en commun sont rares {dans_territoire}, surtout le soir et le week-end.",
                        "Le permis de conduire reste le premier frein à l'embauche que nous rencontrons."),
                a("des véhicules de prêt", "des vélos à assistance électrique", "des scooters pour les trajets domicile-travail"),
                a("un atelier pour le garage solidaire", "un local pour notre plateforme mobilité"),
                a("conseil en mobilité", "mécanique automobile", "pédagogie de la conduite"),
                a("un service de covoiturage solidaire", "une location de vélos électriques avec option d'achat"),
                a("le droit à la mobilité pour tous", "la mobilité comme condition d'accès à l'emploi")));

        add(new ThemeWords(Theme.EMPLOYMENT_INSERTION, List.of(ODD_8, ODD_1, ODD_10, ODD_4),
                "l'emploi et l'insertion professionnelle",
                a("un chantier d'insertion en maraîchage", "des ateliers de préparation aux entretiens d'embauche",
                        "un parcours de formation qualifiante", "un job dating avec les entreprises locales",
                        "un accompagnement renforcé des bénéficiaires du RSA", "des immersions en entreprise",
                        "une couveuse d'activités pour créateurs"),
                a("personnes éloignées de l'emploi", "chômeurs de longue durée", "jeunes sans qualification",
                        "bénéficiaires du RSA", "réfugiés", "seniors en recherche d'emploi"),
                a("faire passer des entretiens blancs", "parrainer un demandeur d'emploi",
                        "relire des CV et des lettres de motivation"),
                a("Les entreprises {du_territoire} peinent à recruter alors que beaucoup de personnes restent sans emploi.",
                        "Nos salariés en insertion ont besoin de mises en situation réelles pour reprendre confiance.",
                        "Le chômage de longue durée touche durement les habitants de notre bassin d'emploi."),
                a("des ordinateurs pour les ateliers de recherche d'emploi", "des équipements de protection individuelle",
                        "un véhicule pour les équipes de chantier"),
                a("un atelier pour notre chantier d'insertion", "une salle de formation équipée"),
                a("recrutement", "formation professionnelle", "accompagnement socioprofessionnel"),
                a("un parcours d'accès à l'emploi sans CV", "une formation en situation de travail"),
                a("le droit à l'emploi pour tous", "la reconnaissance de l'insertion par l'activité économique")));

        add(new ThemeWords(Theme.FOOD, List.of(ODD_2, ODD_12, ODD_3, ODD_1),
                "l'alimentation durable",
                a("l'ouverture d'une épicerie solidaire", "un jardin partagé en pied d'immeuble",
                        "des ateliers cuisine anti-gaspillage", "la collecte des invendus auprès des commerces",
                        "une cantine solidaire", "un réseau de paniers de légumes bio à prix solidaires",
                        "la distribution de colis alimentaires"),
                a("familles aux revenus modestes", "étudiants en situation de précarité", "personnes isolées",
                        "bénéficiaires de l'aide alimentaire", "habitants du quartier"),
                a("trier et distribuer les denrées", "tenir la caisse de l'épicerie solidaire", "animer des ateliers cuisine",
                        "collecter les invendus chez les commerçants"),
                a("La demande d'aide alimentaire a nettement augmenté {dans_territoire} depuis la hausse des prix.",
                        "De nombreux commerçants jettent encore des invendus consommables faute de solution de collecte.",
                        "Les familles que nous accueillons veulent mieux manger sans payer plus cher."),
                a("un camion frigorifique", "une chambre froide", "des balances et des caisses isothermes"),
                a("une cuisine professionnelle", "un local de stockage réfrigéré"),
                a("nutrition", "logistique alimentaire", "hygiène et sécurité alimentaire"),
                a("une caisse alimentaire commune sur le modèle de la sécurité sociale de l'alimentation",
                        "une application de dons d'invendus entre commerces et associations"),
                a("le droit à une alimentation de qualité pour tous", "la lutte contre le gaspillage alimentaire")));

        add(new ThemeWords(Theme.CULTURE, List.of(ODD_4, ODD_11, ODD_10, ODD_16),
                "l'accès à la culture",
                a("un festival gratuit dans l'espace public", "des résidences d'artistes en milieu rural",
                        "un atelier théâtre avec les habitants", "une chorale intergénérationnelle",
                        "des concerts dans les établissements de santé", "un projet d'art participatif dans le quartier",
                        "l'ouverture d'une médiathèque associative"),
                a("habitants des quartiers prioritaires", "enfants et adolescents", "personnes âgées en établissement",
                        "habitants des communes rurales", "personnes en situation de handicap"),
                a("accueillir le public pendant le festival", "aider au montage des scènes", "tenir la billetterie et la buvette"),
                a("L'offre culturelle reste rare {dans_territoire}, surtout pour les familles modestes.",
                        "Les habitants nous disent vouloir participer aux spectacles, pas seulement y assister.",
                        "Après plusieurs années de baisse des subventions, notre programmation est menacée."),
                a("du matériel de sonorisation et d'éclairage", "des instruments de musique", "une scène mobile"),
                a("une salle de répétition", "un atelier pour les artistes en résidence"),
                a("médiation culturelle", "production de spectacles", "régie son et lumière"),
                a("un spectacle itinérant joué dans les cours de ferme", "une programmation choisie par un jury d'habitants"),
                a("les droits culturels des habitants", "la place de l'art dans l'espace public")));

        add(new ThemeWords(Theme.HOUSING, List.of(ODD_11, ODD_1, ODD_10),
                "l'accès au logement",
                a("un programme d'habitat inclusif", "l'accompagnement des ménages menacés d'expulsion",
                        "la rénovation de logements très sociaux", "une colocation solidaire entre jeunes et réfugiés",
                        "un dispositif de logement d'abord", "une permanence juridique sur le droit au logement",
                        "l'auto-réhabilitation accompagnée de logements"),
                a("ménages mal logés", "jeunes en rupture familiale", "personnes sortant de la rue",
                        "locataires en impayés", "familles monoparentales"),
                a("accompagner des familles dans leur installation", "aider aux petits travaux de rénovation",
                        "assurer des permanences d'information sur le logement"),
                a("Le délai d'attente pour un logement social dépasse souvent deux ans {dans_territoire}.",
                        "Beaucoup de propriétaires âgés n'ont plus les moyens d'entretenir leur logement.",
                        "Les sorties d'hébergement d'urgence se font trop souvent sans solution durable."),
                a("de l'outillage pour les chantiers d'auto-réhabilitation", "du mobilier et de l'électroménager pour équiper des logements",
                        "un véhicule utilitaire pour les déménagements"),
                a("des logements vacants à mobiliser", "un bureau pour nos permanences logement"),
                a("droit du logement", "gestion locative adaptée", "maîtrise d'ouvrage d'insertion"),
                a("un bail à réhabilitation pour des logements vacants", "une intermédiation locative avec des propriétaires privés"),
                a("le droit au logement", "la lutte contre le mal-logement")));

        add(new ThemeWords(Theme.SPORT, List.of(ODD_3, ODD_4, ODD_5, ODD_10),
                "la pratique sportive pour tous",
                a("une section de sport adapté", "des séances de sport-santé sur ordonnance",
                        "un tournoi de football inter-quartiers", "l'apprentissage de la natation pour les enfants",
                        "une école de vélo", "des cours de boxe éducative pour les adolescentes",
                        "des activités physiques pour les seniors"),
                a("jeunes des quartiers", "personnes atteintes de maladies chroniques", "adolescentes", "seniors",
                        "personnes en situation de handicap"),
                a("encadrer des entraînements le samedi", "aider à l'organisation des tournois",
                        "accompagner les déplacements de l'équipe"),
                a("Nos créneaux sont complets et la liste d'attente ne cesse de s'allonger.",
                        "Les filles abandonnent souvent le sport à l'adolescence faute d'activités adaptées.",
                        "Les médecins {du_territoire} prescrivent de plus en plus d'activité physique adaptée."),
                a("un minibus de neuf places", "des ballons, des chasubles et du petit matériel", "des fauteuils roulants sportifs"),
                a("un gymnase en soirée", "un terrain de sport avec vestiaires"),
                a("activité physique adaptée", "encadrement sportif", "gestion d'un club"),
                a("un programme de sport-santé en entreprise", "des séances de sport en pied d'immeuble"),
                a("l'accès au sport pour toutes et tous", "la reconnaissance du sport-santé")));

        add(new ThemeWords(Theme.DIGITAL_INCLUSION, List.of(ODD_10, ODD_4, ODD_9),
                "l'inclusion numérique",
                a("des ateliers d'initiation au numérique", "un point d'accès aux démarches en ligne",
                        "le reconditionnement d'ordinateurs pour les familles", "un accompagnement des seniors sur smartphone",
                        "un fablab ouvert aux jeunes", "une formation aux métiers du numérique"),
                a("seniors", "personnes éloignées du numérique", "familles sans équipement informatique",
                        "jeunes en recherche d'emploi", "allocataires devant faire leurs démarches en ligne"),
                a("accompagner des personnes dans leurs démarches en ligne", "animer des ateliers sur smartphone",
                        "réparer et configurer des ordinateurs"),
                a("La dématérialisation des démarches laisse de côté beaucoup d'habitants {du_territoire}.",
                        "De nombreuses familles n'ont qu'un téléphone pour suivre la scolarité des enfants.",
                        "Nos conseillers numériques ne suffisent plus à répondre aux demandes."),
                a("des ordinateurs portables reconditionnés", "des tablettes", "une imprimante et un vidéoprojecteur"),
                a("une salle informatique", "un espace pour un fablab"),
                a("développement web", "cybersécurité", "médiation numérique"),
                a("un assistant conversationnel d'aide aux démarches administratives", "un service de prêt d'ordinateurs à domicile"),
                a("le droit à un accompagnement humain face à la dématérialisation", "l'accès de tous à internet")));

        add(new ThemeWords(Theme.AGEING_DISABILITY, List.of(ODD_3, ODD_10),
                "l'autonomie des personnes âgées et handicapées",
                a("des visites de convivialité aux personnes âgées isolées", "un habitat partagé pour personnes handicapées",
                        "un service de répit pour les aidants familiaux", "des ateliers de prévention des chutes",
                        "l'adaptation de logements à la perte d'autonomie", "un café des aidants",
                        "l'accès à l'emploi des travailleurs handicapés"),
                a("personnes âgées isolées", "aidants familiaux", "personnes en situation de handicap", "résidents d'EHPAD",
                        "jeunes adultes autistes"),
                a("rendre visite à des personnes âgées isolées", "accompagner des sorties culturelles",
                        "animer des après-midi jeux en EHPAD"),
                a("L'isolement des personnes âgées s'est aggravé {dans_territoire}, surtout en milieu rural.",
                        "Les aidants familiaux s'épuisent et manquent de solutions de répit.",
                        "Les personnes handicapées trouvent encore trop peu de lieux de vie adaptés."),
                a("un véhicule adapté aux fauteuils roulants", "du matériel de stimulation sensorielle",
                        "des tablettes simplifiées pour les seniors"),
                a("une salle de plain-pied accessible", "un logement adapté pour l'habitat partagé"),
                a("ergothérapie", "accessibilité", "gérontologie"),
                a("une plateforme de répit à domicile", "une colocation intergénérationnelle accompagnée"),
                a("le droit à l'autonomie des personnes handicapées", "la reconnaissance des proches aidants")));

        add(new ThemeWords(Theme.CITIZENSHIP, List.of(ODD_16, ODD_10, ODD_5),
                "la vie associative et la citoyenneté",
                a("un budget participatif de quartier", "la formation des bénévoles associatifs", "un conseil citoyen des jeunes",
                        "une maison des associations", "des rencontres interculturelles",
                        "l'accueil de volontaires en service civique", "des cafés-débats sur la démocratie locale"),
                a("bénévoles associatifs", "habitants", "jeunes citoyens", "dirigeants associatifs", "nouveaux arrivants"),
                a("animer des réunions publiques", "accueillir les nouveaux bénévoles",
                        "aider à l'organisation du forum des associations"),
                a("Beaucoup d'associations {du_territoire} peinent à renouveler leurs bénévoles et leurs dirigeants.",
                        "Les habitants se sentent éloignés des décisions qui les concernent.",
                        "Le tissu associatif local est riche mais très dispersé."),
                a("des barnums et des tables pour les forums", "un système de vote électronique", "du matériel de sonorisation portable"),
                a("une salle de réunion en soirée", "des bureaux partagés pour les associations"),
                a("gouvernance associative", "animation de la participation citoyenne", "droit des associations"),
                a("une plateforme locale d'engagement bénévole", "une assemblée citoyenne tirée au sort"),
                a("la reconnaissance du bénévolat", "la liberté associative")));

        add(new ThemeWords(Theme.LOCAL_ECONOMY, List.of(ODD_8, ODD_9, ODD_12, ODD_11),
                "l'économie locale et solidaire",
                a("un tiers-lieu pour les artisans et les associations", "une monnaie locale complémentaire",
                        "une boutique de producteurs locaux", "une ressourcerie", "un incubateur de projets de l'économie sociale et solidaire",
                        "la reprise d'un commerce de centre-bourg", "un atelier de réparation d'objets"),
                a("créateurs d'entreprise", "artisans et commerçants", "porteurs de projets de l'ESS",
                        "habitants des centres-bourgs", "agriculteurs"),
                a("tenir la boutique lors des permanences", "trier les objets donnés à la ressourcerie",
                        "conseiller des porteurs de projet"),
                a("Les commerces ferment un à un dans les centres-bourgs {du_territoire}.",
                        "Les porteurs de projets de l'ESS manquent de lieux et d'accompagnement.",
                        "Une part importante des déchets pourrait être réemployée localement."),
                a("des machines-outils pour l'atelier de réparation", "un camion pour la collecte des encombrants",
                        "des étagères et une caisse enregistreuse"),
                a("un local commercial en centre-bourg", "des bureaux pour un incubateur"),
                a("création d'entreprise", "modèle économique", "marketing et vente"),
                a("une plateforme de circuits courts entre producteurs et cantines", "une coopérative d'activité et d'emploi"),
                a("une économie au service du territoire", "la place de l'ESS dans la commande publique")));
    }
}
