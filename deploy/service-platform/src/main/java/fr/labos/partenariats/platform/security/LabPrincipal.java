package fr.labos.partenariats.platform.security;

import fr.labos.partenariats.schema.common.TerritoryRef;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as read from a validated token: a pseudonymous subject, a role, the territories a facilitator
 * serves and the actors a member acts for (as the token says; a service may know more memberships). Controllers get
 * it with {@code @AuthenticationPrincipal LabPrincipal principal}.
 *
 * @param subject     the {@code sub} claim: stable and pseudonymous, never a name or an e-mail
 * @param role        the role claim
 * @param territories for a facilitator, the départements and régions it serves
 * @param actors      the actors (organisation ids) the token says this principal acts for
 */
public record LabPrincipal(String subject, LabRole role, Set<TerritoryRef> territories, Set<String> actors) {

    public LabPrincipal {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        territories = Set.copyOf(territories);
        actors = Set.copyOf(actors);
    }

    public boolean is(LabRole expected) {
        return role == expected;
    }

    /** The principal of the request being handled on this thread, if it signed in with a token bearing a lab role. */
    public static Optional<LabPrincipal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof LabPrincipal principal
                ? Optional.of(principal) : Optional.empty();
    }
}
