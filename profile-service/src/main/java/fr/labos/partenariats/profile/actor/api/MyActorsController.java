package fr.labos.partenariats.profile.actor.api;

import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.profile.access.ActorAccess;
import fr.labos.partenariats.profile.access.Invitations;
import fr.labos.partenariats.profile.access.SignedInNames;
import fr.labos.partenariats.profile.actor.command.InvitationCode;
import fr.labos.partenariats.profile.actor.query.ActorView;
import fr.labos.partenariats.profile.domain.InvalidInputException;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.schema.profile.JoinActorByInvitationCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * The organisations the caller is a member of (its token's, those it registered as their member, those it joined with an
 * invitation),
 * so that a browser application can open "my organisation" without deciding membership itself; and joining one with
 * the code one of those who manage its members handed over. Empty for a viewer; a facilitator or an admin, who
 * reach actors through their role and join none by registering them, finds here only those it joined with an
 * invitation.
 */
@RestController
class MyActorsController {

    private final ActorAccess access;
    private final Invitations invitations;
    private final SignedInNames names;
    private final CommandGateway commands;

    MyActorsController(ActorAccess access, Invitations invitations, SignedInNames names,
                       CommandGateway commands) {
        this.access = access;
        this.invitations = invitations;
        this.names = names;
        this.commands = commands;
    }

    /**
     * Also where a person's name follows its token: the web console reads this once each time it opens, so a name
     * changed at the identity provider is the one its colleagues (or, for the lab's team, the organisations it works
     * with) see from the next visit.
     */
    @GetMapping("/api/me/actors")
    List<ActorView> myActors(@AuthenticationPrincipal LabPrincipal principal) {
        names.remember(principal);
        return access.memberOf(principal);
    }

    /**
     * Joins the actor the invitation was made for: 201 with the actor. A viewer's account is refused (403) before
     * anything else. An unknown invitation and a wrong code are the same 404; only the right code learns that a code
     * was used, withdrawn or has expired (409), that its holder is a member already (409), or that its holder made it
     * (409: an invitation is handed over, not used by whoever made it). Whoever already acts for the actor by its token
     * (a member its {@code lab_actors} names) or its role (a facilitator of its territory, an admin) is refused too
     * (409), whatever the code: a membership granted here would outlast the reach the identity provider gave it.
     * Nothing is written in any of these cases.
     */
    @PostMapping("/api/me/actors")
    ResponseEntity<ActorView> join(@AuthenticationPrincipal LabPrincipal principal,
                                   @Valid @RequestBody JoinRequest request) {
        access.checkMayJoin(principal);
        InvitationCode code = InvitationCode.parse(request.invitationCode())
                .orElseThrow(() -> new InvalidInputException("invitationCode", "invalid.invitation.code"));
        String actorId = invitations.actorOf(code.invitationId())
                .orElseThrow(() -> new NotFoundException("not-found.invitation"));
        // Who already acts for the actor by its token or its role is refused here, not in the aggregate: only the
        // request knows the token's actors and territories (the command's metadata carries the subject and role alone,
        // and the identity provider may change them at any time). The aggregate checks what its history knows: stored
        // members, who made the invitation, who was removed.
        access.checkNotActingAlready(principal, access.existing(actorId));
        commands.sendAndWait(new JoinActorByInvitationCommand(actorId, code.invitationId(), code.digest()));
        names.rememberAfterCommand(principal);
        return ResponseEntity.created(URI.create("/api/actors/" + actorId)).body(access.existing(actorId));
    }

    /** @param invitationCode the code, as the member who invited handed it over: {@code <invitation id>.<secret>} */
    record JoinRequest(@NotBlank @Size(max = 200) String invitationCode) {

        /** Without the code, so that no log line carries one that works. */
        @Override
        public String toString() {
            return "JoinRequest[invitationCode=…]";
        }
    }
}
