package fr.labos.partenariats.matchmaking.bench.dataset;

import fr.labos.partenariats.schema.common.ResourceCategory;

import java.util.EnumMap;
import java.util.Map;

/**
 * The sentence templates of needs (besoins) and offers (offres), per resource category: titles, an opening sentence
 * that says what is asked or given, and detail sentences; plus closings and the generic vocabularies that do not
 * depend on the theme. A description is an opening, often a theme context, one or two details and sometimes a
 * closing, so that two posts of one category rarely read alike.
 */
final class PostTemplates {

    /** The templates of one category in one direction. */
    record Texts(Template[] titles, Template[] openings, Template[] details) {
    }

    private static final Map<ResourceCategory, Texts> NEEDS = new EnumMap<>(ResourceCategory.class);
    private static final Map<ResourceCategory, Texts> OFFERS = new EnumMap<>(ResourceCategory.class);

    static Texts need(ResourceCategory category) {
        return NEEDS.get(category);
    }

    static Texts offer(ResourceCategory category) {
        return OFFERS.get(category);
    }

    static final Template[] NEED_CLOSINGS = Template.parseAll(
            "Nous serions heureux d'en parler lors de la prochaine rencontre du labo des partenariats.",
            "Nous sommes ouverts à toute proposition, même partielle.",
            "Un premier échange, même informel, nous aiderait à avancer.",
            "Notre projet a été présenté aux élus {du_territoire}, qui le soutiennent.");

    static final Template[] OFFER_CLOSINGS = Template.parseAll(
            "N'hésitez pas à nous présenter votre projet.",
            "Nous répondons à chaque sollicitation dans le mois.",
            "Cette offre s'inscrit dans notre démarche de responsabilité envers le territoire.",
            "Les structures intéressées peuvent nous rencontrer lors des rencontres du labo des partenariats.");

    static final Template[] OFFER_MOTIVATIONS = Template.parseAll(
            "Nous sommes convaincus que {domaine} se construit avec les acteurs de terrain.",
            "L'engagement pour {domaine} est au cœur de notre projet.",
            "Nous voulons soutenir en priorité les actions qui touchent les {public}.",
            "Cette offre prolonge notre engagement {dans_territoire} pour {domaine}.",
            "Nous avons vu de près les difficultés des {public} et voulons agir avec ceux qui les accompagnent.");

    static final String[] SKILLS = {
            "comptabilité et gestion", "communication digitale", "droit des associations", "recherche de financements",
            "gestion de projet", "ressources humaines", "conception de site web", "évaluation d'impact social",
            "stratégie et gouvernance", "graphisme", "gestion des bénévoles", "conseil juridique", "achats et logistique",
            "marketing", "protection des données personnelles", "informatique et réseaux"};

    static final String[] EQUIPMENT = {
            "du mobilier de bureau", "un véhicule utilitaire", "des ordinateurs", "un photocopieur", "des barnums et des tables",
            "du matériel de cuisine", "un vidéoprojecteur et un écran", "des chaises pliantes"};

    static final String[] PREMISES = {
            "une salle de réunion", "des bureaux", "une salle polyvalente de 80 m²", "un entrepôt de 200 m²",
            "un local de stockage", "un local en rez-de-chaussée", "un espace de coworking"};

    static final String[] POOLED = {
            "un poste de comptable", "les achats de fournitures", "un véhicule utilitaire",
            "un poste de chargé de communication", "des locaux et un accueil commun", "un logiciel de gestion des adhérents",
            "une fonction de coordination", "un service de paie", "un parc informatique"};

    static final String[] DURATIONS = {"six mois", "un an", "dix-huit mois", "deux ans", "trois ans"};

    static final String[] RHYTHMS = {
            "deux heures par semaine", "un samedi par mois", "quelques soirées par mois", "pendant les vacances scolaires",
            "une demi-journée par semaine"};

    private static Texts texts(String[] titles, String[] openings, String[] details) {
        return new Texts(Template.parseAll(titles), Template.parseAll(openings), Template.parseAll(details));
    }

