package fr.labos.partenariats.matchmaking.bench.dataset;

import fr.labos.partenariats.matchmaking.bench.dataset.ActorProfiles.Profile;
import fr.labos.partenariats.matchmaking.bench.dataset.Template.Slot;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.PostDetails;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The dataset as a lazy sequence of registration events in time order. Actors are made one at a time, each with its
 * posts; the posts wait in a small priority queue until the clock passes them, so the sequence interleaves actors
 * and posts as a real register would, and memory holds only the posts not yet due.
 *
 * <p>Everything is drawn from one {@link SplittableRandom}, in a fixed order, and only strict floating-point
 * functions are used: the same seed and size give the same events on any JVM.
 */
final class DatasetEvents implements Iterator<Object> {

    static final ZoneId LAB_ZONE = LabCalendar.ZONE;
    static final int HISTORY_DAYS = 3 * 365;
    static final double EXPIRED_SHARE = 0.05;
    static final double MEAN_POSTS_PER_ACTOR = 2.65;
    private static final Weighted<Integer> POSTS_PER_ACTOR =
            Weighted.of(1, 20).and(2, 30).and(3, 25).and(4, 15).and(5, 10).build();
    private static final Map<ResourceCategory, Weighted<PartnershipForm>> FORMS = new EnumMap<>(ResourceCategory.class);
    private static final long DAY = 86_400;
    private static final Map<Theme, Template[]> CONTEXTS = new EnumMap<>(Theme.class);

    static {
        for (Theme theme : Theme.values()) {
            CONTEXTS.put(theme, Template.parseAll(ThemeWords.of(theme).contexts()));
        }
        FORMS.put(ResourceCategory.FUNDING, Weighted.of(PartnershipForm.RESOURCES, 92).and(PartnershipForm.CO_PRODUCTION, 8).build());
        FORMS.put(ResourceCategory.SKILLS, Weighted.of(PartnershipForm.RESOURCES, 80).and(PartnershipForm.CO_PRODUCTION, 20).build());
        FORMS.put(ResourceCategory.VOLUNTEERS, Weighted.of(PartnershipForm.RESOURCES, 90).and(PartnershipForm.CO_PRODUCTION, 10).build());
        FORMS.put(ResourceCategory.PREMISES, Weighted.of(PartnershipForm.RESOURCES, 70).and(PartnershipForm.POOLING, 30).build());
        FORMS.put(ResourceCategory.EQUIPMENT, Weighted.of(PartnershipForm.RESOURCES, 75).and(PartnershipForm.POOLING, 25).build());
        FORMS.put(ResourceCategory.NETWORK, Weighted.of(PartnershipForm.RESOURCES, 50).and(PartnershipForm.POSITIONING, 50).build());
        FORMS.put(ResourceCategory.CO_PRODUCTION, Weighted.of(PartnershipForm.CO_PRODUCTION, 1).build());
        FORMS.put(ResourceCategory.ADVOCACY, Weighted.of(PartnershipForm.POSITIONING, 1).build());
        FORMS.put(ResourceCategory.POOLING, Weighted.of(PartnershipForm.POOLING, 1).build());
        FORMS.put(ResourceCategory.EXPERIMENTATION, Weighted.of(PartnershipForm.CO_PRODUCTION, 70).and(PartnershipForm.RESOURCES, 30).build());
    }

    private final Geography geo = Geography.official();
    private final SplittableRandom random;
    private final int target;
    private final LocalDate referenceDate;
    private final long start;
    private final long end;
    private final double expectedActors;
    private final int paris;

    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private long sequence;
    private int actorsMade;
    private int openMade;
    private Pending nextActor;
    private boolean exhausted;

    DatasetEvents(int openPosts, long seed, LocalDate referenceDate) {
        this.random = new SplittableRandom(seed);
        this.target = openPosts;
        this.referenceDate = referenceDate;
        this.end = referenceDate.atStartOfDay(LAB_ZONE).toEpochSecond();
        this.start = end - HISTORY_DAYS * DAY;
        this.expectedActors = Math.max(1, openPosts / (MEAN_POSTS_PER_ACTOR * (1 - EXPIRED_SHARE)));
        this.paris = Arrays.binarySearch(geo.communeCode, "75056");
    }

    @Override
    public boolean hasNext() {
        prepareNextActor();
        return nextActor != null || !pending.isEmpty();
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (!pending.isEmpty() && (nextActor == null || pending.peek().compareTo(nextActor) < 0)) {
            return pending.poll().event;
        }
        Object actor = nextActor.event;
        nextActor = null;
        return actor;
    }

