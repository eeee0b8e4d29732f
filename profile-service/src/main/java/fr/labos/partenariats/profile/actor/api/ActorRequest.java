package fr.labos.partenariats.profile.actor.api;

import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.ContactDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** Body of POST and PUT /api/actors. */
record ActorRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull ActorType type,
        @NotBlank @Size(max = 16) String homeTerritory,
        @Size(max = 32) Set<@NotNull Theme> themes,
        @Size(max = 17) Set<@NotNull Sdg> sdgs,
        @Size(max = 4000) String description,
        @Valid ContactRequest contact) {

    record ContactRequest(@Size(max = 200) String name, @Email @Size(max = 320) String email, @Size(max = 40) String phone) {
        ContactDetails toDetails() {
            return new ContactDetails(name, email, phone);
        }
    }

    ContactDetails contactDetails() {
        return contact == null ? null : contact.toDetails();
    }
}
