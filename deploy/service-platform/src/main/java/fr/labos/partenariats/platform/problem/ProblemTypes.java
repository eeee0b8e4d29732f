package fr.labos.partenariats.platform.problem;

import org.springframework.http.HttpStatus;

import java.net.URI;

/** The problem types both services answer with, each a stable URI under {@value #BASE}. */
public enum ProblemTypes {
    INVALID_INPUT("invalid-input", HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
    CONFLICT("conflict", HttpStatus.CONFLICT),
    PRECONDITION_FAILED("precondition-failed", HttpStatus.PRECONDITION_FAILED),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    public static final String BASE = "https://labos-partenariats.fr/problems/";

    private final String slug;
    private final HttpStatus status;

    ProblemTypes(String slug, HttpStatus status) {
        this.slug = slug;
        this.status = status;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    /** The type a status is answered with when nothing more precise is known (a 400 is a malformed request). */
    public static ProblemTypes forStatus(int status) {
        for (ProblemTypes type : values()) {
            if (type.status.value() == status && type != INVALID_INPUT) {
                return type;
            }
        }
        if (status == 414 || status == 431) {
            return MALFORMED_REQUEST;
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
