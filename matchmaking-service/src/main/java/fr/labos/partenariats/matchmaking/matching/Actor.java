package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.schema.common.ActorType;

/** An actor as the model reads it; name and type are null while its profile has not reached the projection. */
public record Actor(String id, String name, ActorType type) {

    static Actor unknown(String id) {
        return new Actor(id, null, null);
    }

    boolean isKnown() {
        return name != null && type != null;
    }
}
