package fr.labos.partenariats.matchmaking.introduction.command;

/**
 * A command the introduction's rules refuse; the message is French, fit to show to the user. Nothing was written.
 * The subclasses say how the refusal is to be reported: a conflict with the introduction's state, a principal acting
 * outside its reach, or invalid input.
 */
public abstract class IntroductionRefused extends RuntimeException {

    protected IntroductionRefused(String message) {
        super(message);
    }
}
