package fr.labos.partenariats.schema.matching;

/** A need of one actor and an offer of the other that an introduction rests on. */
public record NeedOfferPair(String needId, String offerId) {
}
