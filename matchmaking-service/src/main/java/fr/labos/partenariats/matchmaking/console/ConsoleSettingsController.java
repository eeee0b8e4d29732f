package fr.labos.partenariats.matchmaking.console;

import fr.labos.partenariats.platform.security.LabSecurityProperties;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's settings, read by the page at start: the sign-in provider, its client id and profile-service's
 * address. Part of the page, not of the API (public, like the page's scripts), hence hidden from the OpenAPI document.
 */
@RestController
@Hidden
class ConsoleSettingsController {

    private final Settings settings;

    ConsoleSettingsController(ConsoleProperties console, LabSecurityProperties security) {
        this.settings = new Settings(security.oidc().issuer().replaceAll("/+$", ""), console.clientId(),
                console.profileServiceUrl());
    }

    @GetMapping(ConsoleConfiguration.PATH + "settings.json")
    Settings settings() {
        return settings;
    }

    record Settings(String issuer, String clientId, String profileService) {
    }
}
