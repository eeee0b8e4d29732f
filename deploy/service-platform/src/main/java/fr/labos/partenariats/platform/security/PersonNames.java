package fr.labos.partenariats.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The name of the person signed in, as its token gives it ({@code LAB_CLAIM_NAME}, OpenID Connect's {@code name} by
 * default). Apart from the {@link LabPrincipal} on purpose: the principal is what the events and their metadata
 * record, and a name must never go there (an event is kept for ever; a name must be forgettable). The one use is to
 * show a member to the colleagues of its organisation, from a store that forgets it.
 */
public final class PersonNames {

    /** Longer names are cut: a name is shown on one line of a list, and no provider's name is this long. */
    static final int MAX_LENGTH = 80;

    private final String claim;

    public PersonNames(String claim) {
        this.claim = claim;
    }

    /** The name of the request's signed-in person, if its token carries one that is not blank. */
    public Optional<String> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    Optional<String> of(Authentication authentication) {
        if (!(authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token)
                || !(token.getToken() instanceof Jwt jwt)) {
            return Optional.empty();
        }
        return clean(jwt.getClaim(claim));
    }

    /**
     * A name as it will be shown: composed (NFC, so that « Hélène » is one string however it was typed), without
     * control characters, its runs of spaces made one, at most {@link #MAX_LENGTH} characters; nothing when it is not
     * a string or is blank once cleaned.
     */
    static Optional<String> clean(Object claimValue) {
        if (!(claimValue instanceof String raw)) {
            return Optional.empty();
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", " ")
                .replaceAll("\\s+", " ")
                .strip();
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
