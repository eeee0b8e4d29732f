package fr.labos.partenariats.profile.export;

import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.profile.access.ActorAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GDPR portability: {@code GET /api/actors/{actorId}/export}, for the actor's members and admins. */
@RestController
class ExportController {

    private final ActorAccess access;
    private final ActorDataExport export;

    ExportController(ActorAccess access, ActorDataExport export) {
        this.access = access;
        this.export = export;
    }

    @GetMapping("/api/actors/{actorId}/export")
    ResponseEntity<ActorDataExport.Export> export(@AuthenticationPrincipal LabPrincipal principal,
                                                  @PathVariable String actorId) {
        ActorDataExport.Export document = export.of(access.exportable(principal, actorId));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"actor-" + actorId + "-export.json\"")
                .body(document);
    }
}