    private void prepareNextActor() {
        if (nextActor == null && !exhausted) {
            if (openMade >= target) {
                exhausted = true;
            } else {
                makeActor();
            }
        }
    }

    /** An event waiting for its turn, ordered by time then by creation (so equal times keep a stable order). */
    private record Pending(long at, long sequence, Object event) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    // ---- actors ----

    /** Where an actor stands and how its texts name its places. */
    private record Home(int commune, String territoryOf) {
    }

    private void makeActor() {
        ActorType type = ActorProfiles.TYPES.draw(random);
        Profile profile = ActorProfiles.of(type);
        List<Theme> themes = drawThemes(profile);
        Theme main = themes.get(0);
        Home home = drawHome(type);
        int c = home.commune();
        String communeName = geo.communeName[c];
        String communeOf = geo.communeOf(c);
        int departement = geo.departementOf[c];
        int region = geo.regionOf[c];
        String name = switch (type) {
            case ASSOCIATION -> SyntheticActorNames.association(main, communeName, communeOf, random);
            case NETWORK_HEAD -> SyntheticActorNames.networkHead(main, home.territoryOf(), random);
            case COMPANY -> SyntheticActorNames.company(communeName, communeOf, random);
            case FOUNDATION -> SyntheticActorNames.foundation(main, random);
            case MUNICIPALITY -> SyntheticActorNames.municipality(main, communeName, communeOf, geo.population[c], random);
            case INTERMUNICIPALITY -> SyntheticActorNames.intermunicipality(main, geo.epciFullName(geo.epciOf[c]), random);
            case DEPARTMENT -> SyntheticActorNames.departement(main, geo.departementCode[departement], geo.departementOf(departement), random);
            case REGION -> SyntheticActorNames.region(main, FrenchNames.regionInstitution(geo.regionCode[region], geo.regionName[region]), random);
            case STATE_AGENCY -> SyntheticActorNames.stateAgency(main, communeOf, geo.departementOf(departement), geo.regionName[region], random);
            case ACADEMIC -> SyntheticActorNames.academic(communeName, communeOf, geo.regionOf(region), geo.population[c], random);
            case SOCIAL_ENTERPRISE -> SyntheticActorNames.socialEnterprise(communeOf, random);
            case FACILITATOR_ORG -> SyntheticActorNames.facilitator(communeOf, geo.departementOf(departement), random);
        };
        Set<Sdg> sdgs = EnumSet.noneOf(Sdg.class);
        for (Theme theme : themes) {
            sdgs.add(ThemeWords.of(theme).sdgs().get(0));
        }
        if (random.nextDouble() < 0.3) {
            sdgs.add(Sdg.ODD_17);
        }
        String description = describe(type, name, themes, c);

        double x = Math.min(1, (actorsMade + random.nextDouble()) / expectedActors);
        // Registrations grow over the three years, as a lab's register does: density rises linearly with time.
        long at = Math.min(end - 3_600, start + (long) ((end - start) * StrictMath.sqrt(x)));
        String actorId = uuid();
        actorsMade++;
        nextActor = new Pending(at, sequence++, new ActorRegisteredEvent(actorId, name, type, geo.communeCode[c],
                EnumSet.copyOf(themes), sdgs, description, Instant.ofEpochSecond(at)));

        int posts = POSTS_PER_ACTOR.draw(random);
        long postAt = at;
        for (int i = 0; i < posts && openMade < target; i++) {
            postAt += 60 + (long) exponential(i == 0 ? 15 * DAY : 45 * DAY);
            long when = postAt < end - 60 ? postAt : at + (long) ((end - 60 - at) * random.nextDouble());
            makePost(actorId, type, profile, themes, c, Math.max(when, at + 60));
        }
    }

    private List<Theme> drawThemes(Profile profile) {
        double x = random.nextDouble();
        int count = x < 0.35 ? 1 : x < 0.8 ? 2 : 3;
        List<Theme> themes = new ArrayList<>(count);
        for (int attempts = 0; themes.size() < count && attempts < 20; attempts++) {
            Theme theme = profile.themes().draw(random);
            if (!themes.contains(theme)) {
                themes.add(theme);
            }
        }
        return themes;
    }

