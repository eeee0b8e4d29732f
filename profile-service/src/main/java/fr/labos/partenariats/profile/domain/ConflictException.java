package fr.labos.partenariats.profile.domain;

/** A request that the current state forbids (e.g. withdrawing twice). */
public class ConflictException extends Refusal {
    public ConflictException(String code, Object... arguments) {
        super(code, arguments);
    }
}
