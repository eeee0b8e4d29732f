package fr.labos.partenariats.matchmaking.introduction.command;

/** The command acts for someone who has no say in this introduction. */
public abstract class IntroductionForbidden extends IntroductionRefused {

    protected IntroductionForbidden(String message, Object... arguments) {
        super(message, arguments);
    }
}