    private Home drawHome(ActorType type) {
        switch (type) {
            case MUNICIPALITY -> {
                int c = geo.drawByRootPopulation(random);
                return new Home(c, geo.communeOf(c));
            }
            case INTERMUNICIPALITY -> {
                int c = geo.drawByRootPopulation(random);
                while (geo.epciOf[c] < 0) {
                    c = geo.drawByRootPopulation(random);
                }
                return new Home(geo.epciSeat[geo.epciOf[c]], FrenchNames.epciOf(geo.epciFullName(geo.epciOf[c])));
            }
            case DEPARTMENT, STATE_AGENCY -> {
                int d = geo.departementOf[geo.drawByPopulation(random)];
                return new Home(geo.departementSeat[d], geo.departementOf(d));
            }
            case REGION -> {
                int r = geo.regionOf[geo.drawByPopulation(random)];
                return new Home(geo.regionSeat[r], geo.regionOf(r));
            }
            case NETWORK_HEAD -> {
                int c = geo.drawByPopulation(random);
                double x = random.nextDouble();
                if (x < 0.55) {
                    int d = geo.departementOf[c];
                    return new Home(geo.departementSeat[d], geo.departementOf(d));
                }
                if (x < 0.9) {
                    int r = geo.regionOf[c];
                    return new Home(geo.regionSeat[r], geo.regionOf(r));
                }
                return new Home(paris, "de France");
            }
            default -> {
                int c = geo.drawByPopulation(random);
                return new Home(c, geo.communeOf(c));
            }
        }
    }

    private String describe(ActorType type, String name, List<Theme> themes, int commune) {
        StringBuilder out = new StringBuilder(200);
        String where = geo.communeIn(commune);
        String purpose = ThemeWords.of(themes.get(0)).domain();
        String also = themes.size() > 1 ? ThemeWords.of(themes.get(1)).domain() : null;
        if (random.nextDouble() < 0.55) {
            out.append(name).append(" agit ").append(where).append(" pour ").append(purpose);
            if (also != null) {
                out.append(", ainsi que pour ").append(also);
            }
        } else {
            out.append("Siège : ").append(geo.communeName[commune]).append(" (")
                    .append(geo.departementName[geo.departementOf[commune]]).append("). Domaines d'action : ").append(purpose);
            if (also != null) {
                out.append(" ; ").append(also);
            }
        }
        out.append(". ");
        int years = 2 + random.nextInt(44);
        out.append(switch (type) {
            case ASSOCIATION -> "Créée il y a " + years + " ans, elle s'appuie sur " + (5 + random.nextInt(120)) + " bénévoles.";
            case NETWORK_HEAD -> "Tête de réseau, elle fédère " + (10 + random.nextInt(290)) + " structures adhérentes.";
            case COMPANY -> "Entreprise de " + formatNumber(logUniform(3, 5_000)) + " salariés engagée dans une démarche de responsabilité sociétale.";
            case FOUNDATION -> "Elle soutient chaque année " + (5 + random.nextInt(60)) + " projets d'intérêt général.";
            case MUNICIPALITY -> "La commune compte " + formatNumber(geo.population[commune]) + " habitants.";
            case INTERMUNICIPALITY -> "L'intercommunalité porte les compétences de développement économique, d'habitat et de mobilité.";
            case DEPARTMENT -> "Le Département est chef de file de l'action sociale, de l'insertion et de l'autonomie.";
            case REGION -> "La Région est compétente pour le développement économique, la formation professionnelle et les lycées.";
            case STATE_AGENCY -> "Service public présent dans le territoire depuis " + years + " ans.";
            case ACADEMIC -> "L'établissement accueille " + formatNumber(geo.population[commune] >= 80_000
                    ? logUniform(400, 40_000) : logUniform(120, 1_500)) + " élèves ou étudiants.";
            case SOCIAL_ENTERPRISE -> "Structure de l'économie sociale et solidaire, elle emploie " + (5 + random.nextInt(80)) + " salariés, dont une majorité en parcours d'insertion.";
            case FACILITATOR_ORG -> "Elle accompagne les associations et les projets de coopération entre acteurs du territoire.";
        });
        return out.toString();
    }

    /** Sizes of organisations are spread over orders of magnitude: many small, few large. */
    private long logUniform(int min, int max) {
        return Math.round(StrictMath.exp(StrictMath.log(min) + random.nextDouble() * (StrictMath.log(max) - StrictMath.log(min))));
    }

    // ---- posts ----

