package fr.labos.partenariats.schema;

/**
 * Who did it: the keys under which the acting principal travels in the metadata of every command and event, and the
 * Kafka headers the relay copies them to. Only a pseudonymous subject id, never a name or an e-mail.
 */
public final class PrincipalMetadata {
    /** Metadata key: the stable pseudonymous subject id of the signed-in user or client ({@code sub} claim). */
    public static final String SUBJECT = "principalSubject";
    /** Metadata key: the role the principal acted in: {@code ADMIN}, {@code FACILITATOR}, {@code ACTOR_MEMBER}, {@code VIEWER}. */
    public static final String ROLE = "principalRole";
    /** Metadata key: the actor (organisation) on whose behalf the principal acted, when there is one. */
    public static final String ACTING_FOR = "actingFor";

    /** Kafka header carrying {@link #SUBJECT}. */
    public static final String SUBJECT_HEADER = "lab-principal-subject";
    /** Kafka header carrying {@link #ROLE}. */
    public static final String ROLE_HEADER = "lab-principal-role";
    /** Kafka header carrying {@link #ACTING_FOR}. */
    public static final String ACTING_FOR_HEADER = "lab-acting-for";

    private PrincipalMetadata() {
    }
}
