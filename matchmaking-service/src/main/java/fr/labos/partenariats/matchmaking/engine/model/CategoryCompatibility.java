package fr.labos.partenariats.matchmaking.engine.model;

import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.labos.partenariats.schema.common.PartnershipForm.CO_PRODUCTION;
import static fr.labos.partenariats.schema.common.PartnershipForm.POOLING;
import static fr.labos.partenariats.schema.common.PartnershipForm.RESOURCES;

/**
 * The gate of the model: which offers may answer which needs, and how well.
 *
 * <p>An offer answers a need of its own category (value 1) or, across categories, only as this table says (value
 * {@code crossAnswer}, 0.6 by default); any other pair is never proposed:
 * <pre>
 * need category      answered by offers of
 * FUNDING            FUNDING
 * SKILLS             SKILLS, VOLUNTEERS       (skilled volunteers, employee engagement)
 * VOLUNTEERS         VOLUNTEERS, SKILLS       (skills-based sponsorship is staff time)
 * PREMISES           PREMISES, POOLING        (shared premises)
 * EQUIPMENT          EQUIPMENT, POOLING       (shared material)
 * NETWORK            NETWORK, ADVOCACY        (an advocacy partner lends its voice)
 * CO_PRODUCTION      CO_PRODUCTION, SKILLS, EXPERIMENTATION   (expertise or a test field to build with)
 * ADVOCACY           ADVOCACY, NETWORK        (a network is a sounding board, a « caisse de résonance »)
 * POOLING            POOLING, PREMISES, EQUIPMENT
 * EXPERIMENTATION    EXPERIMENTATION, CO_PRODUCTION
 * </pre>
 * Funding is answered by funding only: nothing else stands in for money.
 *
 * <p>The partnership form does not gate (a network offered as advocacy can answer a need for visibility as a
 * resource) but weighs: same form ×1; forms that work together ×{@code relatedForm} (RESOURCES, POOLING and
 * POSITIONING each with CO_PRODUCTION, and RESOURCES with POOLING); other pairs (POSITIONING with RESOURCES or
 * POOLING) ×{@code distantForm}.
 */
public final class CategoryCompatibility {

    private static final Map<ResourceCategory, Set<ResourceCategory>> CROSS_ANSWERS = new EnumMap<>(ResourceCategory.class);
    private static final ResourceCategory[] CATEGORIES = ResourceCategory.values();
    /** ANSWERS[offer][need], the table below flattened for the inner loop of the index. */
    private static final boolean[][] ANSWERS = new boolean[CATEGORIES.length][CATEGORIES.length];
    /** For a set of offer categories (bit = ordinal), the set of need categories some of them answer. */
    private static final int[] NEEDS_ANSWERED_BY_ANY = new int[1 << CATEGORIES.length];

    static {
        cross(ResourceCategory.FUNDING);
        cross(ResourceCategory.SKILLS, ResourceCategory.VOLUNTEERS);
        cross(ResourceCategory.VOLUNTEERS, ResourceCategory.SKILLS);
        cross(ResourceCategory.PREMISES, ResourceCategory.POOLING);
        cross(ResourceCategory.EQUIPMENT, ResourceCategory.POOLING);
        cross(ResourceCategory.NETWORK, ResourceCategory.ADVOCACY);
        cross(ResourceCategory.CO_PRODUCTION, ResourceCategory.SKILLS, ResourceCategory.EXPERIMENTATION);
        cross(ResourceCategory.ADVOCACY, ResourceCategory.NETWORK);
        cross(ResourceCategory.POOLING, ResourceCategory.PREMISES, ResourceCategory.EQUIPMENT);
        cross(ResourceCategory.EXPERIMENTATION, ResourceCategory.CO_PRODUCTION);
        for (ResourceCategory need : CATEGORIES) {
            ANSWERS[need.ordinal()][need.ordinal()] = true;
            for (ResourceCategory offer : CROSS_ANSWERS.get(need)) {
                ANSWERS[offer.ordinal()][need.ordinal()] = true;
            }
        }
        for (int offers = 0; offers < NEEDS_ANSWERED_BY_ANY.length; offers++) {
            int needs = 0;
            for (ResourceCategory offer : CATEGORIES) {
                if ((offers & (1 << offer.ordinal())) != 0) {
                    for (ResourceCategory need : CATEGORIES) {
                        if (ANSWERS[offer.ordinal()][need.ordinal()]) {
                            needs |= 1 << need.ordinal();
                        }
                    }
                }
            }
            NEEDS_ANSWERED_BY_ANY[offers] = needs;
        }
    }

    private final ComplementarityWeights weights;

    CategoryCompatibility(ComplementarityWeights weights) {
        this.weights = weights;
    }

    private static void cross(ResourceCategory need, ResourceCategory... answeredBy) {
        Set<ResourceCategory> set = EnumSet.noneOf(ResourceCategory.class);
        set.addAll(Arrays.asList(answeredBy));
        CROSS_ANSWERS.put(need, set);
    }

    /** Whether an offer of that category may ever be proposed for a need of this one. */
    public static boolean answers(ResourceCategory offer, ResourceCategory need) {
        return need != null && offer != null && ANSWERS[offer.ordinal()][need.ordinal()];
    }

    /**
     * The need categories (bit = ordinal) that at least one of these offer categories (bit = ordinal) may answer: a
     * cheap test that rules out most actor pairs before reciprocity looks at their posts.
     */
    public static int needsAnsweredByAny(int offerCategories) {
        return NEEDS_ANSWERED_BY_ANY[offerCategories];
    }

    /** The offer categories that may answer a need of this category, its own first. */
    public static List<ResourceCategory> offersAnswering(ResourceCategory need) {
        List<ResourceCategory> categories = new ArrayList<>();
        categories.add(need);
        categories.addAll(CROSS_ANSWERS.get(need));
        return categories;
    }

    /** The need categories that an offer of this category may answer, its own first. */
    public static List<ResourceCategory> needsAnsweredBy(ResourceCategory offer) {
        List<ResourceCategory> categories = new ArrayList<>();
        categories.add(offer);
        for (ResourceCategory need : CATEGORIES) {
            if (need != offer && ANSWERS[offer.ordinal()][need.ordinal()]) {
                categories.add(need);
            }
        }
        return categories;
    }

    /** The category component: 0 when the gate is closed, else the category value times the form multiplier. */
    double value(ResourceCategory need, PartnershipForm needForm, ResourceCategory offer, PartnershipForm offerForm) {
        if (!answers(offer, need)) {
            return 0;
        }
        double category = need == offer ? 1 : weights.crossAnswer();
        return category * form(needForm, offerForm);
    }

    private double form(PartnershipForm need, PartnershipForm offer) {
        if (need == offer) {
            return 1;
        }
        if (need == null || offer == null) {
            return weights.distantForm();
        }
        // Of the six pairs of different forms, only POSITIONING with RESOURCES or with POOLING is distant.
        boolean related = need == CO_PRODUCTION || offer == CO_PRODUCTION
                || (need == RESOURCES && offer == POOLING) || (need == POOLING && offer == RESOURCES);
        return related ? weights.relatedForm() : weights.distantForm();
    }
}
