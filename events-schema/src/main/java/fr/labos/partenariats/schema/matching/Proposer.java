package fr.labos.partenariats.schema.matching;

/**
 * The principal who proposed an introduction: its pseudonymous subject id and the role it acted in, as in the
 * principal metadata of every message; never a name or an e-mail.
 */
public record Proposer(String subject, String role) {
}
