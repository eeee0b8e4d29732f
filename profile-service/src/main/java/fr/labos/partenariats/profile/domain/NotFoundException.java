package fr.labos.partenariats.profile.domain;

/** Something asked for does not exist, or not for the actor named in the path. */
public class NotFoundException extends Refusal {
    public NotFoundException(String code, Object... arguments) {
        super(code, arguments);
    }
}
