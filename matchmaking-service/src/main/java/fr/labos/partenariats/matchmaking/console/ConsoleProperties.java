package fr.labos.partenariats.matchmaking.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the web console needs to know that the page cannot guess: where profile-service answers (the browser calls it
 * directly, with CORS) and its client id at the sign-in provider (whose issuer is {@code LAB_OIDC_ISSUER}).
 *
 * @param profileServiceUrl {@code LAB_CONSOLE_PROFILE_SERVICE_URL}: profile-service as the browser reaches it
 * @param clientId          {@code LAB_CONSOLE_CLIENT_ID}: the public client (authorization code with PKCE)
 */
@ConfigurationProperties("lab.console")
record ConsoleProperties(@DefaultValue("http://localhost:8081") String profileServiceUrl,
                         @DefaultValue("lab-console") String clientId) {

    ConsoleProperties {
        profileServiceUrl = profileServiceUrl.replaceAll("/+$", "");
    }
}
