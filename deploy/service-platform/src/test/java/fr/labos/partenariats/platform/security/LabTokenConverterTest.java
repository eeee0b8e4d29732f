package fr.labos.partenariats.platform.security;

import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LabTokenConverterTest {

    private final LabTokenConverter converter =
            new LabTokenConverter(new LabSecurityProperties.Claim("lab_role", "lab_territories", "lab_actors", "name"));

    @Test
    void aRoleMayBeAStringOrAListHoldingExactlyOneKnownRole() {
        assertThat(roleOf(Map.of("lab_role", "VIEWER"))).containsExactly("ROLE_VIEWER");
        assertThat(roleOf(Map.of("lab_role", List.of("offline_access", "FACILITATOR")))).containsExactly("ROLE_FACILITATOR");
        assertThat(roleOf(Map.of("lab_role", List.of("ADMIN", "VIEWER")))).isEmpty();
        assertThat(roleOf(Map.of("lab_role", "admin"))).isEmpty();
        assertThat(roleOf(Map.of())).isEmpty();
    }

    @Test
    void territoriesNeedALevelAndAKnownCode() {
        LabPrincipal principal = principal(Map.of("lab_role", "FACILITATOR",
                "lab_territories", List.of("DEPARTEMENT:38", "REGION:84", "DEPARTEMENT:2A", "COMMUNE:38185", "38",
                        "DEPARTEMENT:00", "REGION:")));
        assertThat(principal.territories()).containsExactlyInAnyOrder(
                new TerritoryRef("38", TerritoryLevel.DEPARTEMENT), new TerritoryRef("84", TerritoryLevel.REGION),
                new TerritoryRef("2A", TerritoryLevel.DEPARTEMENT));
    }

    @Test
    void claimNamesAreConfigurable() {
        LabTokenConverter keycloak = new LabTokenConverter(new LabSecurityProperties.Claim("role", "zones", "orgs", "name"));
        LabPrincipal principal = (LabPrincipal) keycloak.convert(jwt(Map.of("role", "ACTOR_MEMBER",
                "orgs", "a-1", "lab_actors", List.of("ignored")))).getPrincipal();
        assertThat(principal.role()).isEqualTo(LabRole.ACTOR_MEMBER);
        assertThat(principal.actors()).containsExactly("a-1");
    }

    private List<String> roleOf(Map<String, Object> claims) {
        AbstractAuthenticationToken authentication = converter.convert(jwt(claims));
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private LabPrincipal principal(Map<String, Object> claims) {
        return (LabPrincipal) converter.convert(jwt(claims)).getPrincipal();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        return jwt.build();
    }
}
