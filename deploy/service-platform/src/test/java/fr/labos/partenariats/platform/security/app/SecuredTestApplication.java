package fr.labos.partenariats.platform.security.app;

import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The smallest service on the platform: one endpoint that tells who called, one that always refuses. */
@SpringBootApplication
public class SecuredTestApplication {

    @RestController
    static class WhoAmI {
        @GetMapping("/api/whoami")
        Map<String, Object> whoami(@AuthenticationPrincipal LabPrincipal principal) {
            return Map.of("subject", principal.subject(), "role", principal.role().name(),
                    "territories", principal.territories().stream().map(t -> t.level() + ":" + t.code()).sorted().toList(),
                    "actors", principal.actors().stream().sorted().toList());
        }

        @GetMapping("/api/refused")
        Map<String, Object> refused() {
            throw new ActionForbiddenException("Vous n'agissez pas pour cet acteur.");
        }
    }
}
