package fr.labos.partenariats.profile.actor.api;

import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.profile.access.ActorAccess;
import fr.labos.partenariats.profile.access.Memberships;
import fr.labos.partenariats.schema.profile.ChangeActorMemberRoleCommand;
import fr.labos.partenariats.schema.profile.MemberRole;
import fr.labos.partenariats.schema.profile.RemoveActorMemberCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The members profile-service granted an actor (the actor member who registered it, colleagues who came with an
 * invitation), for those who act for the actor: who they are (pseudonymous subjects) and their roles; for those who
 * manage its members, naming managers and taking a membership away (a member leaves by itself). Members named by the identity provider's
 * tokens ({@code lab_actors}) are the provider's to remove.
 */
@RestController
@RequestMapping("/api/actors/{actorId}/members")
@Validated
class ActorMembersController {

    private final CommandGateway commands;
    private final Memberships memberships;
    private final ActorAccess access;

    ActorMembersController(CommandGateway commands, Memberships memberships, ActorAccess access) {
        this.commands = commands;
        this.memberships = memberships;
        this.access = access;
    }

    @GetMapping
    List<Memberships.Member> members(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId) {
        access.actingFor(principal, actorId);
        return memberships.membersOf(actorId);
    }

    /**
     * A member may leave; the actor's managers, the facilitators of its territory and admins may remove it. From the
     * answer on, the former member acts for the actor no more as a member (a facilitator of its territory keeps that
     * reach), here and, once the event reached it, in matchmaking-service. 404 when the subject holds no membership
     * granted here; 409 for the last manager while other members remain.
     */
    @DeleteMapping("/{memberSubject}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId,
                                @PathVariable @Size(max = 255) String memberSubject) {
        if (memberSubject.equals(principal.subject())) {
            access.actingFor(principal, actorId);
        } else {
            access.managingMembersOf(principal, actorId);
        }
        commands.sendAndWait(new RemoveActorMemberCommand(actorId, memberSubject));
        return ResponseEntity.noContent().build();
    }

    /**
     * Names a member manager ({@code MANAGER}) or makes a manager a member only ({@code MEMBER}); 204 also when the
     * member had that role already. 404 when the subject holds no membership granted here; 409 for the last manager.
     */
    @PutMapping("/{memberSubject}/role")
    ResponseEntity<Void> changeRole(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId,
                                    @PathVariable @Size(max = 255) String memberSubject,
                                    @Valid @RequestBody RoleRequest request) {
        access.managingMembersOf(principal, actorId);
        commands.sendAndWait(new ChangeActorMemberRoleCommand(actorId, memberSubject, request.role()));
        return ResponseEntity.noContent().build();
    }

    /** @param role {@code MANAGER} (« responsable ») or {@code MEMBER} (« membre ») */
    record RoleRequest(@NotNull MemberRole role) {
    }
}
