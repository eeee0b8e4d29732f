package fr.labos.partenariats.matchmaking.matching;

/**
 * The parts of a complementarity score, each in [0, 1], kept so that a facilitator can read why a pair was proposed.
 *
 * @param category     how well the offer's resource category and partnership form answer the need (0 never reaches here: it is the gate)
 * @param territory    territorial proximity: same commune 1, same EPCI, département, région, national
 * @param purpose      shared SDGs and themes
 * @param description  closeness of the French texts (title and description), after Lucene's French analysis
 * @param crossFamily  value of the alliance: different families 1, peers less, unknown actor 0
 * @param reciprocity  1 when the offering actor also needs something the needing actor offers
 */
public record Components(double category, double territory, double purpose, double description, double crossFamily,
                         double reciprocity) {
}
