package fr.labos.partenariats.profile.actor.api;

import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.profile.access.ActorAccess;
import fr.labos.partenariats.profile.access.SignedInNames;
import fr.labos.partenariats.profile.actor.command.ContactVault;
import fr.labos.partenariats.profile.actor.query.ActorProjection;
import fr.labos.partenariats.profile.actor.query.ActorView;
import fr.labos.partenariats.profile.actor.query.ProfileRevisions;
import fr.labos.partenariats.profile.web.CreatedResponse;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.schema.profile.ContactDetails;
import fr.labos.partenariats.schema.profile.EraseActorContactCommand;
import fr.labos.partenariats.schema.profile.RegisterActorCommand;
import fr.labos.partenariats.schema.profile.UpdateActorProfileCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * REST for actors: register, read, update their profile, read and erase their contact person. Public profiles are
 * for every signed-in role; the rest for those who act for the actor ({@link ActorAccess}).
 */
@RestController
@RequestMapping("/api/actors")
@Validated
class ActorController {

    private final CommandGateway commands;
    private final ActorProjection actors;
    private final ContactVault contacts;
    private final ActorAccess access;
    private final HomeTerritories communes;
    private final SignedInNames names;
    private final ProfileRevisions revisions;

    ActorController(CommandGateway commands, ActorProjection actors, ContactVault contacts, ActorAccess access,
                    HomeTerritories communes, SignedInNames names, ProfileRevisions revisions) {
        this.communes = communes;
        this.names = names;
        this.revisions = revisions;
        this.commands = commands;
        this.actors = actors;
        this.contacts = contacts;
        this.access = access;
    }

    /**
     * An actor member registering its organisation becomes its member and manager; a facilitator or an admin registers
     * it without joining (it acts for the actor through its role, while it lasts). A viewer may not register.
     */
    @Operation(operationId = "registerActor")
    @PostMapping
    ResponseEntity<CreatedResponse> register(@AuthenticationPrincipal LabPrincipal principal,
                                             @Valid @RequestBody ActorRequest request) {
        access.checkMayRegister(principal, request.homeTerritory());
        String actorId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterActorCommand(actorId, request.name(), request.type(), request.homeTerritory(),
                request.themes(), request.sdgs(), request.description(), request.contactDetails()));
        // A member who registers its organisation is its first member: its colleagues will see it by name; a facilitator
        // who registers one is seen by name by its people.
        names.rememberAfterCommand(principal);
        return ResponseEntity.created(URI.create("/api/actors/" + actorId)).body(new CreatedResponse(actorId));
    }

    /**
     * The actors in the order they registered; with {@code territory}, only those at home in that département or
     * région (a facilitator's territory holds more actors than a page: without it, a lab's first thousand actors hid
     * the others).
     */
    @Operation(operationId = "listActors")
    @GetMapping
    List<ActorView> list(@RequestParam(defaultValue = "0") @Min(0) int offset,
                         @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                         @Parameter(description = "Un département ou une région, écrit comme dans les jetons : "
                                 + "DEPARTEMENT:38, REGION:84")
                         @RequestParam(required = false) String territory) {
        if (territory == null) {
            return actors.list(offset, limit);
        }
        return actors.atHomesIn(communes.of(HomeTerritories.parse(territory)), offset, limit);
    }

    /**
     * The public profile, and the contact person only for those who may see it; for those who may change them, their
     * revision as the {@code ETag}, for a change made from this copy to name it ({@code If-Match}). The revision is read
     * first: a change in between gives an older tag than the copy, never a newer one, so a copy is never taken for more
     * current than it is. Not to the others: the revision moves when the contact person is erased, which a reader
     * comparing tags while the public profile stays the same would learn, and when.
     */
    @Operation(operationId = "readActor")
    @GetMapping("/{actorId}")
    ResponseEntity<ActorDetails> read(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId) {
        Optional<Long> revision = revisions.of(actorId);
        ActorView actor = access.existing(actorId);
        ContactDetails contact = access.maySeeContact(principal, actor) ? contacts.find(actorId).orElse(null) : null;
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (access.mayActFor(principal, actor)) {
            revision.ifPresent(seen -> answer.eTag(ProfileRevisionTags.tag(seen)));
        }
        return answer.body(new ActorDetails(actor, contact));
    }

    /**
     * The contact person, for those who act for the actor and the members of an actor introduced to it (both sides
     * having accepted): 403 for anyone else, 404 when none is on file (never entered, or erased).
     */
    @GetMapping("/{actorId}/contact")
    ContactDetails contact(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId) {
        access.contactReadable(principal, actorId);
        return contacts.find(actorId).orElseThrow(() -> new NotFoundException("not-found.contact", actorId));
    }

    /**
     * What the signed-in caller may do with the actor, as {@link ActorAccess} decides it for each request: so that a
     * browser application offers only what the API would accept, without a copy of the rules. Never a refusal (every
     * signed-in role may ask about itself); a 404 for an actor that does not exist.
     */
    @GetMapping("/{actorId}/permissions")
    ActorPermissions permissions(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId) {
        ActorView actor = access.existing(actorId);
        return new ActorPermissions(access.mayActFor(principal, actor), access.mayManageMembers(principal, actor),
                access.maySeeContact(principal, actor));
    }

    /**
     * Replaces the profile, and the contact person when one is given. With {@code If-Match} (the {@code ETag} of the copy
     * the change was made from), a profile or contact person changed or erased since is a 412 and nothing is written: a
     * form left open while the person asked to be erased does not bring that person back. Without it, the last change
     * wins.
     */
    @Operation(operationId = "updateActor")
    @PutMapping("/{actorId}")
    ResponseEntity<Void> update(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId,
                                @Parameter(description = "L'ETag de la lecture d'où vient la modification (GET /api/actors/{actorId})")
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @Valid @RequestBody ActorRequest request) {
        ActorView actor = access.actingFor(principal, actorId);
        access.checkMayMoveTo(principal, actor, request.homeTerritory());
        commands.sendAndWait(new UpdateActorProfileCommand(actorId, request.name(), request.type(),
                request.homeTerritory(), request.themes(), request.sdgs(), request.description(),
                request.contactDetails(), ProfileRevisionTags.accepted(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    /** Right to erasure: the contact person disappears for good; the organisation's public profile stays. */
    @DeleteMapping("/{actorId}/contact")
    ResponseEntity<Void> eraseContact(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId) {
        access.actingFor(principal, actorId);
        commands.sendAndWait(new EraseActorContactCommand(actorId));
        return ResponseEntity.noContent().build();
    }

    /**
     * @param actFor        update the profile, post and change needs and offers, erase the contact person, see the
     *                      members, leave it as a member granted here (matchmaking-service, deciding who answers
     *                      introductions, learns the same memberships from the events)
     * @param manageMembers invite colleagues, list and withdraw invitations, name managers, remove other members
     * @param readContact   read the contact person (those who act for the actor, and the members of an actor introduced
     *                      to it once both sides accepted)
     */
    record ActorPermissions(boolean actFor, boolean manageMembers, boolean readContact) {
    }

    /** An actor's public profile with its contact person, when one is on file and the reader may see it. */
    record ActorDetails(ActorView profile, ContactDetails contact) {
    }
}
