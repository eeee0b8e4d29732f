package fr.labos.partenariats.profile.post.command;

import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferUpdatedEvent;
import fr.labos.partenariats.schema.profile.OfferWithdrawnEvent;
import fr.labos.partenariats.schema.profile.RegisterOfferCommand;
import fr.labos.partenariats.schema.profile.UpdateOfferCommand;
import fr.labos.partenariats.schema.profile.WithdrawOfferCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An offer (offre) posted by an actor: what it can give to the partners of the territory. */
@Aggregate
public class Offer {

    private static final String KIND = "offer";

    @AggregateIdentifier
    private String offerId;
    private String actorId;
    private PostStatus status;

    protected Offer() {
        // for Axon
    }

    @CommandHandler
    public Offer(RegisterOfferCommand command, ActorRegistry actors, Clock clock) {
        if (!actors.isRegistered(command.actorId())) {
            throw new NotFoundException("not-found.actor", command.actorId());
        }
        PostRules.checkDetails(command.details(), clock);
        apply(new OfferRegisteredEvent(command.offerId(), command.actorId(), command.details(), clock.instant()));
    }

    @CommandHandler
    public void handle(UpdateOfferCommand command, Clock clock) {
        PostRules.checkOwner(actorId, command.actorId(), KIND, offerId);
        PostRules.checkStillOpen(status, KIND, offerId);
        PostRules.checkDetails(command.details(), clock);
        apply(new OfferUpdatedEvent(offerId, actorId, command.details()));
    }

    @CommandHandler
    public void handle(WithdrawOfferCommand command, Clock clock) {
        PostRules.checkOwner(actorId, command.actorId(), KIND, offerId);
        PostRules.checkStillOpen(status, KIND, offerId);
        apply(new OfferWithdrawnEvent(offerId, actorId, command.reason(), clock.instant()));
    }

    @EventSourcingHandler
    void on(OfferRegisteredEvent event) {
        offerId = event.offerId();
        actorId = event.actorId();
        status = PostStatus.OPEN;
    }

    @EventSourcingHandler
    void on(OfferWithdrawnEvent event) {
        status = PostStatus.WITHDRAWN;
    }
}
