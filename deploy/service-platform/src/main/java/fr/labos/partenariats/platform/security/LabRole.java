package fr.labos.partenariats.platform.security;

import java.util.Optional;

/** The roles a token may carry in its role claim ({@code lab_role}); see docs/identity.md. */
public enum LabRole {
    /** Everything. */
    ADMIN,
    /** Scoped to territories (départements or régions): acts for the actors whose home lies there. */
    FACILITATOR,
    /** Bound to actors (organisations): acts for those only. */
    ACTOR_MEMBER,
    /** Dashboards and public views only; never personal data. */
    VIEWER;

    /** The Spring Security authority granted for this role, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named exactly so, if there is one. */
    public static Optional<LabRole> named(String name) {
        for (LabRole role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
