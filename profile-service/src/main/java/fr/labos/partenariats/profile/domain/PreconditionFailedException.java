package fr.labos.partenariats.profile.domain;

/** A change made from a copy that is no longer current (the request's {@code If-Match} names an earlier revision). */
public class PreconditionFailedException extends Refusal {
    public PreconditionFailedException(String code, Object... arguments) {
        super(code, arguments);
    }
}