    private static String[] a(String... values) {
        return values;
    }

    static {
        NEEDS.put(ResourceCategory.FUNDING, texts(
                a("Financement recherché pour {projet}",
                        "Recherche de mécènes pour {projet}",
                        "Soutien financier pour {projet} {dans_territoire}",
                        "Besoin de {montant} pour {projet}",
                        "Appel aux partenaires financiers : {projet}"),
                a("Nous recherchons un mécène pour financer {projet} {dans_territoire}.",
                        "Notre {structure} cherche {montant} pour financer {projet} auprès des {public}.",
                        "Pour lancer {projet}, il nous manque encore {montant}.",
                        "Nous sollicitons un soutien financier, subvention ou mécénat, afin de pérenniser {projet}.",
                        "Nous cherchons un partenaire financier prêt à s'engager sur {duree} pour {projet}."),
                a("Le projet touchera chaque année près de {benef} {public}.",
                        "Le budget couvre le poste d'un coordinateur, l'achat de petit matériel et l'évaluation de l'action.",
                        "Une fondation, une entreprise ou une collectivité pourrait compléter les financements déjà obtenus.",
                        "Nous rendrons compte de l'usage des fonds par un bilan annuel et des indicateurs d'impact partagés.",
                        "En contrepartie, le partenaire sera associé au comité de suivi et visible dans nos supports.")));

        NEEDS.put(ResourceCategory.SKILLS, texts(
                a("Mécénat de compétences en {competence}",
                        "Besoin d'un appui en {competence}",
                        "Recherche d'expertise en {competence} pour {projet}",
                        "Un expert en {competence} pour accompagner notre {structure}"),
                a("Nous cherchons un appui bénévole ou un mécénat de compétences en {competence} pour structurer {projet}.",
                        "Notre petite équipe a besoin d'un regard extérieur en {competence}.",
                        "Nous recherchons une entreprise ou un professionnel prêt à nous accompagner en {competence} pendant {duree}.",
                        "Pour développer {projet}, il nous manque des compétences en {competence}."),
                a("Quelques demi-journées par mois suffiraient, à distance ou dans nos locaux {a_commune}.",
                        "L'objectif est de rendre notre {structure} plus autonome et de consolider son modèle.",
                        "Un salarié en mécénat de compétences ou un retraité expérimenté serait le bienvenu.",
                        "Nous pouvons accueillir la personne et lui faire découvrir notre action auprès des {public}.")));

        NEEDS.put(ResourceCategory.VOLUNTEERS, texts(
                a("Recherche de bénévoles pour {mission}",
                        "Bénévoles recherchés {dans_territoire}",
                        "Appel à bénévoles : {projet}",
                        "Rejoignez-nous pour {mission}"),
                a("Nous recherchons {nb} bénévoles pour {mission} {dans_territoire}.",
                        "Notre {structure} a besoin de renfort : des bénévoles disponibles {rythme} pour {mission}.",
                        "Pour faire vivre {projet}, nous cherchons des bénévoles, salariés d'entreprise, étudiants ou retraités.",
                        "Nous lançons un appel à bénévoles pour {mission} auprès des {public}."),
                a("Aucune compétence particulière n'est requise : une formation est assurée par l'équipe.",
                        "Les équipes d'entreprise peuvent aussi venir lors de journées solidaires.",
                        "Les missions sont courtes et compatibles avec une activité professionnelle.",
                        "Un référent accueille chaque nouveau bénévole et l'accompagne lors de ses premières missions.")));

        NEEDS.put(ResourceCategory.PREMISES, texts(
                a("Local recherché : {local}",
                        "Besoin de locaux pour {projet}",
                        "Mise à disposition de locaux souhaitée {dans_territoire}",
                        "Recherche d'un lieu pour {projet}"),
                a("Nous cherchons {local} {dans_territoire} pour accueillir {projet}.",
                        "Notre {structure} a perdu son local et recherche une solution, même temporaire : {local}.",
                        "Pour développer {projet}, nous avons besoin d'un lieu : {local}, idéalement accessible en transports.",
                        "Nous recherchons, à titre gracieux ou à loyer modéré, {local} {dans_territoire}."),
                a("Une occupation partagée avec d'autres structures nous conviendrait tout à fait.",
                        "Nous pouvons prendre en charge l'assurance, le ménage et les petits travaux.",
                        "Le lieu accueillerait environ {benef} personnes par semaine.",
                        "Un local en rez-de-chaussée, accessible aux personnes à mobilité réduite, serait idéal.")));

        NEEDS.put(ResourceCategory.EQUIPMENT, texts(
                a("Don ou prêt de matériel : {equipement}",
                        "Matériel recherché pour {projet}",
                        "Besoin d'équipement {dans_territoire}",
                        "Mécénat en nature : {equipement}"),
                a("Nous recherchons {equipement}, en don ou en prêt, pour {projet}.",
                        "Notre {structure} cherche {equipement} : notre matériel actuel est hors d'usage et nous ne pouvons pas le remplacer.",
                        "Un mécénat en nature nous permettrait d'obtenir {equipement} et de développer {projet}.",
                        "Nous faisons appel aux entreprises et aux collectivités {du_territoire} : nous cherchons {equipement}."),
                a("Du matériel d'occasion en bon état nous conviendrait parfaitement.",
                        "Nous pouvons venir chercher le matériel et assurer son entretien.",
                        "Ce matériel servira chaque semaine à l'accueil des {public}.",
                        "Une mutualisation avec une autre structure est aussi envisageable.")));

        NEEDS.put(ResourceCategory.NETWORK, texts(
                a("Gagner en visibilité {dans_territoire}",
                        "Recherche de relais pour faire connaître {projet}",
                        "Besoin de mise en réseau avec les acteurs {du_territoire}",
                        "Faire connaître notre action auprès des {public}"),
                a("Notre {structure} est encore peu connue : nous cherchons des partenaires pour faire connaître {projet}.",
                        "Nous souhaitons être mis en relation avec les acteurs {du_territoire} qui travaillent auprès des {public}.",
                        "Nous cherchons un réseau qui puisse relayer notre action et nous ouvrir des portes {dans_territoire}.",
                        "Pour toucher davantage de personnes, nous avons besoin de relais : élus, entreprises, associations, médias locaux."),
                a("Une présentation lors d'une rencontre de réseau ou un relais dans une lettre d'information nous aiderait beaucoup.",
                        "Nous cherchons aussi des prescripteurs capables d'orienter les personnes vers nous.",
                        "En retour, nous partagerons notre connaissance fine du terrain.")));

        NEEDS.put(ResourceCategory.CO_PRODUCTION, texts(
                a("Partenaire recherché pour co-construire {projet}",
                        "Co-construction : {projet} {dans_territoire}",
                        "Monter ensemble {projet}",
                        "Recherche d'un partenaire opérationnel pour {projet}"),
                a("Nous souhaitons co-construire {projet} avec un partenaire complémentaire {dans_territoire}.",
                        "Nous cherchons une structure avec qui concevoir et porter {projet}, chacun apportant ce que l'autre n'a pas.",
                        "Notre {structure} veut lancer {projet} mais ne peut pas le faire sans partenaire.",
                        "Nous recherchons un partenaire pour concevoir, animer et évaluer ensemble {projet} auprès des {public}."),
                a("Nous apportons notre connaissance des {public} et notre ancrage local ; il nous manque une expertise en {competence}.",
                        "Le partenariat serait formalisé par une convention, avec un comité de pilotage commun.",
                        "Chaque partenaire garde son identité ; l'action commune répond à un besoin du territoire.",
                        "Un premier temps d'échange permettrait de définir les rôles de chacun.")));

        NEEDS.put(ResourceCategory.ADVOCACY, texts(
                a("Partenaires pour un plaidoyer commun : {cause}",
                        "Plaidoyer pour {cause}",
                        "Porter ensemble la voix des {public}",
                        "Alliance de plaidoyer {dans_territoire}"),
                a("Nous cherchons des alliés pour porter un plaidoyer commun pour {cause}.",
                        "Notre {structure} souhaite peser dans le débat public sur {cause} et cherche des partenaires.",
                        "Nous voulons faire entendre la voix des {public} auprès des décideurs {du_territoire}.",
                        "Nous souhaitons construire une parole commune avec d'autres acteurs engagés pour {cause}."),
                a("Nous envisageons une tribune, des rencontres avec les élus et une contribution écrite aux concertations en cours.",
                        "L'alliance garderait l'identité de chacun : il s'agit d'additionner nos voix, pas de fusionner.",
                        "Nos données de terrain peuvent nourrir un argumentaire partagé.")));

        NEEDS.put(ResourceCategory.POOLING, texts(
                a("Mutualisation recherchée : {mutu}",
                        "Partager des moyens avec d'autres structures {du_territoire}",
                        "Recherche de partenaires pour mutualiser {mutu}"),
                a("Nous cherchons d'autres structures {du_territoire} pour mutualiser {mutu}.",
                        "Seuls, nous ne pouvons pas financer {mutu} : nous proposons de partager cette charge avec d'autres structures.",
                        "Notre {structure} souhaite rejoindre un groupement pour mutualiser {mutu} et réduire ses coûts."),
                a("Un groupement d'employeurs ou une convention de mise à disposition pourrait convenir.",
                        "La mutualisation nous permettrait de consacrer plus de temps aux {public}.",
                        "Nous sommes prêts à partager en retour nos propres ressources.")));

        NEEDS.put(ResourceCategory.EXPERIMENTATION, texts(
                a("Terrain d'expérimentation recherché : {innovation}",
                        "Tester {innovation} {dans_territoire}",
                        "Expérimentation auprès des {public}"),
                a("Nous souhaitons expérimenter {innovation} et cherchons un terrain {dans_territoire}.",
                        "Nous recherchons une collectivité, une association ou un établissement prêt à tester avec nous {innovation}.",
                        "Pour évaluer {innovation}, nous avons besoin d'un groupe volontaire parmi les {public}."),
                a("L'expérimentation durerait {duree} et serait évaluée avec une équipe de recherche.",
                        "Les résultats seraient partagés librement avec tous les partenaires.",
                        "Nous prenons en charge la conception et le suivi ; le partenaire apporte le terrain et les relais.")));

        OFFERS.put(ResourceCategory.FUNDING, texts(
                a("Appel à projets : {domaine} {dans_territoire}",
                        "Mécénat financier pour les projets {du_territoire}",
                        "Subventions pour des actions en faveur de {domaine}",
                        "Fonds de soutien aux initiatives locales {dans_territoire}",
                        "Financement de projets auprès des {public}"),
                a("Nous soutenons financièrement les projets en faveur de {domaine} portés par les associations {du_territoire}.",
                        "Dans le cadre de notre politique de mécénat, nous finançons chaque année des projets d'intérêt général auprès des {public}.",
                        "Nous accordons des aides pouvant aller jusqu'à {montant} pour des actions comme {projet}.",
                        "Notre {structure} consacre une enveloppe de {enveloppe} au soutien d'initiatives locales {dans_territoire}.",
                        "Nous ouvrons un appel à projets pour soutenir {projet} et des actions similaires {dans_territoire}."),
                a("Les dossiers sont étudiés deux fois par an par un comité qui associe des salariés et des personnalités qualifiées.",
                        "Le soutien peut être pluriannuel et s'accompagner d'un parrainage par un collaborateur.",
                        "Sont éligibles les associations et les structures de l'ESS ayant au moins un an d'existence.",
                        "Nous privilégions les projets coconstruits avec les habitants et plusieurs partenaires du territoire.")));

        OFFERS.put(ResourceCategory.SKILLS, texts(
                a("Mécénat de compétences en {competence}",
                        "Nos experts en {competence} au service des associations",
                        "Accompagnement gratuit en {competence} {dans_territoire}",
                        "Appui en {competence} pour les structures {du_territoire}"),
                a("Nos salariés proposent un mécénat de compétences en {competence} aux associations {du_territoire}.",
                        "Nous mettons à disposition nos experts en {competence} pour des missions courtes ou longues.",
                        "Notre {structure} accompagne gratuitement les associations et les collectivités qui ont besoin d'un appui en {competence}.",
                        "Nous offrons des journées de conseil en {competence} pour aider des projets comme {projet}."),
                a("Les missions se déroulent à distance ou sur site, sur quelques demi-journées.",
                        "Chaque mission commence par un diagnostic partagé des besoins.",
                        "Nos collaborateurs sont volontaires et s'engagent sur toute la durée de la mission.",
                        "Nous accompagnons en priorité les petites structures sans salarié spécialisé.")));

        OFFERS.put(ResourceCategory.VOLUNTEERS, texts(
                a("Des bénévoles pour vos actions {dans_territoire}",
                        "Journées solidaires : nos équipes disponibles",
                        "Bénévoles disponibles pour {mission}",
                        "Engagement citoyen : du temps à donner {dans_territoire}"),
                a("{volontaires} souhaitent s'engager {rythme} pour {mission}.",
                        "Nous proposons des journées solidaires : des équipes de {nb} personnes disponibles pour aider les associations {du_territoire}.",
                        "Chaque année, {volontaires} donnent de leur temps à des associations ; nous cherchons des missions utiles, par exemple {mission}.",
                        "Nous mettons en relation des bénévoles disponibles avec les structures qui en ont besoin {dans_territoire}."),
                a("Les missions peuvent être ponctuelles ou régulières, en semaine comme le week-end.",
                        "Nous prenons en charge l'assurance et l'organisation logistique des journées.",
                        "Les volontaires ont des profils variés : logistique, animation, bricolage, accueil.")));

        OFFERS.put(ResourceCategory.PREMISES, texts(
                a("Mise à disposition de locaux {dans_territoire}",
                        "Salle disponible pour les associations {du_territoire}",
                        "Locaux vacants à partager",
                        "Prêt de salles en soirée et le week-end"),
                a("Nous mettons à disposition {local} pour les associations {du_territoire}.",
                        "Notre {structure} dispose de locaux inoccupés une partie de la semaine et peut les prêter gracieusement.",
                        "Nous proposons {local}, à titre gracieux ou contre un loyer modéré, à une structure d'intérêt général.",
                        "Des locaux sont disponibles {a_commune} pour accueillir des activités comme {projet}."),
                a("Une convention d'occupation précise les horaires, l'assurance et les règles d'usage.",
                        "Les locaux sont accessibles aux personnes à mobilité réduite et proches des transports.",
                        "Une occupation partagée entre plusieurs associations est encouragée.")));

        OFFERS.put(ResourceCategory.EQUIPMENT, texts(
                a("Don de matériel : {equipement}",
                        "Prêt de matériel pour les associations {du_territoire}",
                        "Mécénat en nature : {equipement}",
                        "Matériel disponible {dans_territoire}"),
                a("Nous donnons {equipement} à une structure d'intérêt général {du_territoire}.",
                        "Notre {structure} prête gratuitement {equipement} aux associations pour leurs activités.",
                        "Dans le cadre du renouvellement de notre parc, nous cédons {equipement} en bon état.",
                        "Nous pouvons mettre à disposition {equipement} pour des projets comme {projet}."),
                a("Le matériel est à retirer sur place ; une courte prise en main est possible.",
                        "Le prêt fait l'objet d'une convention simple et d'un état des lieux.",
                        "Nous privilégions les structures qui en feront un usage régulier.")));

        OFFERS.put(ResourceCategory.NETWORK, texts(
                a("Un réseau pour faire connaître vos projets {dans_territoire}",
                        "Mise en relation avec les acteurs {du_territoire}",
                        "Visibilité pour les associations engagées auprès des {public}",
                        "Rejoignez notre réseau d'acteurs pour {domaine}"),
                a("Nous animons un réseau de {nb_membres} acteurs {du_territoire} et pouvons relayer vos projets.",
                        "Nous ouvrons notre carnet d'adresses aux associations qui agissent pour {domaine} {dans_territoire}.",
                        "Nous relayons les initiatives locales dans notre lettre d'information, lue par {nb_membres} abonnés.",
                        "Nous organisons chaque trimestre des rencontres entre associations, entreprises et collectivités {du_territoire}."),
                a("Nous pouvons présenter votre projet à des élus, des entreprises et des financeurs.",
                        "Une présentation lors de notre prochaine rencontre est possible.",
                        "Nous faisons connaître en priorité les initiatives qui touchent les {public}.")));

        OFFERS.put(ResourceCategory.CO_PRODUCTION, texts(
                a("Partenaire pour co-construire des actions auprès des {public}",
                        "Co-construction de projets en faveur de {domaine}",
                        "Construisons ensemble {projet}",
                        "Notre expérience de terrain pour vos projets {dans_territoire}"),
                a("Nous proposons de co-construire avec une structure complémentaire des actions comme {projet}.",
                        "Notre {structure} apporte sa connaissance des {public} et son ancrage local à des projets menés en commun.",
                        "Nous sommes prêts à monter avec d'autres acteurs {du_territoire} des actions en faveur de {domaine}.",
                        "Nous mettons notre équipe et notre expérience de {annees} ans au service de projets coconstruits {dans_territoire}."),
                a("Nous pouvons prendre en charge l'animation auprès des publics, le partenaire apportant son expertise ou ses moyens.",
                        "Chaque partenaire garde son identité ; une convention fixe les rôles de chacun.",
                        "Nous avons déjà mené plusieurs actions communes avec des collectivités et des entreprises.")));

        OFFERS.put(ResourceCategory.ADVOCACY, texts(
                a("Plaidoyer commun pour {cause}",
                        "Porter ensemble la voix des {public}",
                        "Rejoignez notre coalition pour {cause}"),
                a("Nous portons depuis {annees} ans un plaidoyer pour {cause} et invitons d'autres acteurs à le rejoindre.",
                        "Notre {structure} met sa capacité de plaidoyer au service d'alliances sur {cause}.",
                        "Nous proposons de construire une parole commune auprès des pouvoirs publics {du_territoire} sur {cause}."),
                a("Nous apportons notre expérience des concertations publiques et nos relations avec les élus.",
                        "Les positions communes sont construites ensemble et signées par chaque partenaire.",
                        "Nos données et nos études peuvent appuyer un argumentaire partagé.")));

        OFFERS.put(ResourceCategory.POOLING, texts(
                a("Mutualisation : {mutu}",
                        "Partagez nos moyens : {mutu}",
                        "Un groupement pour mutualiser {mutu} {dans_territoire}"),
                a("Nous proposons de mutualiser {mutu} avec d'autres structures {du_territoire}.",
                        "Notre {structure} partage {mutu} avec les associations qui en ont besoin.",
                        "Nous animons un groupement qui permet à plusieurs structures de partager {mutu}."),
                a("Les coûts sont répartis au prorata de l'usage de chacun.",
                        "La mutualisation fait l'objet d'une convention simple, révisable chaque année.",
                        "Ce partage libère du temps pour l'action auprès des {public}.")));

        OFFERS.put(ResourceCategory.EXPERIMENTATION, texts(
                a("Terrain d'expérimentation {dans_territoire}",
                        "Testez votre innovation auprès des {public}",
                        "Un terrain pour tester {innovation}"),
                a("Nous ouvrons notre terrain à l'expérimentation de solutions comme {innovation}.",
                        "Notre {structure} peut accueillir une expérimentation auprès des {public}, avec leur accord.",
                        "Nous proposons un cadre d'expérimentation {dans_territoire} : publics volontaires, relais de terrain et données anonymisées."),
                a("L'expérimentation est encadrée par une convention et un protocole d'évaluation.",
                        "Les résultats sont partagés avec les participants et les partenaires.",
                        "Nous pouvons associer une équipe de recherche à l'évaluation.")));
    }

    private PostTemplates() {
    }
}
