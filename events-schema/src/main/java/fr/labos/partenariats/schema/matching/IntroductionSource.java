package fr.labos.partenariats.schema.matching;

/** Where an introduction (mise en relation) came from. */
public enum IntroductionSource {
    /** The matcher proposed the pair, alone or in a batch a facilitator asked for; the model version is recorded. */
    MATCHER("proposée par l'algorithme de mise en relation"),
    /** An actor asked to be introduced to a partner the matcher showed it. */
    ACTOR_REQUEST("proposée à la demande d'une organisation"),
    /** A facilitator introduced the two actors by hand (intermédiation). */
    FACILITATOR("proposée par l'équipe du labo (intermédiation)"),
    /** The two actors met at a speed-meeting session. */
    SPEED_MEETING("proposée après une rencontre express");

    private final String label;

    IntroductionSource(String label) {
        this.label = label;
    }

    /**
     * French label, as shown in an introduction's history and as its proposal step: « proposée … », in the console's
     * words (« l'équipe du labo », its facilitators and admins; « une rencontre express », a speed meeting).
     */
    public String label() {
        return label;
    }
}
