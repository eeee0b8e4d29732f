package fr.labos.partenariats.profile.actor.command;

import fr.labos.partenariats.schema.profile.ContactDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Where contact persons (personal data) are kept, apart from the immutable event store so that they can be
 * erased. Writes join the command's transaction: a contact is stored if and only if its event is.
 */
@Component
public class ContactVault {

    private final JdbcTemplate jdbc;

    public ContactVault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void store(String actorId, ContactDetails contact) {
        if (contact == null) {
            return;
        }
        jdbc.update("""
                INSERT INTO actor_contact (actor_id, name, email, phone) VALUES (?, ?, ?, ?)
                ON CONFLICT (actor_id) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone
                """, actorId, contact.name(), contact.email(), contact.phone());
    }

    public Optional<ContactDetails> find(String actorId) {
        return jdbc.query("SELECT name, email, phone FROM actor_contact WHERE actor_id = ?",
                (rs, row) -> new ContactDetails(rs.getString("name"), rs.getString("email"), rs.getString("phone")),
                actorId).stream().findFirst();
    }

    /** Whether a contact person was on file (and is now gone). */
    public boolean erase(String actorId) {
        return jdbc.update("DELETE FROM actor_contact WHERE actor_id = ?", actorId) > 0;
    }
}
