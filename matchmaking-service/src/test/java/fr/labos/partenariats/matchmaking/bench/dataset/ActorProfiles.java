package fr.labos.partenariats.matchmaking.bench.dataset;

import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.Theme;

import java.util.EnumMap;
import java.util.Map;

import static fr.labos.partenariats.schema.common.ResourceCategory.ADVOCACY;
import static fr.labos.partenariats.schema.common.ResourceCategory.CO_PRODUCTION;
import static fr.labos.partenariats.schema.common.ResourceCategory.EQUIPMENT;
import static fr.labos.partenariats.schema.common.ResourceCategory.EXPERIMENTATION;
import static fr.labos.partenariats.schema.common.ResourceCategory.FUNDING;
import static fr.labos.partenariats.schema.common.ResourceCategory.NETWORK;
import static fr.labos.partenariats.schema.common.ResourceCategory.POOLING;
import static fr.labos.partenariats.schema.common.ResourceCategory.PREMISES;
import static fr.labos.partenariats.schema.common.ResourceCategory.SKILLS;
import static fr.labos.partenariats.schema.common.ResourceCategory.VOLUNTEERS;

/**
 * How each type of actor behaves in the dataset: how common it is, how often it posts a need rather than an offer,
 * which categories it asks for and gives, how wide its posts reach and which themes it works on. The figures are
 * orders of magnitude of the sector (associations the majority, communes the most frequent partner,
 * foundations and companies giving money and skills, universities giving a field and skills) and from the sector's
 * usual surveys; they are meant to look like a lab's register, not to be statistics.
 */
final class ActorProfiles {

    /** One type's behaviour. Scope weights follow {@link TerritoryLevel} order: commune, EPCI, département, région, national. */
    record Profile(
            ActorType type,
            double share,
            double needShare,
            Weighted<ResourceCategory> needs,
            Weighted<ResourceCategory> offers,
            Weighted<TerritoryLevel> scopes,
            Weighted<Theme> themes,
            String structure,
            String volunteers,
            int minNeedAmount,
            int maxNeedAmount,
            int minOfferAmount,
            int maxOfferAmount) {
    }

    /** Amounts in euros that people actually write (« 15 000 € »), indexed by the profiles' amount ranges. */
    static final int[] AMOUNTS = {1_500, 3_000, 5_000, 8_000, 10_000, 15_000, 20_000, 30_000, 50_000, 80_000, 100_000, 150_000};

    private static final Map<ActorType, Profile> PROFILES = new EnumMap<>(ActorType.class);
    static final Weighted<ActorType> TYPES;

    static Profile of(ActorType type) {
        return PROFILES.get(type);
    }

    private static Weighted<ResourceCategory> categories(double funding, double skills, double volunteers, double premises,
                                                          double equipment, double network, double coProduction,
                                                          double advocacy, double pooling, double experimentation) {
        return Weighted.of(FUNDING, funding).and(SKILLS, skills).and(VOLUNTEERS, volunteers).and(PREMISES, premises)
                .and(EQUIPMENT, equipment).and(NETWORK, network).and(CO_PRODUCTION, coProduction).and(ADVOCACY, advocacy)
                .and(POOLING, pooling).and(EXPERIMENTATION, experimentation).build();
    }

    private static Weighted<TerritoryLevel> scopes(double commune, double epci, double departement, double region, double national) {
        return Weighted.of(TerritoryLevel.COMMUNE, commune).and(TerritoryLevel.EPCI, epci)
                .and(TerritoryLevel.DEPARTEMENT, departement).and(TerritoryLevel.REGION, region)
                .and(TerritoryLevel.NATIONAL, national).build();
    }

    /** Weights in {@link Theme} declaration order. */
    private static Weighted<Theme> themes(double... weights) {
        Theme[] all = Theme.values();
        if (weights.length != all.length) {
            throw new IllegalArgumentException("one weight per theme expected");
        }
        Weighted.Builder<Theme> builder = Weighted.of(all[0], weights[0]);
        for (int i = 1; i < all.length; i++) {
            builder.and(all[i], weights[i]);
        }
        return builder.build();
    }

    private static void add(Profile profile) {
        PROFILES.put(profile.type(), profile);
    }

