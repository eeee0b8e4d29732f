package fr.labos.partenariats.matchmaking.projection;

import fr.labos.partenariats.platform.problem.ProblemMessages;
import fr.labos.partenariats.schema.common.FoldedText;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The actors by their name, as a lab's spreadsheets name them: « Ville d'Échirolles », « ville d’echirolles » and
 * « VILLE D'ECHIROLLES » are the same name. Several actors may share one (two « Mission locale » in two towns), so a
 * name gives a list; the imports that use it ask for the id when it is not one.
 */
public final class ActorsByName {

    private final Map<String, List<ActorEntry>> byKey = new HashMap<>();

    private ActorsByName(Collection<ActorEntry> actors) {
        for (ActorEntry actor : actors) {
            if (actor.name() != null && !actor.name().isBlank()) {
                byKey.computeIfAbsent(key(actor.name()), key -> new ArrayList<>()).add(actor);
            }
        }
    }

    /** The names of these actors (those whose profile has not arrived yet have none). */
    public static ActorsByName of(Collection<ActorEntry> actors) {
        return new ActorsByName(actors);
    }

    /** The actors called {@code name}, none when no actor is. */
    public List<ActorEntry> named(String name) {
        return List.copyOf(byKey.getOrDefault(key(name), List.of()));
    }

    /**
     * Why {@code name}, shared by the {@code homonyms}, designates none of them, as both imports say it: the ids of
     * the first five, for the lab to write the one it meant.
     */
    public static String ambiguous(String name, List<ActorEntry> homonyms) {
        List<String> ids = homonyms.stream().map(ActorEntry::id).sorted().toList();
        // The name as the file wrote it, cut: its spaces, which a name's key ignores, could make it a megabyte.
        return homonyms.size() + " acteurs s'appellent « " + ProblemMessages.quote(name) + " » ("
                + String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? ", …" : "")
                + ") : écrivez l'identifiant de celui que vous voulez dire";
    }

    /**
     * A name as compared: lower case, no accents, ligatures written out (« Cœur », « Coeur »), one space between words,
     * one kind of apostrophe.
     */
    public static String key(String name) {
        return FoldedText.fold(name == null ? "" : name.strip()).replace('’', '\'').replaceAll("\\s+", " ");
    }
}
