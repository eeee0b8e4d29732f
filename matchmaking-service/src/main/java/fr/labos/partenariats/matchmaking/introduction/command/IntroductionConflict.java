package fr.labos.partenariats.matchmaking.introduction.command;

/** The introduction's current state forbids the command (answered twice, closed, not accepted yet...). */
public abstract class IntroductionConflict extends IntroductionRefused {

    protected IntroductionConflict(String message, Object... arguments) {
        super(message, arguments);
    }
}
