package fr.labos.partenariats.profile.actor.api;

import fr.labos.partenariats.profile.actor.command.ContactVault;
import fr.labos.partenariats.profile.actor.query.ActorProjection;
import fr.labos.partenariats.profile.actor.query.ActorView;
import fr.labos.partenariats.profile.web.CreatedResponse;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.schema.profile.ContactDetails;
import fr.labos.partenariats.schema.profile.EraseActorContactCommand;
import fr.labos.partenariats.schema.profile.RegisterActorCommand;
import fr.labos.partenariats.schema.profile.UpdateActorProfileCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** REST for actors: register, read, update their profile, erase their contact person. */
@RestController
@RequestMapping("/api/actors")
@Validated
class ActorController {

    private final CommandGateway commands;
    private final ActorProjection actors;
    private final ContactVault contacts;

    ActorController(CommandGateway commands, ActorProjection actors, ContactVault contacts) {
        this.commands = commands;
        this.actors = actors;
        this.contacts = contacts;
    }

    @PostMapping
    ResponseEntity<CreatedResponse> register(@Valid @RequestBody ActorRequest request) {
        String actorId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterActorCommand(actorId, request.name(), request.type(), request.homeTerritory(),
                request.themes(), request.sdgs(), request.description(), request.contactDetails()));
        return ResponseEntity.created(URI.create("/api/actors/" + actorId)).body(new CreatedResponse(actorId));
    }

    @GetMapping
    List<ActorView> list(@RequestParam(defaultValue = "0") @Min(0) int offset,
                         @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return actors.list(offset, limit);
    }

    @GetMapping("/{actorId}")
    ActorDetails read(@PathVariable String actorId) {
        ActorView actor = actors.find(actorId).orElseThrow(() -> new NotFoundException("not-found.actor", actorId));
        return new ActorDetails(actor, contacts.find(actorId).orElse(null));
    }

    @PutMapping("/{actorId}")
    ResponseEntity<Void> update(@PathVariable String actorId, @Valid @RequestBody ActorRequest request) {
        commands.sendAndWait(new UpdateActorProfileCommand(actorId, request.name(), request.type(),
                request.homeTerritory(), request.themes(), request.sdgs(), request.description(),
                request.contactDetails()));
        return ResponseEntity.noContent().build();
    }

    /** Right to erasure: the contact person disappears for good; the organisation's public profile stays. */
    @DeleteMapping("/{actorId}/contact")
    ResponseEntity<Void> eraseContact(@PathVariable String actorId) {
        commands.sendAndWait(new EraseActorContactCommand(actorId));
        return ResponseEntity.noContent().build();
    }

    /** An actor's profile with its contact person, when one is on file. */
    record ActorDetails(ActorView profile, ContactDetails contact) {
    }
}
