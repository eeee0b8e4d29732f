package fr.labos.partenariats.profile.web;

/** Something asked for does not exist, or not for the actor named in the path; answered with a 404 problem. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
