package fr.labos.partenariats.profile.actor.api;

import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.profile.access.ActorAccess;
import fr.labos.partenariats.profile.access.Invitations;
import fr.labos.partenariats.profile.actor.command.InvitationCode;
import fr.labos.partenariats.schema.profile.InviteActorMemberCommand;
import fr.labos.partenariats.schema.profile.RevokeActorInvitationCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Inviting a colleague to act for the actor: whoever manages its members (a manager among them, a member its token
 * names, a facilitator of its territory, an admin) gets a code to hand over, shown this once; the colleague signs in
 * with an account of its own and gives the code back ({@code POST /api/me/actors}) before it expires, and becomes a
 * member (not a manager: one names it so afterwards if it should invite others; the first to join an actor without a
 * manager, one a facilitator or an admin registered, becomes its manager). Neither whoever made the invitation nor
 * anyone acting for the actor already by its token or its role may use it. Waiting invitations are listed for
 * the same people, without their codes, and can be withdrawn.
 */
@RestController
@RequestMapping("/api/actors/{actorId}/invitations")
@Validated
class ActorInvitationsController {

    private final CommandGateway commands;
    private final Invitations invitations;
    private final ActorAccess access;
    private final Clock clock;
    private final Duration validity;

    ActorInvitationsController(CommandGateway commands, Invitations invitations, ActorAccess access, Clock clock,
                               @Value("${lab.members.invitation-validity:P7D}") Duration validity) {
        this.commands = commands;
        this.invitations = invitations;
        this.access = access;
        this.clock = clock;
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalStateException("lab.members.invitation-validity must be positive: " + validity);
        }
        this.validity = validity;
    }

    /**
     * 201 with the code; the answer is never cached, as the code is nowhere else to be found. No Location: an
     * invitation is read in the actor's list, never alone.
     */
    @Operation(operationId = "inviteMember", responses = @ApiResponse(responseCode = "201",
            description = "Created: the invitation and its code, shown only here; no Location (an invitation is read in "
                    + "the actor's list)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NewInvitation.class))))
    @PostMapping
    ResponseEntity<NewInvitation> invite(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId) {
        access.managingMembersOf(principal, actorId);
        InvitationCode code = InvitationCode.newCode();
        Instant expiresAt = clock.instant().plus(validity);
        commands.sendAndWait(new InviteActorMemberCommand(actorId, code.invitationId(), code.digest(), expiresAt));
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(new NewInvitation(code.invitationId(), code.value(), expiresAt));
    }

    /** The actor's most recent invitations, newest first, with where each stands. */
    @Operation(operationId = "listInvitations")
    @GetMapping
    List<Invitations.Invitation> list(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId) {
        access.managingMembersOf(principal, actorId);
        return invitations.of(actorId, clock.instant());
    }

    /** Withdraws an invitation not yet used: its code no longer works. */
    @DeleteMapping("/{invitationId}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId,
                                @PathVariable @Size(max = 64) String invitationId) {
        access.managingMembersOf(principal, actorId);
        commands.sendAndWait(new RevokeActorInvitationCommand(actorId, invitationId));
        return ResponseEntity.noContent().build();
    }

    /**
     * A new invitation.
     *
     * @param code to hand to the colleague, who gives it back when signed in; shown only here
     */
    record NewInvitation(String invitationId, String code, Instant expiresAt) {

        /** Without the code, so that no log line carries one that works. */
        @Override
        public String toString() {
            return "NewInvitation[invitationId=" + invitationId + ", code=…, expiresAt=" + expiresAt + "]";
        }
    }
}
