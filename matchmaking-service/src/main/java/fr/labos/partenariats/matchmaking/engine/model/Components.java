package fr.labos.partenariats.matchmaking.engine.model;

/**
 * The parts of a complementarity score, each in [0, 1], kept so that a facilitator can read why a pair was proposed.
 *
 * @param category     how well the offer's resource category and partnership form answer the need (a gate: never 0 here)
 * @param territory    territorial proximity, from the level of the smallest territory holding both posts (a gate too)
 * @param purpose      shared SDGs and themes (Jaccard indices)
 * @param description  TF-IDF cosine of the French texts (title and description), after Lucene's French analysis
 * @param crossFamily  value of the alliance: different families 1, peers less, unknown actor 0
 * @param reciprocity  1 when the offering actor also needs something the needing actor offers
 * @param freshness    how recently the two posts were written or updated (1 today, halving every half-life)
 */
public record Components(double category, double territory, double purpose, double description, double crossFamily,
                         double reciprocity, double freshness) {
}
