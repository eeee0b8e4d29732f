package fr.labos.partenariats.profile.actor.command;

import fr.labos.partenariats.schema.profile.ActorContactErasedEvent;
import fr.labos.partenariats.schema.profile.ActorProfileUpdatedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.EraseActorContactCommand;
import fr.labos.partenariats.schema.profile.RegisterActorCommand;
import fr.labos.partenariats.schema.profile.UpdateActorProfileCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An organisation of the territory. Its contact person lives in the {@link ContactVault}, never in its events. */
@Aggregate
public class Actor {

    @AggregateIdentifier
    private String actorId;
    private boolean contactOnFile;

    protected Actor() {
        // for Axon
    }

    @CommandHandler
    public Actor(RegisterActorCommand command, ContactVault contacts, Clock clock) {
        ActorRules.checkProfile(command.name(), command.type(), command.homeTerritory());
        contacts.store(command.actorId(), command.contact());
        apply(new ActorRegisteredEvent(command.actorId(), command.name().strip(), command.type(),
                command.homeTerritory(), command.themes(), command.sdgs(), command.description(), clock.instant()));
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

    /** Erasure always succeeds, even twice: a person asking to be forgotten must never get an error. */
    @CommandHandler
    public void handle(EraseActorContactCommand command, ContactVault contacts, Clock clock) {
        contacts.erase(actorId);
        if (contactOnFile) {
            apply(new ActorContactErasedEvent(actorId, clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(ActorRegisteredEvent event) {
        actorId = event.actorId();
        contactOnFile = true;
    }

    @EventSourcingHandler
    void on(ActorContactErasedEvent event) {
        contactOnFile = false;
    }
}
