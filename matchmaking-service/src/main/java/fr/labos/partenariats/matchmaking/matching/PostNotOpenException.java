package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.matchmaking.engine.model.PostKind;

/** The need or offer asked for is unknown, withdrawn, fulfilled or expired: it has no matches to show. */
public class PostNotOpenException extends RuntimeException {

    private final PostKind kind;
    private final String postId;

    PostNotOpenException(PostKind kind, String postId) {
        super("No open " + (kind == PostKind.NEED ? "need" : "offer") + " '" + postId
                + "': it is unknown, withdrawn, fulfilled or expired");
        this.kind = kind;
        this.postId = postId;
    }

    public PostKind kind() {
        return kind;
    }

    public String postId() {
        return postId;
    }
}
