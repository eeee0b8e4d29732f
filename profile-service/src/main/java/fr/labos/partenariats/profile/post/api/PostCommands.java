package fr.labos.partenariats.profile.post.api;

import fr.labos.partenariats.profile.post.query.PostKind;
import fr.labos.partenariats.schema.profile.PostDetails;
import fr.labos.partenariats.schema.profile.RegisterNeedCommand;
import fr.labos.partenariats.schema.profile.RegisterOfferCommand;
import fr.labos.partenariats.schema.profile.UpdateNeedCommand;
import fr.labos.partenariats.schema.profile.UpdateOfferCommand;
import fr.labos.partenariats.schema.profile.WithdrawNeedCommand;
import fr.labos.partenariats.schema.profile.WithdrawOfferCommand;

/** Picks the command of the right kind, so that needs and offers share one controller. */
final class PostCommands {
    private PostCommands() {
    }

    static Object register(PostKind kind, String postId, String actorId, PostDetails details) {
        return switch (kind) {
            case NEED -> new RegisterNeedCommand(postId, actorId, details);
            case OFFER -> new RegisterOfferCommand(postId, actorId, details);
        };
    }

    static Object update(PostKind kind, String postId, String actorId, PostDetails details) {
        return switch (kind) {
            case NEED -> new UpdateNeedCommand(postId, actorId, details);
            case OFFER -> new UpdateOfferCommand(postId, actorId, details);
        };
    }

    static Object withdraw(PostKind kind, String postId, String actorId, String reason) {
        return switch (kind) {
            case NEED -> new WithdrawNeedCommand(postId, actorId, reason);
            case OFFER -> new WithdrawOfferCommand(postId, actorId, reason);
        };
    }
}
