package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.Outcome;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A believable history of introductions between the demo territory's actors, made through matchmaking-service's REST
 * API as its users would: actors asking for partners the matcher proposes, the facilitator of Isère introducing others
 * by hand, then answers, meetings and outcomes, so that every state is there (proposed, half accepted, accepted,
 * declined for each reason, withdrawn, met, missed, follow-up, partnership formed and ended, no fit). Loaded once per
 * data folder (a progress file records it). What is made through the API is dated on the day it is loaded; the lab's
 * earlier year comes as a lab brings it, its spreadsheet of past introductions ({@link #PAST}) sent to
 * {@code POST /api/introductions/past}, with proposals from eleven months back to two, partnerships formed and ended
 * months ago, and introductions left unanswered, hence expired.
 */
final class DemoIntroductions {

    static final String FACILITATOR = "facilitator-isere";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** In the progress file while the history is being loaded: an earlier load stopped before its end. */
    static final String UNDER_WAY = "chargement en cours";
    /** How many steps of a story begun were taken, in its progress entry until it is told whole. */
    private static final String STEPS_DONE = "étapes faites";

    /** Told as each step of a story is taken: its introduction's id and how many steps are done. */
    private interface StoryProgress {
        void made(String introductionId, int stepsDone) throws IOException;
    }

    /**
     * Each story: the actor (demo key), the partner, then its steps: {@code accept-a}, {@code accept-b},
     * {@code decline-b:REASON}, {@code withdraw}, {@code meeting-held}, {@code meeting-missed}, {@code meeting-planned},
     * {@code outcome:OUTCOME[:FORM:CATEGORY]}, {@code remind-b} (the facilitator called the partner) and
     * {@code remind-both} (e-mailed both).
     */
    static final List<List<String>> STORIES = List.of(
            List.of("mobilite-solidaire", "transports-guillot"),
            List.of("mjc-roseaux", "fabrique-numerique"),
            List.of("cpie-vercors", "alpenergie", "accept-a"),
            List.of("habitat-jeunes", "alpes-habitat", "accept-b"),
            List.of("banque-alimentaire", "metropole", "accept-a", "accept-b"),
            List.of("ville-echirolles", "mouvement-associatif-isere", "accept-a", "accept-b", "meeting-planned"),
            List.of("sport-sante-nord-isere", "ville-bourgoin", "decline-b:ALREADY_PARTNERS"),
            List.of("compagnie-treteaux", "ville-vienne", "decline-b:NOT_NOW"),
            List.of("vigie-securite", "transports-guillot", "decline-b:COMPETITOR"),
            List.of("epicerie-campus", "ferme-chambarans", "decline-b:NOT_RELEVANT"),
            List.of("aines-trieves", "covoit-alpes", "accept-a", "decline-b:OTHER"),
            List.of("ressourcerie-nord-isere", "alpenergie", "withdraw"),
            List.of("esat-gresivaudan", "france-active-isere", "accept-a", "accept-b", "meeting-held"),
            List.of("uga", "epicerie-campus", "accept-a", "accept-b", "meeting-missed"),
            List.of("commune-la-mure", "covoit-alpes", "accept-a", "accept-b", "meeting-missed", "meeting-held"),
            List.of("ville-voiron", "caf-isere", "accept-a", "accept-b", "meeting-held", "outcome:FOLLOW_UP_PLANNED"),
            List.of("fabrique-numerique", "alpenergie", "accept-a", "accept-b", "meeting-held", "outcome:NO_FIT"),
            List.of("france-travail", "mobilite-solidaire", "accept-a", "accept-b", "meeting-held",
                    "outcome:PARTNERSHIP_FORMED:CO_PRODUCTION:SKILLS"),
            List.of("cpie-vercors", "departement-isere", "accept-a", "accept-b", "meeting-held",
                    "outcome:FOLLOW_UP_PLANNED", "outcome:PARTNERSHIP_FORMED:RESOURCES:FUNDING"),
            List.of("mjc-roseaux", "ville-echirolles", "accept-a", "accept-b", "meeting-held",
                    "outcome:PARTNERSHIP_FORMED:RESOURCES:PREMISES"),
            List.of("banque-alimentaire", "transports-guillot", "accept-a", "accept-b", "meeting-held",
                    "outcome:PARTNERSHIP_FORMED:RESOURCES:EQUIPMENT", "outcome:PARTNERSHIP_ENDED"),
            List.of("habitat-jeunes", "caf-isere", "accept-a", "accept-b", "meeting-held",
                    "outcome:PARTNERSHIP_FORMED:RESOURCES:FUNDING"),
            List.of("ferme-chambarans", "banque-alimentaire", "accept-a", "accept-b", "meeting-held", "meeting-held",
                    "outcome:PARTNERSHIP_FORMED:POOLING:POOLING"),
            List.of("sport-sante-nord-isere", "aines-trieves", "accept-a", "remind-b"),
            List.of("uga", "fabrique-numerique", "accept-a", "accept-b", "meeting-held", "outcome:FOLLOW_UP_PLANNED"),
            List.of("ville-grenoble", "habitat-jeunes", "accept-a", "accept-b", "remind-both"));

    /**
     * The lab's past year, one introduction each: actor, partner, how many months before the load day it was
     * proposed, then {@code accepted}, {@code accepted+met}, {@code declined:REASON} or {@code unanswered}, then
     * what came of it, two months after the proposal ({@code NO_FIT}, {@code FOLLOW_UP_PLANNED} or
     * {@code PARTNERSHIP_FORMED:FORM:CATEGORY}), and the month after the proposal a partnership ended ({@code ended+N}).
     */
    static final List<List<String>> PAST = List.of(
            List.of("tremplin-insertion", "france-active-isere", "11", "accepted+met", "PARTNERSHIP_FORMED:RESOURCES:FUNDING"),
            List.of("tremplin-insertion", "metropole", "10", "accepted+met", "FOLLOW_UP_PLANNED"),
            List.of("mobilite-solidaire", "ville-voiron", "10", "accepted+met", "PARTNERSHIP_FORMED:CO_PRODUCTION:SKILLS", "ended+7"),
            List.of("fonds-assureur", "ressourcerie-nord-isere", "9", "accepted+met", "PARTNERSHIP_FORMED:RESOURCES:FUNDING", "ended+8"),
            List.of("habitat-jeunes", "departement-isere", "9", "declined:NOT_NOW"),
            List.of("epicerie-campus", "banque-alimentaire", "9", "accepted+met", "PARTNERSHIP_FORMED:POOLING:POOLING"),
            List.of("aines-trieves", "commune-la-mure", "8", "accepted+met", "NO_FIT"),
            List.of("compagnie-treteaux", "mjc-roseaux", "8", "unanswered"),
            List.of("esat-gresivaudan", "alpes-habitat", "8", "accepted+met", "PARTNERSHIP_FORMED:RESOURCES:PREMISES"),
            List.of("cpie-vercors", "uga", "7", "accepted+met", "PARTNERSHIP_FORMED:CO_PRODUCTION:EXPERIMENTATION"),
            List.of("covoit-alpes", "france-travail", "7", "declined:NOT_RELEVANT"),
            List.of("ferme-chambarans", "metropole", "7", "accepted"),
            List.of("sport-sante-nord-isere", "caf-isere", "6", "accepted+met", "FOLLOW_UP_PLANNED"),
            List.of("vigie-securite", "ville-vienne", "6", "unanswered"),
            List.of("mouvement-associatif-isere", "fonds-assureur", "6", "accepted+met", "PARTNERSHIP_FORMED:POSITIONING:ADVOCACY"),
            List.of("ressourcerie-nord-isere", "ville-bourgoin", "5", "accepted+met", "PARTNERSHIP_FORMED:POOLING:EQUIPMENT"),
            List.of("alpenergie", "ville-echirolles", "5", "declined:ALREADY_PARTNERS"),
            List.of("france-active-isere", "mobilite-solidaire", "5", "accepted+met", "NO_FIT"),
            List.of("transports-guillot", "uga", "4", "accepted+met", "FOLLOW_UP_PLANNED"),
            List.of("caf-isere", "aines-trieves", "4", "unanswered"),
            List.of("metropole", "fabrique-numerique", "4", "accepted+met", "PARTNERSHIP_FORMED:RESOURCES:FUNDING"),
            List.of("departement-isere", "mjc-roseaux", "3", "accepted+met", "PARTNERSHIP_FORMED:RESOURCES:FUNDING"),
            List.of("ville-vienne", "habitat-jeunes", "3", "declined:OTHER"),
            List.of("uga", "ville-voiron", "2", "accepted+met"),
            List.of("banque-alimentaire", "ville-echirolles", "2", "unanswered"));

    /** Actors whose member asks the matcher's best partner for them (ACTOR_REQUEST), then the stories above. */
    static final Map<String, String> ASKING_MEMBERS = Map.of(
            "tremplin-insertion", "member-tremplin",
            "mobilite-solidaire", "member-mobilite",
            "fonds-assureur", "member-fonds");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI matchmaking;
    private final LocalAuthServer auth;
    private final Map<String, String> actors;
    private final Map<String, String> tokens = new java.util.HashMap<>();
    private int storiesLeftOut;
    private int pastRecorded;

    DemoIntroductions(URI matchmaking, LocalAuthServer auth, Map<String, String> actorIdsByKey) {
        this.matchmaking = matchmaking;
        this.auth = auth;
        this.actors = actorIdsByKey;
    }

    /** How many stories the last load left out, their two actors having an introduction in progress already. */
    int storiesLeftOut() {
        return storiesLeftOut;
    }

    /**
     * How many of the lab's past introductions ({@link #PAST}) the last load recorded: all of them, or none when an
     * earlier load on the same services had (their ids derive from the pair and the day: a second import finds them).
     */
    int pastRecorded() {
        return pastRecorded;
    }

    /**
     * Loads the history unless the progress file says it was loaded; returns how many introductions it made. Each
     * introduction is written to the progress file as soon as it is made (the file says {@value #UNDER_WAY} until the
     * last), so that a load interrupted (Ctrl-C during the first start, a refusal) goes on from where it stopped at the
     * next start instead of making every introduction again.
     */
    int loadOnce(Path progressFile) throws IOException, InterruptedException {
        ObjectNode made = JSON.createObjectNode();
        if (Files.exists(progressFile)) {
            JsonNode before = JSON.readTree(progressFile.toFile());
            if (!before.path(UNDER_WAY).asBoolean(false)) {
                return 0; // loaded (a file written before the progress was kept item by item says so too)
            }
            made.setAll((ObjectNode) before);
        }
        made.put(UNDER_WAY, true);
        Files.createDirectories(progressFile.toAbsolutePath().getParent());
        awaitActorsKnown(Duration.ofSeconds(90));
        int count = 0;
        for (Map.Entry<String, String> asking : ASKING_MEMBERS.entrySet()) {
            String actor = actors.get(asking.getKey());
            // Keyed apart from the stories' « a→b »: a story may start with the same actor.
            String askedBy = "demande de " + asking.getKey() + "→";
            if (made.propertyStream().anyMatch(field -> field.getKey().startsWith(askedBy))) {
                continue; // asked at an earlier start (its partner then is left out of its partners now)
            }
            JsonNode partners = JSON.readTree(send("GET", "/api/actors/" + actor + "/partners?limit=1", asking.getValue(), null, 200));
            if (partners.isArray() && !partners.isEmpty()) {
                String partner = partners.get(0).path("actorId").asText();
                String id = id(send("POST", "/api/introductions", asking.getValue(), """
                        {"actorId": "%s", "partnerId": "%s", "note": "Votre offre répond à notre besoin : pouvons-nous en parler ?"}"""
                        .formatted(actor, partner), 201));
                made.put(askedBy + partner, id);
                save(made, progressFile);
                count++;
            }
        }
        for (List<String> story : STORIES) {
            String key = story.get(0) + "→" + story.get(1);
            JsonNode before = made.path(key);
            if (before.isTextual()) {
                continue; // told whole at an earlier start
            }
            // Begun at an earlier start: its introduction and the steps it took then.
            String id = tell(story, before.path("id").asText(null), before.path(STEPS_DONE).asInt(0), (introductionId, done) -> {
                made.set(key, JSON.createObjectNode().put("id", introductionId).put(STEPS_DONE, done));
                save(made, progressFile);
            });
            if (id != null) {
                made.put(key, id);
                save(made, progressFile);
                count++;
            } else {
                storiesLeftOut++;
            }
        }
        // The lab's spreadsheet, kept beside the progress file for whoever wants to see what a lab sends.
        String pastFile = pastIntroductionsCsv(today());
        Files.createDirectories(progressFile.toAbsolutePath().getParent());
        Files.writeString(progressFile.toAbsolutePath().getParent().resolve("demo-introductions-passees.csv"),
                "\uFEFF" + pastFile);
        JsonNode imported = JSON.readTree(send("POST", "/api/introductions/past", FACILITATOR, "text/csv", pastFile, 200));
        pastRecorded = imported.path("recorded").asInt();
        made.put("reprise de l'historique", pastRecorded);
        count += pastRecorded;
        made.remove(UNDER_WAY);
        save(made, progressFile);
        return count;
    }

    /** Written whole or not at all (a kill while writing leaves the last file, not half of it). */
    static void save(ObjectNode made, Path progressFile) throws IOException {
        Path written = progressFile.resolveSibling(progressFile.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), made);
        Files.move(written, progressFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The profile events travel through Kafka: wait until the matcher knows every actor of the stories. */
    private void awaitActorsKnown(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        java.util.Set<String> waiting = new java.util.TreeSet<>(ASKING_MEMBERS.keySet());
        STORIES.forEach(story -> waiting.addAll(story.subList(0, 2)));
        PAST.forEach(story -> waiting.addAll(story.subList(0, 2)));
        while (!waiting.isEmpty()) {
            String key = waiting.iterator().next();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(matchmaking.resolve("/api/actors/"
                            + require(key) + "/partners?limit=1")).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + tokens.computeIfAbsent(FACILITATOR, auth::token)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                waiting.remove(key);
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("matchmaking-service does not know the demo actor " + key + " yet");
            } else {
                Thread.sleep(300);
            }
        }
    }

    /**
     * Takes one story's introduction through its steps; null, and nothing written, when the two actors already have
     * an introduction in progress (a lab where someone introduced them before the demo was loaded): a pair in
     * progress is not introduced again, so the story is left out. A story begun at an earlier start ({@code madeId},
     * {@code stepsDone}) goes on from its next step; that step may have been taken just before the start was
     * interrupted, so its refusal as done already (409) counts as taken.
     */
    private String tell(List<String> story, String madeId, int stepsDone, StoryProgress progress)
            throws IOException, InterruptedException {
        String a = require(story.get(0));
        String b = require(story.get(1));
        List<String> steps = story.subList(2, story.size());
        String id = madeId;
        if (id == null) {
            id = propose(story, a, b);
            if (id == null) {
                return null;
            }
            progress.made(id, 0);
        }
        String path = "/api/introductions/" + id;
        for (int i = stepsDone; i < steps.size(); i++) {
            boolean mayBeTaken = madeId != null && i == stepsDone;
            takeStep(path, steps.get(i), a, b, mayBeTaken ? new int[]{204, 409} : new int[]{204});
            progress.made(id, i + 1);
        }
        return id;
    }

    /** The story's proposal; null when the pair already has an introduction in progress. */
    private String propose(List<String> story, String a, String b) throws IOException, InterruptedException {
        String proposal = """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR",
                 "note": "Intermédiation du Labo : vos projets se complètent, je vous propose d'en parler."}"""
                .formatted(a, b);
        HttpResponse<String> proposed = request("POST", "/api/introductions", FACILITATOR, "application/json", proposal);
        if (proposed.statusCode() == 409) {
            System.out.println("Démo : " + story.get(0) + " et " + story.get(1) + " ont déjà une mise en relation en "
                    + "cours, leur histoire n'est pas rejouée");
            return null;
        }
        return id(expect(proposed, "POST", "/api/introductions", 201));
    }

    /** One step of a story; {@code accepted}: the answers taken as done (204, and 409 for a step taken before). */
    private void takeStep(String path, String step, String a, String b, int... accepted)
            throws IOException, InterruptedException {
        String[] parts = step.split(":");
        switch (parts[0]) {
            case "accept-a" -> send("POST", path + "/accept", FACILITATOR, actingFor(a), accepted);
            case "accept-b" -> send("POST", path + "/accept", FACILITATOR, actingFor(b), accepted);
            case "decline-b" -> send("POST", path + "/decline", FACILITATOR, """
                    {"actingFor": "%s", "reason": "%s", "text": "Réponse recueillie par le Labo"}""".formatted(b, parts[1]), accepted);
            case "withdraw" -> send("POST", path + "/withdraw", FACILITATOR, "{\"reason\": \"Projet suspendu\"}", accepted);
            case "meeting-planned" -> meeting(path, Instant.now().plus(Duration.ofDays(10)));
            case "meeting-held", "meeting-missed" -> {
                String meeting = meeting(path, Instant.now().minus(Duration.ofHours(3)));
                send("POST", path + "/meetings/" + meeting + (parts[0].equals("meeting-held") ? "/held" : "/missed"),
                        FACILITATOR, "{\"note\": \"Compte rendu du Labo\"}", accepted);
            }
            case "outcome" -> send("POST", path + "/outcomes", FACILITATOR, parts.length == 4 ? """
                    {"outcome": "%s", "day": "%s", "note": "Suivi du Labo", "form": "%s", "category": "%s"}"""
                    .formatted(parts[1], today(), parts[2], parts[3])
                    : "{\"outcome\": \"%s\", \"day\": \"%s\", \"note\": \"Suivi du Labo\"}".formatted(parts[1], today()), accepted);
            case "remind-b" -> send("POST", path + "/reminders", FACILITATOR, """
                    {"remindedActorId": "%s", "channel": "PHONE", "note": "Réponse promise dans la semaine"}"""
                    .formatted(b), accepted);
            case "remind-both" -> send("POST", path + "/reminders", FACILITATOR,
                    "{\"channel\": \"EMAIL\", \"note\": \"Proposition de dates pour une première rencontre\"}", accepted);
            default -> throw new IllegalStateException("Unknown demo step " + step);
        }
    }

    /**
     * {@link #PAST} as the lab's spreadsheet: the actors by their names (a lab's file knows no ids), French headers and
     * labels, days as French Excel writes them.
     */
    String pastIntroductionsCsv(LocalDate today) {
        Map<String, String> names = new java.util.HashMap<>();
        DemoTerritory.fromClasspath().document().path("actors")
                .forEach(actor -> names.put(actor.path("key").asText(), actor.path("name").asText()));
        java.time.format.DateTimeFormatter french = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        StringBuilder csv = new StringBuilder("acteur;partenaire;proposée le;acceptée le;déclinée le;déclinée par;"
                + "raison du refus;rencontre le;suite;suite le;forme;catégorie;fin du partenariat le;note\r\n");
        for (int i = 0; i < PAST.size(); i++) {
            List<String> story = PAST.get(i);
            // Spread over each month rather than all on the same day of it.
            LocalDate proposed = today.minusMonths(Integer.parseInt(story.get(2))).minusDays(i % 9);
            String answer = story.get(3);
            boolean accepted = answer.startsWith("accepted");
            boolean declined = answer.startsWith("declined");
            String[] outcome = story.size() > 4 ? story.get(4).split(":") : new String[0];
            String ended = story.size() > 5 ? proposed.plusMonths(Integer.parseInt(story.get(5).substring("ended+".length())))
                    .format(french) : "";
            csv.append(String.join(";", names.get(story.get(0)), names.get(story.get(1)), proposed.format(french),
                    accepted ? proposed.plusDays(6).format(french) : "",
                    declined ? proposed.plusDays(9).format(french) : "", declined ? "partenaire" : "",
                    declined ? DeclineReason.valueOf(answer.substring("declined:".length())).label() : "",
                    answer.endsWith("+met") ? proposed.plusDays(20).format(french) : "",
                    outcome.length > 0 ? Outcome.valueOf(outcome[0]).label() : "",
                    outcome.length > 0 ? proposed.plusMonths(2).format(french) : "",
                    outcome.length > 2 ? PartnershipForm.valueOf(outcome[1]).label() : "",
                    outcome.length > 2 ? ResourceCategory.valueOf(outcome[2]).label() : "", ended,
                    "Mise en relation du Labo, reprise de son tableau de suivi")).append("\r\n");
        }
        return csv.toString();
    }

    private String meeting(String path, Instant startsAt) throws IOException, InterruptedException {
        return id(send("POST", path + "/meetings", FACILITATOR,
                "{\"startsAt\": \"%s\", \"place\": \"Maison des associations, Grenoble\"}".formatted(startsAt), 201));
    }

    private String require(String key) {
        String id = actors.get(key);
        if (id == null) {
            throw new IllegalStateException("No demo actor " + key);
        }
        return id;
    }

    private static String actingFor(String actor) {
        return "{\"actingFor\": \"%s\"}".formatted(actor);
    }

    /** Today in the lab's zone (Paris), the day the services' rules take: the demo's days are counted from it. */
    static LocalDate today() {
        return LocalDate.now(LabCalendar.ZONE);
    }

    private static String id(String body) throws IOException {
        return JSON.readTree(body).path("id").asText();
    }

    /** A JSON request whose answer must be one of {@code accepted}; its body. */
    private String send(String method, String path, String account, String body, int... accepted)
            throws IOException, InterruptedException {
        return expect(request(method, path, account, "application/json", body), method, path, accepted);
    }

    private String send(String method, String path, String account, String contentType, String body, int expected)
            throws IOException, InterruptedException {
        return expect(request(method, path, account, contentType, body), method, path, expected);
    }

    private HttpResponse<String> request(String method, String path, String account, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(matchmaking.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.computeIfAbsent(account, auth::token)).header("Accept", "application/json");
        request = body == null ? request.GET()
                : request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(HttpResponse<String> response, String method, String path, int... accepted) {
        if (Arrays.stream(accepted).noneMatch(status -> status == response.statusCode())) {
            throw new IllegalStateException("matchmaking-service refused demo " + method + " " + path + ": "
                    + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
