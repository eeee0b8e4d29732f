package fr.labos.partenariats.matchmaking.engine.model;

/** The two sides of the marketplace: needs are matched with offers and offers with needs. */
public enum PostKind {
    NEED,
    OFFER;

    /** The kind a post of this kind is matched with. */
    public PostKind other() {
        return this == NEED ? OFFER : NEED;
    }
}
