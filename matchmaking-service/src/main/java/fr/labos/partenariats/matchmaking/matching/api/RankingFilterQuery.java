package fr.labos.partenariats.matchmaking.matching.api;

import java.util.List;

/**
 * The filter query parameters of every ranking endpoint as the request carries them, bound by name
 * ({@code ?territoryLevel=…&territoryCode=…&actorType=…&category=…&includeIntroduced=…});
 * {@link RankingFilterParameters} checks them.
 */
record RankingFilterQuery(String territoryLevel, String territoryCode, List<String> actorType, List<String> category,
                          String includeIntroduced) {
}
