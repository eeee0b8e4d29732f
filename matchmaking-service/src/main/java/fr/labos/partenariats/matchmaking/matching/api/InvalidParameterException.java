package fr.labos.partenariats.matchmaking.matching.api;

import fr.labos.partenariats.platform.problem.ProblemMessages;

/**
 * A query parameter of a ranking endpoint has a value it cannot take; answered 400, naming the parameter. The reason
 * is a message code of {@code matchmaking-problems.properties} with its arguments. The introduction views and the
 * dashboards raise it too, for their own parameters.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String code;
    private final transient Object[] arguments;

    public InvalidParameterException(String parameter, String code, Object... arguments) {
        super(parameter + ": " + code);
        this.parameter = parameter;
        this.code = code;
        this.arguments = arguments.clone();
    }

    /**
     * The value is none of those the parameter accepts, which the message lists whole: the service's own text, not
     * cut as the client's value is.
     */
    public static InvalidParameterException oneOf(String parameter, String value, String accepted) {
        return new InvalidParameterException(parameter, "invalid.parameter.one-of", value,
                ProblemMessages.written(accepted));
    }

    String parameter() {
        return parameter;
    }

    String code() {
        return code;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
