package fr.labos.partenariats.matchmaking.engine.index;

import fr.labos.partenariats.matchmaking.engine.model.Place;
import fr.labos.partenariats.matchmaking.engine.model.PostFeatures;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user narrowed a ranking to; every part is optional and the parts combine (all must hold). Filters restrict
 * the candidates, never the gates: a filter cannot make a pair appear that the model refuses.
 *
 * @param within     only candidates whose territory lies inside this one (e.g. the département of Isère); null: anywhere
 * @param scopeLevel only candidates scoped at this level (e.g. NATIONAL for national offers only); null: any level
 * @param actorTypes only candidates of actors of these types (an actor whose profile has not arrived has none); empty: any
 * @param categories only candidates of these resource categories; empty: any the gate allows
 * @param keepSetAside also the actors the {@link fr.labos.partenariats.matchmaking.engine.model.PairExclusions} set
 *                     aside for the subject's actor, for a caller that marks them (the one exception to "filters
 *                     never open a gate": the gate is the caller's to show, not the model's)
 */
public record RankingFilter(TerritoryRef within, TerritoryLevel scopeLevel, Set<ActorType> actorTypes,
                            Set<ResourceCategory> categories, boolean keepSetAside) {

    public static final RankingFilter NONE = new RankingFilter(null, null, Set.of(), Set.of());

    public RankingFilter {
        actorTypes = actorTypes == null || actorTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actorTypes));
        categories = categories == null || categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
    }

    /** A filter that keeps the set-aside pairs out, as every ranking does unless asked. */
    public RankingFilter(TerritoryRef within, TerritoryLevel scopeLevel, Set<ActorType> actorTypes,
                         Set<ResourceCategory> categories) {
        this(within, scopeLevel, actorTypes, categories, false);
    }

    public static RankingFilter none() {
        return NONE;
    }

    public RankingFilter within(TerritoryRef territory) {
        return new RankingFilter(territory, scopeLevel, actorTypes, categories, keepSetAside);
    }

    public RankingFilter scopedAt(TerritoryLevel level) {
        return new RankingFilter(within, level, actorTypes, categories, keepSetAside);
    }

    public RankingFilter actorTypes(Set<ActorType> types) {
        return new RankingFilter(within, scopeLevel, types, categories, keepSetAside);
    }

    public RankingFilter categories(Set<ResourceCategory> resourceCategories) {
        return new RankingFilter(within, scopeLevel, actorTypes, resourceCategories, keepSetAside);
    }

    /** The same filter, keeping (or not) the pairs set aside for the subject's actor. */
    public RankingFilter keepingSetAside(boolean keep) {
        return new RankingFilter(within, scopeLevel, actorTypes, categories, keep);
    }

    /** Whether the candidate passes; {@code withinPlace} is {@link #within} resolved by the index (null if none). */
    boolean accepts(PostFeatures candidate, Place withinPlace) {
        if (withinPlace != null && !candidate.place().isWithin(withinPlace)) {
            return false;
        }
        if (scopeLevel != null && candidate.place().level() != scopeLevel) {
            return false;
        }
        if (!actorTypes.isEmpty() && (candidate.actor().type() == null || !actorTypes.contains(candidate.actor().type()))) {
            return false;
        }
        return categories.isEmpty() || categories.contains(candidate.category());
    }

    /** Whether a candidate's post must be read to apply this filter (territory, scope or actor type). */
    boolean readsPosts() {
        return within != null || scopeLevel != null || !actorTypes.isEmpty();
    }

    boolean allowsCategory(ResourceCategory category) {
        return categories.isEmpty() || categories.contains(category);
    }
}
