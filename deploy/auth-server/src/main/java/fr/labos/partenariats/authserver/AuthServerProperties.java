package fr.labos.partenariats.authserver;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Issuer, audience, where the key is kept, and the demo accounts. */
@ConfigurationProperties("lab.auth")
record AuthServerProperties(String issuer, Path dataDir, String audience, Duration tokenTimeToLive,
                            List<String> consoleRedirectUris, List<Account> accounts) {

    AuthServerProperties {
        consoleRedirectUris = consoleRedirectUris == null ? List.of() : List.copyOf(consoleRedirectUris);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /** A demo account: its name is both the OAuth2 client id and the form-login user name. */
    record Account(String name, String subject, String displayName, String role, List<String> territories,
                   List<String> actors) {

        Account {
            territories = territories == null ? List.of() : List.copyOf(territories);
            actors = actors == null ? List.of() : List.copyOf(actors);
        }
    }

    Optional<Account> account(String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
