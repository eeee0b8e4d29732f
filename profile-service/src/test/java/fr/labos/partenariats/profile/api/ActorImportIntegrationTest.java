package fr.labos.partenariats.profile.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import javax.sql.DataSource;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/actors/import}: a CSV file as French Excel saves it registers its actors all or none, a second
 * import registers only what is new, every faulty line is named in French and then nothing is written, and only the
 * facilitators of the actors' territories and admins may import.
 */
@ProfileServiceIntegrationTest
class ActorImportIntegrationTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String HEADER = "Nom;Type;Commune;Thèmes;ODD;Description;Contact nom;Contact courriel;Contact téléphone";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DataSource dataSource;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String isere = TestTokens.facilitator("DEPARTEMENT:38").sign();

    @Test
    void aFacilitatorImportsAnExcelFileAndASecondImportRegistersOnlyWhatIsNew() throws Exception {
        String file = String.join("\r\n", HEADER,
                "Ressourcerie du Vercors " + run + ";association;38225;environnement et biodiversité, emploi et insertion;"
                        + "12|ODD 8;Collecte et réemploi;Camille Martin;camille.martin@example.org;04 76 00 00 00",
                "\"Mairie d'Échirolles " + run + "\";MUNICIPALITY;38151;MOBILITY;11;\"Service « mobilité » ; navettes\";;;",
                "Fondation Grenobloise " + run + ";fondation;38185;;;;;;",
                ";;;;;;;;", "");
        long eventsBefore = events();

        ResponseEntity<String> first = importing(isere, utf8WithBom(file));

        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
        JsonNode report = json.readTree(first.getBody());
        assertThat(report.path("actors").asInt()).isEqualTo(3);
        assertThat(report.path("registered").asInt()).isEqualTo(3);
        assertThat(report.path("alreadyRegistered").asInt()).isZero();
        List<Integer> lineNumbers = new ArrayList<>();
        report.path("lines").forEach(line -> lineNumbers.add(line.path("line").asInt()));
        assertThat(lineNumbers).containsExactly(2, 3, 4);
        // A registration event for each actor, and no membership of the importer: it reaches them through its role.
        assertThat(events()).isEqualTo(eventsBefore + 3);

        String vercors = report.path("lines").get(0).path("actorId").asText();
        JsonNode profile = json.readTree(http(isere).get().uri("/api/actors/" + vercors).retrieve().body(String.class));
        assertThat(profile.at("/profile/name").asText()).isEqualTo("Ressourcerie du Vercors " + run);
        assertThat(profile.at("/profile/type").asText()).isEqualTo("ASSOCIATION");
        assertThat(profile.at("/profile/homeTerritory").asText()).isEqualTo("38225");
        assertThat(texts(profile.at("/profile/themes"))).containsExactlyInAnyOrder("EMPLOYMENT_INSERTION", "ENVIRONMENT_BIODIVERSITY");
        assertThat(texts(profile.at("/profile/sdgs"))).containsExactly("8", "12");
        assertThat(profile.at("/contact/email").asText()).as("the importer may read the contact").isEqualTo("camille.martin@example.org");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM actor_membership WHERE actor_id = ?", Long.class, vercors))
                .as("the importer does not join the actors it imports").isZero();
        String echirolles = report.path("lines").get(1).path("actorId").asText();
        JsonNode quoted = json.readTree(http(isere).get().uri("/api/actors/" + echirolles).retrieve().body(String.class));
        assertThat(quoted.at("/profile/name").asText()).isEqualTo("Mairie d'Échirolles " + run);
        assertThat(quoted.at("/profile/description").asText()).isEqualTo("Service « mobilité » ; navettes");

        // The same file again, then with a new line and a name typed differently: only the new actor is registered.
        long eventsAfterFirst = events();
        JsonNode again = json.readTree(importing(isere, utf8WithBom(file)).getBody());
        assertThat(again.path("registered").asInt()).isZero();
        assertThat(again.path("alreadyRegistered").asInt()).isEqualTo(3);
        assertThat(again.path("lines").get(0).path("actorId").asText()).isEqualTo(vercors);
        assertThat(again.path("lines").get(0).path("outcomeLabel").asText()).isEqualTo("déjà inscrit");
        assertThat(events()).isEqualTo(eventsAfterFirst);

        String grown = String.join("\r\n", HEADER,
                "RESSOURCERIE DU VERCORS  " + run + ";association;38225;;;;;;",
                "Épicerie solidaire de Voiron " + run + ";association;38563;alimentation;2;;;;");
        JsonNode third = json.readTree(importing(isere, grown.getBytes(StandardCharsets.UTF_8)).getBody());
        assertThat(third.path("registered").asInt()).isEqualTo(1);
        assertThat(third.path("lines").get(0).path("outcome").asText()).isEqualTo("ALREADY_REGISTERED");
        assertThat(third.path("lines").get(0).path("actorId").asText()).isEqualTo(vercors);
        assertThat(third.path("lines").get(1).path("outcome").asText()).isEqualTo("REGISTERED");
        assertThat(events()).isEqualTo(eventsAfterFirst + 1);
    }

    @Test
    void anActorRenamedAndMovedSinceIsRecognisedAndItsErasedContactStaysErased() throws Exception {
        String file = String.join("\r\n", HEADER,
                "Jardins partagés de Fontaine " + run + ";association;38169;;;;Lucie Girard;lucie.girard@example.org;");
        JsonNode first = json.readTree(importing(isere, utf8WithBom(file)).getBody());
        assertThat(first.path("registered").asInt()).isEqualTo(1);
        String actorId = first.path("lines").get(0).path("actorId").asText();
        RestClient facilitator = http(isere);
        String renamed = "Les Jardins de Sassenage " + run;
        assertThat(facilitator.put().uri("/api/actors/" + actorId).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("name", renamed, "type", "ASSOCIATION",
                        "homeTerritory", "38474")))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(204);
        assertThat(facilitator.delete().uri("/api/actors/" + actorId + "/contact")
                .retrieve().toBodilessEntity().getStatusCode().is2xxSuccessful()).isTrue();
        long events = events();
        long actors = jdbc.queryForObject("SELECT count(*) FROM actor_view", Long.class);

        ResponseEntity<String> again = importing(isere, utf8WithBom(file));

        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(200);
        JsonNode report = json.readTree(again.getBody());
        assertThat(report.path("registered").asInt()).isZero();
        JsonNode line = report.path("lines").get(0);
        assertThat(line.path("outcome").asText()).isEqualTo("ALREADY_REGISTERED");
        assertThat(line.path("actorId").asText()).isEqualTo(actorId);
        assertThat(line.path("name").asText()).as("the actor as it is now").isEqualTo(renamed);
        assertThat(line.path("homeTerritory").asText()).isEqualTo("38474");
        assertThat(events()).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM actor_view", Long.class)).isEqualTo(actors);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM actor_contact WHERE email = 'lucie.girard@example.org'",
                Long.class)).as("the erased contact person is nowhere on file").isZero();
    }

    @Test
    void aFileOfTheThousandActorsAllowedIsImportedWholeAndOneMoreIsRefused() throws Exception {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 1; i <= 1_000; i++) {
            file.append("\r\nAssociation n° ").append(i).append(' ').append(run)
                    .append(";association;38185;emploi et insertion;8;")
                    .append("Accompagnement vers l'emploi des jeunes du quartier, ateliers et parrainage ").append(i)
                    .append(";;;");
        }
        byte[] thousand = utf8WithBom(file.toString());
        assertThat(thousand.length).as("over the 64 KB of other bodies").isGreaterThan(64 * 1024);
        long eventsBefore = events();

        ResponseEntity<String> imported = importing(isere, thousand);

        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
        assertThat(json.readTree(imported.getBody()).path("registered").asInt()).isEqualTo(1_000);
        assertThat(events()).as("the registration of each, no membership of the importer").isEqualTo(eventsBefore + 1_000);

        file.append("\r\nAssociation n° 1001 ").append(run).append(";association;38185;;;;;;");
        ResponseEntity<String> tooMany = importing(isere, utf8WithBom(file.toString()));
        assertThat(tooMany.getStatusCode().value()).as(tooMany.getBody()).isEqualTo(400);
        assertThat(tooMany.getBody()).contains("plus de 1000 acteurs");
        assertThat(events()).isEqualTo(eventsBefore + 1_000);
    }

    @Test
    void everyFaultyLineIsNamedInFrenchAndNothingIsWritten() throws Exception {
        String file = String.join("\n", HEADER,
                "Valide " + run + ";association;38185;;;;;;",
                "Type inconnu " + run + ";club;38185;;;;;;",
                ";association;99999;;;;;;",
                "ODD faux " + run + ";association;38185;mobilité, pêche;18;;Jean Dupont;pas-un-courriel;le soir",
                "Valide " + run + ";entreprise;38185;;;;;;",
                "Ligne 7;;38185;;;;;;",
                "Ligne 8 " + run + ";association;38185;;;;;;",
                "Ligne 9 " + run + ";association;38185;;;;;;",
                "Ligne 10 " + run + ";association;38185;;;;;;",
                "Ligne 11 " + run + ";association;3818;;;;;;");
        long eventsBefore = events();

        ResponseEntity<String> response = importing(isere, file.getBytes(StandardCharsets.UTF_8));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.path("type").asText()).endsWith("/problems/invalid-input");
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText() + " : " + error.path("message").asText()));
        assertThat(fields).containsExactly(
                "ligne 3, type : « club » n'est pas un type d'acteur ; attendu : association, tête de réseau, commune,"
                        + " intercommunalité, département, région, service de l'État, entreprise, fondation,"
                        + " établissement d'enseignement ou de recherche, structure de l'ESS, accompagnateur",
                "ligne 4, commune : « 99999 » n'est pas un code commune INSEE en vigueur",
                "ligne 4, nom : ne doit pas être vide",
                "ligne 5, thèmes : « pêche » n'est pas un thème ; attendu : santé et social, jeunesse et éducation,"
                        + " environnement et biodiversité, énergie et climat, mobilité, emploi et insertion, alimentation,"
                        + " culture, logement, sport, inclusion numérique, âge et handicap, citoyenneté et vie associative,"
                        + " développement économique local",
                "ligne 5, ODD : « 18 » n'est pas un ODD ; attendu : un nombre de 1 à 17",
                "ligne 5, contact courriel : doit être une adresse électronique syntaxiquement correcte",
                "ligne 5, contact téléphone : un numéro de téléphone s'écrit en chiffres (au moins six), groupés par des"
                        + " espaces, points, tirets ou barres obliques, avec un + au début s'il est international",
                "ligne 6, nom : même nom et même commune que la ligne 2",
                "ligne 7, type : le type d'acteur est obligatoire",
                "ligne 11, commune : « 3818 » n'est pas un code commune INSEE en vigueur");
        assertThat(problem.path("detail").asText()).contains("ligne 3, type");
        assertThat(events()).as("no line registered, not even the valid ones").isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM actor_view WHERE document->>'name' LIKE ?", Long.class,
                "%" + run)).isZero();
    }

    @Test
    void aFileThatIsNotAnActorListIsRefusedWithItsReason() throws Exception {
        JsonNode unknownColumn = json.readTree(importing(isere,
                "nom;type;ville\nA;association;38185".getBytes(StandardCharsets.UTF_8)).getBody());
        assertThat(unknownColumn.at("/errors/0/field").asText()).isEqualTo("ligne 1, ville");
        assertThat(unknownColumn.at("/errors/0/message").asText()).startsWith("colonne inconnue ; colonnes possibles : nom, type, commune");
        assertThat(unknownColumn.at("/errors/1/field").asText()).isEqualTo("ligne 1, commune");
        assertThat(unknownColumn.at("/errors/1/message").asText()).isEqualTo("colonne obligatoire absente de la ligne d'en-tête");

        JsonNode empty = json.readTree(importing(isere, BOM).getBody());
        assertThat(empty.at("/errors/0/field").asText()).isEqualTo("fichier");
        JsonNode headerOnly = json.readTree(importing(isere, (HEADER + "\r\n").getBytes(StandardCharsets.UTF_8)).getBody());
        assertThat(headerOnly.at("/errors/0/message").asText()).isEqualTo("aucun acteur sous la ligne d'en-tête");

        ResponseEntity<String> asJson = http(isere).post().uri("/api/actors/import").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"x\"}").retrieve().toEntity(String.class);
        assertThat(asJson.getStatusCode().value()).isEqualTo(415);
        assertThat(asJson.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void aFileSavedByAnOlderExcelInWindows1252ReadsItsAccents() throws Exception {
        String file = "nom;type;commune\r\nAtelier vélo de Fontaine " + run + ";structure de l'ESS;38169\r\n";

        JsonNode report = json.readTree(importing(isere, file.getBytes(Charset.forName("windows-1252"))).getBody());

        assertThat(report.path("registered").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.at("/lines/0/name").asText()).isEqualTo("Atelier vélo de Fontaine " + run);
        String id = report.at("/lines/0/actorId").asText();
        JsonNode profile = json.readTree(http(isere).get().uri("/api/actors/" + id).retrieve().body(String.class));
        assertThat(profile.at("/profile/type").asText()).isEqualTo("SOCIAL_ENTERPRISE");
    }

    /** A Mac's plain « CSV » (Mac Roman) decodes as Windows-1252 without error, « é » as « Ž »: refused, nothing written. */
    @Test
    void aFileInAnotherEncodingIsRefusedRatherThanImportedWithWrongLetters() throws Exception {
        String file = "nom;type;commune\r\nAtelier vélo de Fontaine " + run + ";association;38169\r\n";
        long eventsBefore = events();

        ResponseEntity<String> refused = importing(isere, file.getBytes(Charset.forName("x-MacRoman")));

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(json.readTree(refused.getBody()).at("/errors/0/message").asText())
                .startsWith("le fichier semble enregistré dans un autre encodage (« Ž » (ligne 2)")
                .contains("« CSV UTF-8");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void onlyTheFacilitatorsOfTheActorsTerritoriesAndAdminsImport() throws Exception {
        String file = String.join("\n", "nom;type;commune",
                "Association grenobloise " + run + ";association;38185",
                "Association chambérienne " + run + ";association;73065");
        long eventsBefore = events();

        ResponseEntity<String> fromIsere = importing(isere, file.getBytes(StandardCharsets.UTF_8));
        assertThat(fromIsere.getStatusCode().value()).isEqualTo(403);
        assertThat(json.readTree(fromIsere.getBody()).path("detail").asText())
                .isEqualTo("La ligne 3 nomme une commune hors des territoires que vous animez : aucun acteur n'a été importé.");
        for (String token : List.of(TestTokens.member("some-actor").sign(), TestTokens.viewer().sign())) {
            ResponseEntity<String> refused = importing(token, file.getBytes(StandardCharsets.UTF_8));
            assertThat(refused.getStatusCode().value()).isEqualTo(403);
            assertThat(json.readTree(refused.getBody()).path("detail").asText())
                    .isEqualTo("L'import d'un fichier d'acteurs est réservé aux animateurs du territoire et aux administrateurs.");
        }
        assertThat(importing(null, file.getBytes(StandardCharsets.UTF_8)).getStatusCode().value()).isEqualTo(401);
        assertThat(events()).isEqualTo(eventsBefore);

        ResponseEntity<String> fromBoth = importing(TestTokens.facilitator("REGION:84").sign(), file.getBytes(StandardCharsets.UTF_8));
        assertThat(fromBoth.getStatusCode().value()).as(fromBoth.getBody()).isEqualTo(200);
        assertThat(json.readTree(fromBoth.getBody()).path("registered").asInt()).isEqualTo(2);
        String adminFile = "nom;type;commune\nAssociation lyonnaise " + run + ";association;69123";
        ResponseEntity<String> fromAdmin = importing(TestTokens.admin().sign(), adminFile.getBytes(StandardCharsets.UTF_8));
        assertThat(fromAdmin.getStatusCode().value()).as(fromAdmin.getBody()).isEqualTo(200);
    }

    @Test
    void aFileWrongOnEveryLineIsAnsweredInAFewKilobytes() throws Exception {
        StringBuilder file = new StringBuilder("nom;type;commune");
        while (file.length() < 900 * 1024) {
            file.append("\nA;club;1");
        }
        long eventsBefore = events();

        ResponseEntity<String> response = importing(isere, file.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().length()).as("the answer's size").isLessThan(64 * 1024);
        JsonNode errors = json.readTree(response.getBody()).path("errors");
        assertThat(errors.size()).isEqualTo(102);
        assertThat(errors.get(100).path("message").asText()).isEqualTo("… et 1900 autres erreurs");
        assertThat(errors.get(101).path("message").asText()).isEqualTo("plus de 1000 acteurs : découpez le fichier");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void anImportWhileAnotherIsUnderWayIsRefusedAtOnceWritingNothing() throws Exception {
        String file = "nom;type;commune\nAssociation pendant un autre import " + run + ";association;38185";
        long eventsBefore = events();
        ResponseEntity<String> refused;
        // Another import holds the lock: its key, "LABOS", taken the way an import takes it, in a transaction.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + 0x4c41424f53L + ")");
            }
            try {
                refused = CompletableFuture.supplyAsync(() -> importing(isere, file.getBytes(StandardCharsets.UTF_8)))
                        .get(10, TimeUnit.SECONDS);
            } finally {
                other.rollback();
            }
        }

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(409);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(json.readTree(refused.getBody()).path("detail").asText())
                .isEqualTo("Un autre import d'acteurs est en cours : réessayez dans un instant. Rien n'a été enregistré.");
        assertThat(events()).isEqualTo(eventsBefore);
        ResponseEntity<String> later = importing(isere, file.getBytes(StandardCharsets.UTF_8));
        assertThat(later.getStatusCode().value()).as("once the other import is over").isEqualTo(200);
    }

    private ResponseEntity<String> importing(String token, byte[] file) {
        RestClient.RequestBodySpec request = http(token).post().uri("/api/actors/import").contentType(CSV);
        return request.body(file).retrieve().toEntity(String.class);
    }

    private RestClient http(String token) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {
                });
        if (token != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
        }
        return builder.build();
    }

    private static byte[] utf8WithBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(body, 0, withBom, BOM.length, body.length);
        return withBom;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }
}
