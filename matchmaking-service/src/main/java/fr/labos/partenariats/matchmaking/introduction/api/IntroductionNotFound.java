package fr.labos.partenariats.matchmaking.introduction.api;

/** No introduction has this id. */
class IntroductionNotFound extends RuntimeException {

    private final String introductionId;

    IntroductionNotFound(String introductionId) {
        super("No introduction " + introductionId);
        this.introductionId = introductionId;
    }

    String introductionId() {
        return introductionId;
    }
}
