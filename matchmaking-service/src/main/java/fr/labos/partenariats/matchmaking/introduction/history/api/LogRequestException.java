package fr.labos.partenariats.matchmaking.introduction.history.api;

/** A request about the tree that cannot be answered; its code names the bundle message, with its arguments. */
abstract class LogRequestException extends RuntimeException {

    private final String code;
    private final Object[] arguments;

    LogRequestException(String code, Object... arguments) {
        super(code);
        this.code = code;
        this.arguments = arguments;
    }

    String code() {
        return code;
    }

    Object[] arguments() {
        return arguments.clone();
    }

    /** A parameter out of range (400, naming it). */
    static final class Invalid extends LogRequestException {
        private final String parameter;

        Invalid(String parameter, String code, Object... arguments) {
            super(code, arguments);
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }

    /** No such event, head or tree size (404). */
    static final class NotFound extends LogRequestException {
        NotFound(String code, Object... arguments) {
            super(code, arguments);
        }
    }

    /** The event is newer than the head asked for: the next head will hold it (409). */
    static final class NotYetPublished extends LogRequestException {
        NotYetPublished(String code, Object... arguments) {
            super(code, arguments);
        }
    }
}
