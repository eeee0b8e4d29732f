package fr.labos.partenariats.profile.actor.api;

import fr.labos.partenariats.profile.domain.ConflictException;

/** Another import of actors holds the lock: this one wrote nothing and may be sent again shortly (a 409 with Retry-After). */
class ImportRunning extends ConflictException {

    ImportRunning() {
        super("conflict.import.running");
    }
}
