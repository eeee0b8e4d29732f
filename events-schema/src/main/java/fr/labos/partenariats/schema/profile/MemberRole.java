package fr.labos.partenariats.schema.profile;

/**
 * What a member granted by profile-service may do for its organisation. Both act for it (post and change its needs
 * and offers, answer its introductions, read its contact person and those of its accepted partners); a manager also
 * decides who else does: it invites colleagues, names or un-names managers, and removes members.
 */
public enum MemberRole {
    /** « responsable » : acts for the organisation and manages its members. */
    MANAGER,
    /** « membre » : acts for the organisation; leaves it when it wants, but manages nobody else. */
    MEMBER
}
