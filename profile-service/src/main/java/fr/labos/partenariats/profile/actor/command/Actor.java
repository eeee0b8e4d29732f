package fr.labos.partenariats.profile.actor.command;

import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.profile.ActorContactErasedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberLeftEvent;
import fr.labos.partenariats.schema.profile.ActorProfileUpdatedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.EraseActorContactCommand;
import fr.labos.partenariats.schema.profile.RegisterActorCommand;
import fr.labos.partenariats.schema.profile.RemoveActorMemberCommand;
import fr.labos.partenariats.schema.profile.UpdateActorProfileCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An organisation of the territory. Its contact person lives in the {@link ContactVault}, never in its events. */
@Aggregate
public class Actor {

    private static final String VIEWER_ROLE = "VIEWER";

    @AggregateIdentifier
    private String actorId;

    /** The members granted here (not those the identity provider's tokens name, which it alone manages). */
    private final Set<String> members = new HashSet<>();

    protected Actor() {
        // for Axon
    }

    /**
     * Whoever registers the actor (the principal in the command's metadata) becomes its member; a command sent by no
     * one in particular (an import) registers an actor without members.
     */
    @CommandHandler
    public Actor(RegisterActorCommand command, ContactVault contacts, Clock clock,
                 @MetaDataValue(PrincipalMetadata.SUBJECT) String subject,
                 @MetaDataValue(PrincipalMetadata.ROLE) String role) {
        ActorRules.checkProfile(command.name(), command.type(), command.homeTerritory());
        contacts.store(command.actorId(), command.contact());
        apply(new ActorRegisteredEvent(command.actorId(), command.name().strip(), command.type(),
                command.homeTerritory(), command.themes(), command.sdgs(), command.description(), clock.instant()));
        if (subject != null && !VIEWER_ROLE.equals(role)) {
            apply(new ActorMemberJoinedEvent(command.actorId(), subject, clock.instant()));
        }
    }

    @CommandHandler
    public void handle(UpdateActorProfileCommand command, ContactVault contacts) {
        ActorRules.checkProfile(command.name(), command.type(), command.homeTerritory());
        if (command.contact() != null) {
            contacts.store(actorId, command.contact());
        }
        apply(new ActorProfileUpdatedEvent(actorId, command.name().strip(), command.type(), command.homeTerritory(),
                command.themes(), command.sdgs(), command.description()));
    }

    /**
     * Erasure always succeeds, even twice: a person asking to be forgotten must never get an error. It is recorded
     * whenever a contact person was actually erased, so the history says when (and, in its metadata, by whom); the
     * vault, written in this same transaction, is what knows whether one was on file (events never hold it).
     */
    @CommandHandler
    public void handle(EraseActorContactCommand command, ContactVault contacts, Clock clock) {
        if (contacts.erase(actorId)) {
            apply(new ActorContactErasedEvent(actorId, clock.instant()));
        }
    }

    /**
     * A membership granted here ends when the member leaves or someone acting for the actor removes it; who did is in
     * the event's metadata. Only a current member can be removed (404 otherwise, nothing written): a second removal,
     * or one of a member named by the identity provider's tokens, has nothing to remove here.
     */
    @CommandHandler
    public void handle(RemoveActorMemberCommand command, Clock clock) {
        if (!members.contains(command.memberSubject())) {
            throw new NotFoundException("not-found.member", command.memberSubject(), actorId);
        }
        apply(new ActorMemberLeftEvent(actorId, command.memberSubject(), clock.instant()));
    }

    @EventSourcingHandler
    void on(ActorRegisteredEvent event) {
        actorId = event.actorId();
    }

    @EventSourcingHandler
    void on(ActorMemberJoinedEvent event) {
        members.add(event.memberSubject());
    }

    @EventSourcingHandler
    void on(ActorMemberLeftEvent event) {
        members.remove(event.memberSubject());
    }
}
