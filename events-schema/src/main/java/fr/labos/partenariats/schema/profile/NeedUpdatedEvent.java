package fr.labos.partenariats.schema.profile;


import org.axonframework.serialization.Revision;

/** An actor changed its need; carries the whole new content. */
@Revision("1")
public record NeedUpdatedEvent(String needId, String actorId, PostDetails details) {
}
