package fr.labos.partenariats.profile.access;

import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.platform.security.PersonNames;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.text.Collator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The names of the lab's team — its facilitators and admins — as their own tokens give them (table lab_team_name), so
 * that an organisation's people read who proposed, reminded or withdrew their introduction by name, where the history
 * records a pseudonymous subject. As for members' names ({@link MemberNames}), a name comes only from its person's token
 * and never enters an event.
 * <p>
 * No event says that someone left the team: roles are the identity provider's. So a name is kept while its person keeps
 * coming (its last sighting refreshed at most once a day), goes once that person has not been seen for
 * {@code lab.team-names.forgotten-after} (the history then shows the pseudonym again), and goes at once when that person
 * signs in with another role.
 */
@Component
public class LabTeam {

    /** A sighting refreshes the row at most this often: the console is opened many times a day. */
    private static final Duration SIGHTING_PRECISION = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final PersonNames names;
    private final Clock clock;
    private final Duration forgottenAfter;

    LabTeam(JdbcTemplate jdbc, PersonNames names, Clock clock,
            @Value("${lab.team-names.forgotten-after:P180D}") Duration forgottenAfter) {
        if (forgottenAfter.compareTo(SIGHTING_PRECISION) <= 0) {
            throw new IllegalStateException("lab.team-names.forgotten-after must be longer than a day: " + forgottenAfter);
        }
        this.jdbc = jdbc;
        this.names = names;
        this.clock = clock;
        this.forgottenAfter = forgottenAfter;
    }

    /** One of the team, by the name its token gave and its role then. */
    public record Person(String subject, String name, LabRole role) {
    }

    /**
     * Keeps the name the signed-in facilitator's or admin's token gives, with its role; writes only what changed, and
     * the sighting once a day. Anyone else (a member, a viewer) is of the team no longer: a name kept from an earlier
     * role goes. A token without a name changes nothing (a provider may leave it out of some tokens).
     */
    public void rememberSignedIn(LabPrincipal principal) {
        if (!principal.is(LabRole.FACILITATOR) && !principal.is(LabRole.ADMIN)) {
            jdbc.update("DELETE FROM lab_team_name WHERE subject = ?", principal.subject());
            return;
        }
        Instant now = clock.instant();
        names.current().ifPresent(name -> jdbc.update("""
                INSERT INTO lab_team_name (subject, display_name, role, seen_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (subject) DO UPDATE
                    SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, seen_at = EXCLUDED.seen_at
                    WHERE lab_team_name.display_name <> EXCLUDED.display_name OR lab_team_name.role <> EXCLUDED.role
                       OR lab_team_name.seen_at < ?
                """, principal.subject(), name, principal.role().name(), Timestamp.from(now),
                Timestamp.from(now.minus(SIGHTING_PRECISION))));
    }

    /** The team as the lab knows it today, by name in French order; those not seen for too long are left out. */
    public List<Person> members() {
        Collator french = Collator.getInstance(Locale.FRENCH);
        return jdbc.query("SELECT subject, display_name, role FROM lab_team_name WHERE seen_at >= ?",
                        (rs, row) -> new Person(rs.getString(1), rs.getString(2), LabRole.valueOf(rs.getString(3))),
                        Timestamp.from(clock.instant().minus(forgottenAfter)))
                .stream().sorted(Comparator.comparing(Person::name, french).thenComparing(Person::subject)).toList();
    }

    /**
     * Deletes the name kept for that person at once (an admin honouring a request for erasure, or someone who left the
     * team before the delay ran out); {@code false} if none was kept. A person still of the team is written again at
     * its next visit, as its token gives its name: to keep someone unnamed, the provider leaves {@code name} out.
     */
    public boolean forget(String subject) {
        return jdbc.update("DELETE FROM lab_team_name WHERE subject = ?", subject) > 0;
    }

    /** Deletes the names of those not seen for too long (every hour; {@link #members()} leaves them out meanwhile). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public int forgetThoseNotSeen() {
        return jdbc.update("DELETE FROM lab_team_name WHERE seen_at < ?", Timestamp.from(clock.instant().minus(forgottenAfter)));
    }
}