    private void makePost(String actorId, ActorType type, Profile profile, List<Theme> actorThemes, int home, long at) {
        boolean need = random.nextDouble() < profile.needShare();
        ResourceCategory category = (need ? profile.needs() : profile.offers()).draw(random);
        PartnershipForm form = FORMS.get(category).draw(random);
        Theme main = actorThemes.size() == 1 || random.nextDouble() < 0.6
                ? actorThemes.get(0) : actorThemes.get(1 + random.nextInt(actorThemes.size() - 1));
        Theme second = null;
        if (actorThemes.size() > 1 && random.nextDouble() < 0.3) {
            second = actorThemes.get(random.nextInt(actorThemes.size()));
            if (second == main) {
                second = null;
            }
        }
        TerritoryLevel level = profile.scopes().draw(random);
        TerritoryRef territory = scope(level, home);

        PostSlots slots = new PostSlots(profile, need, main, second, territory, home);
        PostTemplates.Texts texts = need ? PostTemplates.need(category) : PostTemplates.offer(category);
        String title = pick(texts.titles()).render(slots);
        StringBuilder description = new StringBuilder(400);
        pick(texts.openings()).renderTo(description, slots);
        if (random.nextDouble() < 0.5) {
            // A need says what the territory lacks; an offer says why the giver cares.
            description.append(' ');
            pick(need ? CONTEXTS.get(main) : PostTemplates.OFFER_MOTIVATIONS).renderTo(description, slots);
        }
        int first = random.nextInt(texts.details().length);
        description.append(' ');
        texts.details()[first].renderTo(description, slots);
        if (texts.details().length > 1 && random.nextDouble() < 0.4) {
            int other = (first + 1 + random.nextInt(texts.details().length - 1)) % texts.details().length;
            description.append(' ');
            texts.details()[other].renderTo(description, slots);
        }
        if (random.nextDouble() < 0.35) {
            description.append(' ');
            pick(need ? PostTemplates.NEED_CLOSINGS : PostTemplates.OFFER_CLOSINGS).renderTo(description, slots);
        }

        Set<Theme> themes = EnumSet.of(main);
        Set<Sdg> sdgs = EnumSet.noneOf(Sdg.class);
        List<Sdg> mainSdgs = ThemeWords.of(main).sdgs();
        sdgs.add(random.nextDouble() < 0.85 ? mainSdgs.get(0) : mainSdgs.get(random.nextInt(mainSdgs.size())));
        int extra = random.nextInt(3);
        for (int i = 0; i < extra; i++) {
            sdgs.add(mainSdgs.get(random.nextInt(mainSdgs.size())));
        }
        if (second != null) {
            themes.add(second);
            sdgs.add(ThemeWords.of(second).sdgs().get(0));
        }
        boolean alliance = category == ResourceCategory.CO_PRODUCTION || category == ResourceCategory.POOLING
                || category == ResourceCategory.ADVOCACY || category == ResourceCategory.NETWORK;
        if (random.nextDouble() < (alliance ? 0.5 : 0.05)) {
            sdgs.add(Sdg.ODD_17);
        }

        LocalDate registeredOn = LocalDate.ofInstant(Instant.ofEpochSecond(at), LAB_ZONE);
        LocalDate validUntil;
        boolean expired = at < end - 45 * DAY && random.nextDouble() < EXPIRED_SHARE;
        if (expired) {
            LocalDate earliest = registeredOn.plusDays(30);
            long span = ChronoUnit.DAYS.between(earliest, referenceDate);
            validUntil = earliest.plusDays(random.nextLong(Math.max(1, span)));
        } else {
            double x = random.nextDouble();
            validUntil = x < 0.12 ? null
                    : x < 0.47 ? referenceDate.plusDays(random.nextInt(90))
                    : x < 0.82 ? referenceDate.plusDays(90 + random.nextInt(275))
                    : referenceDate.plusDays(365 + random.nextInt(365));
            openMade++;
        }

        PostDetails details = new PostDetails(category, form, title, description.toString(), themes, sdgs, territory, validUntil);
        String postId = uuid();
        Instant registeredAt = Instant.ofEpochSecond(at);
        Object event = need
                ? new NeedRegisteredEvent(postId, actorId, details, registeredAt)
                : new OfferRegisteredEvent(postId, actorId, details, registeredAt);
        pending.add(new Pending(at, sequence++, event));
    }

    private TerritoryRef scope(TerritoryLevel level, int home) {
        return switch (level) {
            case COMMUNE -> TerritoryRef.commune(geo.communeCode[home]);
            case EPCI -> geo.epciOf[home] >= 0
                    ? new TerritoryRef(geo.epciCode[geo.epciOf[home]], TerritoryLevel.EPCI)
                    : new TerritoryRef(geo.departementCode[geo.departementOf[home]], TerritoryLevel.DEPARTEMENT);
            case DEPARTEMENT -> new TerritoryRef(geo.departementCode[geo.departementOf[home]], TerritoryLevel.DEPARTEMENT);
            case REGION -> new TerritoryRef(geo.regionCode[geo.regionOf[home]], TerritoryLevel.REGION);
            case NATIONAL -> TerritoryRef.national();
        };
    }

