package fr.labos.partenariats.profile.web;

/** A request that the current state forbids (e.g. withdrawing twice); answered with a 409 problem. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
