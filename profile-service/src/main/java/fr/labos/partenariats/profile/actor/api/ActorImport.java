package fr.labos.partenariats.profile.actor.api;

import fr.labos.partenariats.platform.axon.EventStoreProperties;
import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.profile.access.ActorAccess;
import fr.labos.partenariats.profile.actor.query.ActorProjection;
import fr.labos.partenariats.profile.actor.query.ActorView;
import fr.labos.partenariats.schema.profile.RegisterActorCommand;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Registers the actors of a CSV file, all or none: every line is checked first ({@link ActorCsv}), then every
 * registration is sent in one database transaction, so that a failure half-way leaves nothing behind. An actor
 * registered with the same name at the same commune, now or at any time before, is not registered again: importing
 * a file twice, or a file that grew, registers only what is new.
 * <p>
 * One transaction, so bounded in time: past {@code lab.event-store.longest-transaction} the import stops and rolls
 * back, nothing written ({@link ImportTooLong}, a 503 saying to split the file). The events of a transaction open
 * longer could be given up on by the relay, and never published.
 */
@Component
class ActorImport {

    /**
     * Serialises imports, all of them (not per territory: two facilitators' files may name the same communes): two
     * imports of the same file at once must not both find its actors missing.
     */
    private static final long IMPORT_LOCK = 0x4c41424f53L; // "LABOS"

    private final ActorCsv csv;
    private final CommandGateway commands;
    private final ActorProjection actors;
    private final ActorAccess access;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration longestTransaction;

    ActorImport(Validator validator, CommandGateway commands, ActorProjection actors, ActorAccess access,
                JdbcTemplate jdbc, PlatformTransactionManager transactions, EventStoreProperties eventStore) {
        this.csv = new ActorCsv(validator);
        this.commands = commands;
        this.actors = actors;
        this.access = access;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.longestTransaction = eventStore.longestTransaction();
    }

    /** What an import did, line by line. */
    record Report(int actors, int registered, int alreadyRegistered, List<ImportedLine> lines) {
    }

    /**
     * One line of the file: the actor registered ({@code REGISTERED}, « inscrit ») or found already registered
     * ({@code ALREADY_REGISTERED}, « déjà inscrit »), with its id either way.
     */
    record ImportedLine(int line, String actorId, String name, String homeTerritory, String outcome, String outcomeLabel) {
    }

    Report run(LabPrincipal principal, byte[] file) {
        access.checkMayImport(principal);
        List<ActorCsv.Line> lines = csv.read(file);
        List<Integer> outside = lines.stream().filter(line -> !access.mayRegisterAt(principal, line.actor().homeTerritory()))
                .map(ActorCsv.Line::number).toList();
        if (!outside.isEmpty()) {
            throw new ActionForbiddenException((outside.size() == 1 ? "La ligne " : "Les lignes ")
                    + outside.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + (outside.size() == 1 ? " nomme une commune" : " nomment des communes")
                    + " hors des territoires que vous animez : aucun acteur n'a été importé.");
        }
        return transaction.execute(status -> {
            long started = System.nanoTime();
            // Never waited for: an import holds its connection for its whole transaction, so imports queued behind the
            // lock would each hold one too, and ten of them took the whole pool from every other request. The one
            // that finds the lock taken answers at once, having written nothing, and gives its connection back.
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, IMPORT_LOCK);
            if (!Boolean.TRUE.equals(locked)) {
                throw new ImportRunning();
            }
            Set<String> communes = lines.stream().map(line -> line.actor().homeTerritory()).collect(Collectors.toSet());
            Map<String, ActorView> registered = new HashMap<>();
            // Under any name it held at the commune: an actor renamed (or moved) since an earlier import of the same
            // file is that actor still, and registering it again would duplicate it and bring back the contact
            // person it may have had erased since.
            actors.namesHeldAt(communes).forEach(held ->
                    registered.putIfAbsent(ActorCsv.identity(held.name(), held.homeTerritory()), held.actor()));
            List<ImportedLine> report = new ArrayList<>();
            int created = 0;
            for (ActorCsv.Line line : lines) {
                ActorRequest actor = line.actor();
                ActorView existing = registered.get(ActorCsv.identity(actor.name(), actor.homeTerritory()));
                if (existing != null) {
                    report.add(new ImportedLine(line.number(), existing.id(), existing.name(), existing.homeTerritory(),
                            "ALREADY_REGISTERED", "déjà inscrit"));
                    continue;
                }
                String actorId = UUID.randomUUID().toString();
                commands.sendAndWait(new RegisterActorCommand(actorId, actor.name(), actor.type(), actor.homeTerritory(),
                        actor.themes(), actor.sdgs(), actor.description(), actor.contactDetails()));
                created++;
                report.add(new ImportedLine(line.number(), actorId, actor.name().strip(), actor.homeTerritory(),
                        "REGISTERED", "inscrit"));
                // After each registration, so that the transaction ends at most one command past the bound.
                checkWithinBound(started, report.size(), lines.size());
            }
            checkWithinBound(started, report.size(), lines.size());
            return new Report(lines.size(), created, lines.size() - created, report);
        });
    }

    /** Past the bound, the exception rolls the transaction back: nothing of the file is written. */
    private void checkWithinBound(long started, int done, int lines) {
        if (System.nanoTime() - started > longestTransaction.toNanos()) {
            throw new ImportTooLong(longestTransaction, done, lines);
        }
    }
}
