package fr.labos.partenariats.profile.web;

/** Input that breaks a rule of the domain; answered with a 400 problem naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
