package fr.labos.partenariats.schema.matching;

/** Where an introduction (mise en relation) came from. */
public enum IntroductionSource {
    /** The matcher proposed the pair, alone or in a batch a facilitator asked for; the model version is recorded. */
    MATCHER("proposée par l'algorithme de mise en relation"),
    /** An actor asked to be introduced to a partner the matcher showed it. */
    ACTOR_REQUEST("demandée par un acteur"),
    /** A facilitator introduced the two actors by hand (intermédiation). */
    FACILITATOR("intermédiation d'un facilitateur"),
    /** The two actors met at a speed-meeting session. */
    SPEED_MEETING("rencontre lors d'un speed meeting");

    private final String label;

    IntroductionSource(String label) {
        this.label = label;
    }

    /** French label, as shown in an introduction's history. */
    public String label() {
        return label;
    }
}
