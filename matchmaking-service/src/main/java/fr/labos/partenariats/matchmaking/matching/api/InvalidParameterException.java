package fr.labos.partenariats.matchmaking.matching.api;

/**
 * A query parameter of a ranking endpoint has a value it cannot take; answered 400, naming the parameter. The reason
 * is a message code of {@code matchmaking-problems.properties} with its arguments.
 */
class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String code;
    private final transient Object[] arguments;

    InvalidParameterException(String parameter, String code, Object... arguments) {
        super(parameter + ": " + code);
        this.parameter = parameter;
        this.code = code;
        this.arguments = arguments.clone();
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
