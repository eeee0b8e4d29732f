package fr.labos.partenariats.profile.actor.api;

import fr.labos.partenariats.schema.common.VisibleText;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.ContactDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

    /**
     * A phone number as people write one in France: digits, grouped by spaces, dots, hyphens or slashes, a {@code +}
     * before an international one, the area code in brackets; at least six digits. Not words: a phone field holding
     * « appelez le soir » is no way to call anyone. Each repetition is separators then one digit, two sets that share
     * nothing: the expression reads any text in one pass, however long.
     */
    static final String PHONE = "\\+?(?:[ .()/-]*[0-9]){6,}[ .()/-]*";

    /** Each value read without the spaces around it, and one left blank as none (not a name made of spaces). */
    record ContactRequest(@Size(max = 200) String name, @Email @Size(max = 320) String email,
                          @Size(max = 40) @Pattern(regexp = PHONE, message = "{lab.contact.phone}") String phone) {

        ContactRequest {
            name = stripped(name);
            email = stripped(email);
            phone = stripped(phone);
        }

        ContactDetails toDetails() {
            return new ContactDetails(name, email, phone);
        }

        /** Never the person in a log line or an exception's message, as {@link ContactDetails} prints it. */
        @Override
        public String toString() {
            return "ContactRequest[redacted]";
        }

        /** A value that shows nothing (no-break or zero-width spaces too) is none: a contact of those only is empty. */
        private static String stripped(String value) {
            return VisibleText.isBlank(value) ? null : value.strip();
        }
    }

    ContactDetails contactDetails() {
        return contact == null ? null : contact.toDetails();
    }
}