    /** The values of one post's slots, drawn on first use and then kept, so that a slot reads the same in title and text. */
    private final class PostSlots implements Template.Values {
        private final Profile profile;
        private final boolean need;
        private final ThemeWords words;
        private final ThemeWords second;
        private final TerritoryRef territory;
        private final int home;
        private final String[] values = new String[Slot.values().length];

        PostSlots(Profile profile, boolean need, Theme main, Theme second, TerritoryRef territory, int home) {
            this.profile = profile;
            this.need = need;
            this.words = ThemeWords.of(main);
            this.second = second == null ? null : ThemeWords.of(second);
            this.territory = territory;
            this.home = home;
        }

        @Override
        public String value(Slot slot) {
            String value = values[slot.ordinal()];
            if (value == null) {
                value = draw(slot);
                values[slot.ordinal()] = value;
            }
            return value;
        }

        private String draw(Slot slot) {
            return switch (slot) {
                case PROJET -> pickString(words.projects());
                case PROJET2 -> pickString((second == null ? words : second).projects());
                case PUBLIC -> pickString(words.publics());
                case MISSION -> pickString(words.missions());
                case EQUIPEMENT -> random.nextDouble() < 0.65 ? pickString(words.equipment()) : pickString(PostTemplates.EQUIPMENT);
                case LOCAL -> random.nextDouble() < 0.6 ? pickString(words.premises()) : pickString(PostTemplates.PREMISES);
                case COMPETENCE -> random.nextDouble() < 0.4 ? pickString(words.expertise()) : pickString(PostTemplates.SKILLS);
                case INNOVATION -> pickString(words.innovations());
                case CAUSE -> pickString(words.causes());
                case DOMAINE -> words.domain();
                case DANS_TERRITOIRE -> territoryIn();
                case DU_TERRITOIRE -> territoryOf();
                case A_COMMUNE -> geo.communeIn(home);
                case DE_COMMUNE -> geo.communeOf(home);
                case COMMUNE -> geo.communeName[home];
                case MONTANT -> euros(amount());
                case ENVELOPPE -> euros(10L * amount());
                case DUREE -> pickString(PostTemplates.DURATIONS);
                case RYTHME -> pickString(PostTemplates.RHYTHMS);
                case NB -> Integer.toString(2 + random.nextInt(29));
                case BENEF -> Integer.toString((3 + random.nextInt(78)) * 10);
                case ANNEES -> Integer.toString(2 + random.nextInt(44));
                case NB_MEMBRES -> Integer.toString((4 + random.nextInt(146)) * 10);
                case STRUCTURE -> profile.structure();
                case VOLONTAIRES -> profile.volunteers();
                case MUTU -> pickString(PostTemplates.POOLED);
            };
        }

        private int amount() {
            int min = need ? profile.minNeedAmount() : profile.minOfferAmount();
            int max = need ? profile.maxNeedAmount() : profile.maxOfferAmount();
            return ActorProfiles.AMOUNTS[min + random.nextInt(max - min + 1)];
        }

        private String territoryIn() {
            return switch (territory.level()) {
                case COMMUNE -> geo.communeIn(home);
                case EPCI -> FrenchNames.epciIn(geo.epciFullName(geo.epciOf[home]));
                case DEPARTEMENT -> geo.departementIn(geo.departementOf[home]);
                case REGION -> geo.regionIn(geo.regionOf[home]);
                case NATIONAL -> FrenchNames.NATIONAL_IN;
            };
        }

        private String territoryOf() {
            return switch (territory.level()) {
                case COMMUNE -> geo.communeOf(home);
                case EPCI -> FrenchNames.epciOf(geo.epciFullName(geo.epciOf[home]));
                case DEPARTEMENT -> geo.departementOf(geo.departementOf[home]);
                case REGION -> geo.regionOf(geo.regionOf[home]);
                case NATIONAL -> FrenchNames.NATIONAL_OF;
            };
        }
    }

    // ---- helpers ----

    private Template pick(Template[] templates) {
        return templates[random.nextInt(templates.length)];
    }

    private String pickString(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private double exponential(double mean) {
        return -mean * StrictMath.log(1 - random.nextDouble());
    }

    private String uuid() {
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    static String euros(long amount) {
        return formatNumber(amount) + " €";
    }

    static String formatNumber(long n) {
        String digits = Long.toString(n);
        StringBuilder out = new StringBuilder(digits.length() + 4);
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append(' ');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
