package fr.labos.partenariats.matchmaking.projection;

/** Needs and offers share one document shape and live in one collection each. */
public enum PostKind {
    NEED("needs"),
    OFFER("offers");

    private final String collection;

    PostKind(String collection) {
        this.collection = collection;
    }

    public String collection() {
        return collection;
    }

    /** Needs are matched with offers and offers with needs. */
    public PostKind other() {
        return this == NEED ? OFFER : NEED;
    }
}
