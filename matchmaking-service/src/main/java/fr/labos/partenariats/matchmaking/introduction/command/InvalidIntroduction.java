package fr.labos.partenariats.matchmaking.introduction.command;

/** A command whose content is invalid whatever the introduction's state; names the offending field. */
public class InvalidIntroduction extends IntroductionRefused {

    private final String field;

    public InvalidIntroduction(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
