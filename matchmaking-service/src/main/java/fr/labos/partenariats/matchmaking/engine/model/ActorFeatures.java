package fr.labos.partenariats.matchmaking.engine.model;

import fr.labos.partenariats.schema.common.ActorType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An actor as the model reads it: its public profile (name and type, null until the profile reaches the projection)
 * and its open needs and offers, which reciprocity looks at. One instance per actor, shared by all its posts, so that
 * a profile update changes every ranking without touching a single post.
 *
 * <p>Not thread-safe on its own: the index that owns it writes it under its write lock and reads it under its read
 * lock.
 */
public final class ActorFeatures {

    private final String id;
    private final int slot;
    private String name;
    private ActorType type;
    private long sequence = -1;
    private int needCategories;
    private int offerCategories;
    private final List<PostFeatures> needs = new ArrayList<>(2);
    private final List<PostFeatures> offers = new ArrayList<>(2);

    /** @param slot a small number the index gives each actor, to keep per-actor values in flat arrays */
    public ActorFeatures(String id, int slot) {
        this.id = id;
        this.slot = slot;
    }

    public int slot() {
        return slot;
    }

    /** The family's ordinal, or -1 while the profile is unknown. */
    public int familyOrdinal() {
        return type == null || name == null ? -1 : type.family().ordinal();
    }

    /** Categories (bit = ordinal) of the actor's needs held by the index, expired ones included. */
    public int needCategories() {
        return needCategories;
    }

    /** Categories (bit = ordinal) of the actor's offers held by the index, expired ones included. */
    public int offerCategories() {
        return offerCategories;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ActorType type() {
        return type;
    }

    public long sequence() {
        return sequence;
    }

    /** Whether the profile has arrived. */
    public boolean isKnown() {
        return name != null && type != null;
    }

    public List<PostFeatures> needs() {
        return Collections.unmodifiableList(needs);
    }

    public List<PostFeatures> offers() {
        return Collections.unmodifiableList(offers);
    }

    /** The profile as it stands now, detached from later changes. */
    public Actor snapshot() {
        return new Actor(id, name, type);
    }

    /** Replaces the profile; ignored when {@code sequence} is older than the one applied. */
    public boolean updateProfile(String name, ActorType type, long sequence) {
        if (sequence < this.sequence) {
            return false;
        }
        this.name = name;
        this.type = type;
        this.sequence = sequence;
        return true;
    }

    public void attach(PostFeatures post) {
        postsOf(post).add(post);
        recountCategories();
    }

    public void detach(PostFeatures post) {
        postsOf(post).remove(post);
        recountCategories();
    }

    private void recountCategories() {
        needCategories = 0;
        for (PostFeatures need : needs) {
            needCategories |= 1 << need.category().ordinal();
        }
        offerCategories = 0;
        for (PostFeatures offer : offers) {
            offerCategories |= 1 << offer.category().ordinal();
        }
    }

    public boolean hasPosts() {
        return !needs.isEmpty() || !offers.isEmpty();
    }

    private List<PostFeatures> postsOf(PostFeatures post) {
        return switch (post.kind()) {
            case NEED -> needs;
            case OFFER -> offers;
        };
    }

    @Override
    public String toString() {
        return "actor " + id + (name == null ? "" : " (" + name + ")");
    }
}
