package fr.labos.partenariats.matchmaking.introduction.view;

/** A query parameter of the views has a value it cannot take; answered 400 naming the parameter. */
class InvalidViewParameterException extends RuntimeException {

    private final String parameter;
    private final String code;
    private final transient Object[] arguments;

    InvalidViewParameterException(String parameter, String code, Object... arguments) {
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
