package fr.labos.partenariats.matchmaking.matching.api;

/** A query parameter of a ranking endpoint has a value it cannot take; answered 400, naming the parameter. */
class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final Object value;
    private final String reason;

    InvalidParameterException(String parameter, Object value, String reason) {
        super(parameter + " " + reason + " (was " + value + ")");
        this.parameter = parameter;
        this.value = value;
        this.reason = reason;
    }

    String parameter() {
        return parameter;
    }

    Object value() {
        return value;
    }

    String reason() {
        return reason;
    }
}
