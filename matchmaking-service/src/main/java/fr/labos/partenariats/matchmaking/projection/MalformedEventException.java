package fr.labos.partenariats.matchmaking.projection;

/**
 * A record that can never be applied, however often it is retried: unreadable JSON, missing headers, an unsupported
 * revision, no aggregate id. The consumer logs, counts and skips it after a few attempts, unlike any other failure.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
