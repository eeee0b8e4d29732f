package fr.labos.partenariats.profile.export;

import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.profile.access.ActorAccess;
import fr.labos.partenariats.profile.actor.query.ActorView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * GDPR portability: {@code GET /api/actors/{actorId}/export}, for the actor's members and admins. A member who does
 * not manage the actor's members (a plain « membre ») gets it without the invitations, which the invitations API
 * refuses it too; the document then says so in its {@code withheld} field.
 */
@RestController
class ExportController {

    private final ActorAccess access;
    private final ActorDataExport export;

    ExportController(ActorAccess access, ActorDataExport export) {
        this.access = access;
        this.export = export;
    }

    @Operation(summary = "Exporter les données de l'acteur (portabilité RGPD)", description = """
            Everything profile-service holds about the actor, as a JSON attachment: its profile, contact person, \
            needs and offers (closed ones too), members and their roles, and the history of the actor's and its \
            posts' events with their dates and the role of whoever acted (never who it was). For the actor's members \
            and admins (403 otherwise: a facilitator of its territory who is not its member too). Among them, its \
            managers (« responsables »), the members its token names and admins get every event; a plain member \
            (« membre ») gets the history without the invitation events (`ActorMemberInvitedEvent`, `ActorInvitationRedeemedEvent`, \
            `ActorInvitationRevokedEvent`), as it may not list invitations either, and the document's `withheld` \
            field names those event types and says why, in French; the field is absent from a full export. A \
            plain member's joining stays (`ActorMemberJoinedEvent`), as do the members' leaving and role changes.""",
            responses = @ApiResponse(responseCode = "200", description = "The export, as a JSON attachment",
                    headers = @Header(name = "Content-Disposition",
                            description = "attachment; filename=\"actor-<actorId>-export.json\"",
                            schema = @Schema(type = "string")),
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ActorDataExport.Export.class))))
    @GetMapping("/api/actors/{actorId}/export")
    ResponseEntity<ActorDataExport.Export> export(@AuthenticationPrincipal LabPrincipal principal,
                                                  @PathVariable String actorId) {
        ActorView actor = access.exportable(principal, actorId);
        ActorDataExport.Export document = export.of(actor, access.mayManageMembers(principal, actor));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"actor-" + actorId + "-export.json\"")
                .body(document);
    }
}
