package fr.labos.partenariats.profile.post.command;

import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.schema.profile.FulfilNeedCommand;
import fr.labos.partenariats.schema.profile.NeedFulfilledEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedUpdatedEvent;
import fr.labos.partenariats.schema.profile.NeedWithdrawnEvent;
import fr.labos.partenariats.schema.profile.RegisterNeedCommand;
import fr.labos.partenariats.schema.profile.UpdateNeedCommand;
import fr.labos.partenariats.schema.profile.WithdrawNeedCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A need (besoin) posted by an actor: what it is looking for in a partner. */
@Aggregate
public class Need {

    private static final String KIND = "need";

    @AggregateIdentifier
    private String needId;
    private String actorId;
    private PostStatus status;

    protected Need() {
        // for Axon
    }

    @CommandHandler
    public Need(RegisterNeedCommand command, ActorRegistry actors, Clock clock) {
        if (!actors.isRegistered(command.actorId())) {
            throw new NotFoundException("not-found.actor", command.actorId());
        }
        PostRules.checkDetails(command.details(), clock);
        apply(new NeedRegisteredEvent(command.needId(), command.actorId(), command.details(), clock.instant()));
    }

    @CommandHandler
    public void handle(UpdateNeedCommand command, Clock clock) {
        PostRules.checkOwner(actorId, command.actorId(), KIND, needId);
        PostRules.checkStillOpen(status, KIND, needId);
        PostRules.checkDetails(command.details(), clock);
        apply(new NeedUpdatedEvent(needId, actorId, command.details()));
    }

    @CommandHandler
    public void handle(WithdrawNeedCommand command, Clock clock) {
        PostRules.checkOwner(actorId, command.actorId(), KIND, needId);
        PostRules.checkStillOpen(status, KIND, needId);
        apply(new NeedWithdrawnEvent(needId, actorId, command.reason(), clock.instant()));
    }

    @CommandHandler
    public void handle(FulfilNeedCommand command, Clock clock) {
        PostRules.checkOwner(actorId, command.actorId(), KIND, needId);
        PostRules.checkStillOpen(status, KIND, needId);
        apply(new NeedFulfilledEvent(needId, actorId, command.note(), clock.instant()));
    }

    @EventSourcingHandler
    void on(NeedRegisteredEvent event) {
        needId = event.needId();
        actorId = event.actorId();
        status = PostStatus.OPEN;
    }

    @EventSourcingHandler
    void on(NeedWithdrawnEvent event) {
        status = PostStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(NeedFulfilledEvent event) {
        status = PostStatus.FULFILLED;
    }
}
