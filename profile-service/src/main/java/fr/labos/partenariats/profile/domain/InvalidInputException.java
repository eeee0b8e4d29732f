package fr.labos.partenariats.profile.domain;

/** Input that breaks a rule of the domain, on a named field. */
public class InvalidInputException extends Refusal {

    private final String field;

    public InvalidInputException(String field, String code, Object... arguments) {
        super(code, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
