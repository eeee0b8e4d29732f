package fr.labos.partenariats.schema.profile;

/** The contact person of an actor: personal data, carried by commands only, never by events. */
public record ContactDetails(String name, String email, String phone) {

    @Override
    public String toString() {
        // Keeps personal data out of logs that print commands.
        return "ContactDetails[redacted]";
    }
}
