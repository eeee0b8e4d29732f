package fr.labos.partenariats.deploy.fault;

/** The aggregates of profile-service, with the projection collection and the registration event of each. */
enum AggregateKind {
    ACTOR("actors", "ActorRegisteredEvent"),
    NEED("needs", "NeedRegisteredEvent"),
    OFFER("offers", "OfferRegisteredEvent");

    private final String collection;
    private final String registration;

    AggregateKind(String collection, String registration) {
        this.collection = collection;
        this.registration = registration;
    }

    /** The matching projection's MongoDB collection. */
    String collection() {
        return collection;
    }

    /** The kind whose registration event has this (simple or qualified) type name, or null. */
    static AggregateKind registeredBy(String eventType) {
        for (AggregateKind kind : values()) {
            if (eventType.equals(kind.registration) || eventType.endsWith("." + kind.registration)) {
                return kind;
            }
        }
        return null;
    }
}
