package fr.labos.partenariats.schema;

/** Kafka topics between the services. Both keep events forever, so any read model can be rebuilt from offset 0. */
public final class Topics {
    /** Every event of profile-service (actors, needs, offers), keyed by aggregate id. */
    public static final String PROFILE_EVENTS = "lab.profile.events";
    /** Every event of matchmaking-service (introductions, sessions), keyed by aggregate id. */
    public static final String MATCHMAKING_EVENTS = "lab.matchmaking.events";

    private Topics() {
    }
}
