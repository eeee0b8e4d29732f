package fr.labos.partenariats.matchmaking.engine.model;

import fr.labos.partenariats.schema.common.ActorType;

/** An actor's public profile at the time a result was made; name and type are null while the profile has not arrived. */
public record Actor(String id, String name, ActorType type) {

    public boolean isKnown() {
        return name != null && type != null;
    }
}
