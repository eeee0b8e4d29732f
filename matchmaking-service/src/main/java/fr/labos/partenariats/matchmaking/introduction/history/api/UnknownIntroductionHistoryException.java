package fr.labos.partenariats.matchmaking.introduction.history.api;

/** No stored event for this introduction: it does not exist. */
class UnknownIntroductionHistoryException extends RuntimeException {

    private final String introductionId;

    UnknownIntroductionHistoryException(String introductionId) {
        super("no introduction " + introductionId);
        this.introductionId = introductionId;
    }

    String introductionId() {
        return introductionId;
    }
}
