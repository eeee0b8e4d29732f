package fr.labos.partenariats.profile.actor.command;

import fr.labos.partenariats.profile.domain.InvalidInputException;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.VisibleText;
import fr.labos.partenariats.schema.profile.ContactDetails;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

/** Invariants of an actor's profile, checked by the aggregate whatever the entry point (REST, import, tests). */
final class ActorRules {
    private ActorRules() {
    }

    static void checkProfile(String name, ActorType type, String homeTerritory) {
        if (VisibleText.isBlank(name)) {
            throw new InvalidInputException("name", "invalid.actor.name");
        }
        if (type == null) {
            throw new InvalidInputException("type", "invalid.actor.type");
        }
        if (homeTerritory == null || !TerritoryDirectory.official().isKnown(TerritoryRef.commune(homeTerritory))) {
            throw new InvalidInputException("homeTerritory", "invalid.actor.home-territory", homeTerritory);
        }
    }

    /**
     * A contact person given is someone: a name, an e-mail or a phone. An empty one ({@code "contact": {}}) would be
     * stored as a row of nothing, read back as {@code {}} where "no contact" is a 404, and erased with an event for
     * nobody.
     */
    static void checkContact(ContactDetails contact) {
        if (contact != null && VisibleText.isBlank(contact.name()) && VisibleText.isBlank(contact.email())
                && VisibleText.isBlank(contact.phone())) {
            throw new InvalidInputException("contact", "invalid.actor.contact-empty");
        }
    }
}
