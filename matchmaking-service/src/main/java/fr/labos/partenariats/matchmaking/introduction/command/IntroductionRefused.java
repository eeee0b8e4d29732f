package fr.labos.partenariats.matchmaking.introduction.command;

import org.springframework.context.MessageSourceResolvable;

/**
 * A command the introduction's rules refuse; the message is French, fit to show to the user. Nothing was written.
 * The subclasses say how the refusal is to be reported: a conflict with the introduction's state, a principal acting
 * outside its reach, or invalid input. As a message code ({@code introduction.<class name>}, arguments the ids it
 * names) it can also be told in the reader's language; the French message is the default.
 */
public abstract class IntroductionRefused extends RuntimeException implements MessageSourceResolvable {

    private final transient Object[] arguments;

    protected IntroductionRefused(String message, Object... arguments) {
        super(message);
        this.arguments = arguments.clone();
    }

    @Override
    public String[] getCodes() {
        return new String[]{"introduction." + getClass().getSimpleName()};
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }
}