    static {
        //                                     FUND SKIL VOLU PREM EQUI NETW COPR ADVO POOL EXPE
        add(new Profile(ActorType.ASSOCIATION, 50, 0.75,
                categories(32, 13, 18, 13, 7, 6, 5, 2, 2, 2),
                categories(0, 22, 8, 6, 8, 14, 22, 8, 6, 6),
                scopes(45, 15, 25, 10, 5),
                //     HEAL YOUT ENVI ENER MOBI EMPL FOOD CULT HOUS SPOR DIGI AGEI CITI LOCA
                themes(20, 14, 9, 2, 3, 8, 6, 10, 4, 9, 3, 6, 5, 2),
                "association", "nos bénévoles", 1, 6, 0, 3));
        add(new Profile(ActorType.NETWORK_HEAD, 4, 0.55,
                categories(30, 15, 0, 0, 0, 10, 15, 15, 10, 5),
                categories(0, 20, 5, 0, 0, 30, 15, 20, 10, 0),
                scopes(5, 5, 30, 35, 25),
                themes(15, 12, 10, 3, 3, 10, 6, 8, 5, 8, 3, 7, 8, 3),
                "réseau", "les bénévoles de nos associations membres", 4, 9, 2, 6));
        add(new Profile(ActorType.COMPANY, 15, 0.2,
                categories(0, 10, 0, 10, 0, 25, 25, 0, 10, 20),
                categories(30, 30, 15, 5, 12, 4, 2, 0, 0, 2),
                scopes(15, 10, 30, 25, 20),
                themes(6, 12, 12, 10, 6, 16, 5, 5, 3, 5, 10, 4, 2, 12),
                "entreprise", "nos salariés", 4, 9, 1, 6));
        add(new Profile(ActorType.FOUNDATION, 4, 0.15,
                categories(0, 10, 0, 0, 0, 35, 30, 10, 0, 15),
                categories(70, 8, 0, 0, 0, 10, 5, 4, 0, 3),
                scopes(5, 5, 25, 30, 35),
                themes(14, 16, 12, 6, 4, 12, 8, 10, 5, 3, 4, 8, 3, 2),
                "fondation", "les collaborateurs de notre groupe", 4, 9, 3, 9));
        add(new Profile(ActorType.MUNICIPALITY, 9, 0.45,
                categories(15, 18, 20, 0, 0, 5, 22, 0, 10, 10),
                categories(20, 0, 0, 35, 20, 5, 10, 0, 3, 7),
                scopes(85, 15, 0, 0, 0),
                themes(12, 14, 10, 8, 6, 6, 6, 10, 8, 8, 4, 6, 8, 6),
                "commune", "les volontaires de notre réserve civique", 5, 10, 0, 5));
        add(new Profile(ActorType.INTERMUNICIPALITY, 3, 0.45,
                categories(15, 15, 0, 0, 0, 10, 25, 0, 25, 10),
                categories(25, 0, 0, 20, 10, 5, 15, 0, 15, 10),
                scopes(10, 90, 0, 0, 0),
                themes(6, 6, 12, 12, 12, 10, 6, 6, 8, 4, 4, 4, 2, 12),
                "intercommunalité", "les volontaires de notre réserve civique", 5, 10, 2, 7));
        add(new Profile(ActorType.DEPARTMENT, 1.5, 0.35,
                categories(0, 15, 10, 0, 0, 15, 40, 0, 0, 20),
                categories(45, 10, 0, 10, 0, 10, 15, 0, 0, 10),
                scopes(5, 10, 85, 0, 0),
                themes(22, 12, 8, 4, 6, 14, 4, 6, 6, 4, 4, 14, 2, 2),
                "collectivité", "les volontaires de notre réserve citoyenne", 6, 11, 4, 10));
        add(new Profile(ActorType.REGION, 0.5, 0.3,
                categories(0, 15, 0, 0, 0, 20, 40, 0, 0, 25),
                categories(55, 10, 0, 0, 0, 10, 15, 0, 0, 10),
                scopes(0, 0, 15, 85, 0),
                themes(4, 14, 10, 10, 8, 16, 4, 8, 4, 4, 6, 2, 2, 12),
                "collectivité", "les volontaires de notre réserve citoyenne", 6, 11, 5, 11));
        add(new Profile(ActorType.STATE_AGENCY, 2, 0.3,
                categories(0, 10, 10, 0, 0, 20, 40, 0, 0, 20),
                categories(40, 15, 0, 0, 0, 15, 15, 5, 0, 10),
                scopes(0, 5, 55, 30, 10),
                themes(16, 10, 6, 6, 4, 22, 4, 4, 8, 4, 6, 4, 6, 4),
                "service", "nos agents", 5, 10, 4, 10));
        add(new Profile(ActorType.ACADEMIC, 3, 0.5,
                categories(25, 0, 0, 10, 0, 10, 20, 0, 0, 35),
                categories(0, 30, 15, 10, 5, 0, 10, 0, 0, 30),
                scopes(25, 20, 25, 25, 5),
                themes(10, 20, 12, 10, 6, 10, 6, 6, 3, 5, 8, 4, 4, 6),
                "établissement", "nos étudiants", 5, 10, 1, 6));
        add(new Profile(ActorType.SOCIAL_ENTERPRISE, 5, 0.6,
                categories(30, 15, 5, 15, 10, 10, 10, 0, 5, 0),
                categories(0, 20, 0, 10, 15, 5, 20, 0, 20, 10),
                scopes(35, 25, 30, 8, 2),
                themes(8, 4, 10, 6, 6, 30, 8, 3, 4, 2, 6, 6, 2, 12),
                "structure", "nos salariés", 4, 9, 1, 5));
        add(new Profile(ActorType.FACILITATOR_ORG, 3, 0.3,
                categories(40, 10, 0, 0, 0, 20, 20, 0, 10, 0),
                categories(0, 35, 0, 10, 0, 30, 10, 0, 15, 0),
                scopes(10, 20, 45, 20, 5),
                themes(8, 6, 6, 4, 4, 12, 4, 4, 4, 4, 6, 4, 24, 16),
                "structure", "nos bénévoles", 4, 9, 1, 5));

        Weighted.Builder<ActorType> types = null;
        for (ActorType type : ActorType.values()) {
            Profile p = PROFILES.get(type);
            types = types == null ? Weighted.of(type, p.share()) : types.and(type, p.share());
        }
        TYPES = types.build();
    }

    private ActorProfiles() {
    }
}
