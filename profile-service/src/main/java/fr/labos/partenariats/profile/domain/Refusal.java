package fr.labos.partenariats.profile.domain;

import org.springframework.context.MessageSourceResolvable;

import java.util.Arrays;

/**
 * A request the domain refuses, told as a message code of {@code profile-problems.properties} and its arguments, so
 * that the answer can be given in the reader's language; the exception's own message is for the logs.
 */
abstract class Refusal extends RuntimeException implements MessageSourceResolvable {

    private final String code;
    private final transient Object[] arguments;

    Refusal(String code, Object... arguments) {
        super(code + " " + Arrays.toString(arguments));
        this.code = code;
        this.arguments = arguments.clone();
    }

    @Override
    public String[] getCodes() {
        return new String[]{code};
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
