package fr.labos.partenariats.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNamesTest {

    private final LabTokenConverter converter =
            new LabTokenConverter(new LabSecurityProperties.Claim("lab_role", "lab_territories", "lab_actors", "name"));

    @Test
    void theNameIsReadFromTheConfiguredClaimOfASignedInToken() {
        Map<String, Object> claims = Map.of("lab_role", "ACTOR_MEMBER", "name", "Hélène Garnier", "full_name", "H. G.");
        assertThat(new PersonNames("name").of(converter.convert(jwt(claims)))).contains("Hélène Garnier");
        assertThat(new PersonNames("full_name").of(converter.convert(jwt(claims)))).contains("H. G.");
        assertThat(new PersonNames("name").of(converter.convert(jwt(Map.of("lab_role", "VIEWER"))))).isEmpty();
        // A token without a known role is still a token: its holder's name is read the same way (it may do nothing else).
        assertThat(new PersonNames("name").of(converter.convert(jwt(Map.of("name", "Paul Girard"))))).contains("Paul Girard");
    }

    @Test
    void theNameNeverEntersThePrincipal() {
        AbstractAuthenticationToken authentication = converter.convert(jwt(Map.of("lab_role", "ACTOR_MEMBER",
                "name", "Hélène Garnier")));
        assertThat(authentication.getPrincipal().toString()).doesNotContain("Hélène");
        assertThat(authentication.getName()).isEqualTo("u-1");
    }

    @Test
    void onlyATokensNameIsRead() {
        assertThat(new PersonNames("name").of(null)).isEmpty();
        assertThat(new PersonNames("name").of(new UsernamePasswordAuthenticationToken("Hélène Garnier", "secret")))
                .isEmpty();
    }

    @Test
    void aNameIsShownAsOneLineOfComposedCharacters() {
        assertThat(PersonNames.clean("  Hélène \t Garnier \n")).contains("Hélène Garnier");
        // « é » typed as e and a combining accent becomes the one character, as the name would be compared and shown.
        assertThat(PersonNames.clean("He\u0301le\u0300ne")).contains("Hélène");
        assertThat(PersonNames.clean("Inès\u0000\u202ELefèvre")).contains("Inès Lefèvre");
        assertThat(PersonNames.clean("Jean\u2028Dupont")).contains("Jean Dupont");
        assertThat(PersonNames.clean(" \t ")).isEmpty();
        assertThat(PersonNames.clean(List.of("Hélène"))).isEmpty();
        assertThat(PersonNames.clean(null)).isEmpty();
    }

    @Test
    void aNameTooLongForALineIsCutWithoutSplittingACharacter() {
        String emoji = "\uD83C\uDF3B"; // one code point, two chars
        Optional<String> cut = PersonNames.clean(emoji.repeat(PersonNames.MAX_LENGTH + 5));
        assertThat(cut).hasValueSatisfying(name -> {
            assertThat(name.codePointCount(0, name.length())).isEqualTo(PersonNames.MAX_LENGTH);
            assertThat(name).isEqualTo(emoji.repeat(PersonNames.MAX_LENGTH));
        });
        assertThat(PersonNames.clean("a".repeat(PersonNames.MAX_LENGTH))).contains("a".repeat(PersonNames.MAX_LENGTH));
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        return jwt.build();
    }
}
