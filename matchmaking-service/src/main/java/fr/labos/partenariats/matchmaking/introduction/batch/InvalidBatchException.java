package fr.labos.partenariats.matchmaking.introduction.batch;

/** A batch request names a territory the official reference does not know; answered 400, naming the field. */
class InvalidBatchException extends RuntimeException {

    private final String field;
    private final String code;
    private final transient Object[] arguments;

    InvalidBatchException(String field, String code, Object... arguments) {
        super(field + ": " + code);
        this.field = field;
        this.code = code;
        this.arguments = arguments.clone();
    }

    String field() {
        return field;
    }

    String code() {
        return code;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
