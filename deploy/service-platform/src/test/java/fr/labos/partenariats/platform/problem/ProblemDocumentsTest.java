package fr.labos.partenariats.platform.problem;

import fr.labos.partenariats.platform.testing.RawHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the servlet container refuses on its own (before any servlet) and what Spring MVC refuses are answered with
 * the same problem document, in French unless English is asked for; never an HTML page, never Java text.
 */
@SpringBootTest(classes = ProblemTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lab.limits.rate.enabled=false")
class ProblemDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void aPercentEncodedUtf8QueryValueIsDecoded() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/echo?reason=projet%20report%C3%A9");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("projet reporté");
    }

    @Test
    void aRawNonAsciiCharacterInTheQueryIsAProblemSayingHowToEncodeIt() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/echo?reason=projet%20reporté");
        JsonNode problem = assertProblem(answer, 400);
        assertThat(problem.get("type").asText()).isEqualTo("https://labos-partenariats.fr/problems/malformed-request");
        assertThat(problem.get("detail").asText()).contains("%C3%A9");
    }

    @Test
    void aNulAndAnInvalidByteInThePathAreAProblem() throws Exception {
        assertProblem(RawHttp.get(port, "/api/echo/%00%ff"), 400);
        assertProblem(RawHttp.get(port, new byte[]{'/', 'a', 'p', 'i', '/', (byte) 0xff, (byte) 0x00}), 400);
    }

    @Test
    void aQueryOverEightKilobytesIsAProblem() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/echo?reason=" + "a".repeat(9 * 1024));
        assertThat(answer.status()).isBetween(400, 499);
        assertProblem(answer, answer.status());
    }

    /** A raw byte in the request line stops Tomcat before it reads the headers: that answer can only be French. */
    @Test
    void theContainerProblemIsInEnglishOnRequestOnceTheHeadersAreRead() throws Exception {
        JsonNode problem = assertProblem(RawHttp.get(port, "/api/echo/%00", "Accept-Language: en"), 400);
        assertThat(problem.get("title").asText()).isEqualTo("Malformed request");
    }

    @Test
    void anUnknownRouteAndAWrongMethodAreProblems() throws Exception {
        assertThat(assertProblem(RawHttp.get(port, "/nowhere"), 404).get("title").asText()).isEqualTo("Introuvable");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/echo?reason=x"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void anUnexpectedFailureSaysNothingOfTheCode() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/boom");
        JsonNode problem = assertProblem(answer, 500);
        assertThat(answer.body()).doesNotContain("secret").doesNotContain("Exception").doesNotContain("com.example");
        assertThat(problem.get("title").asText()).isEqualTo("Erreur interne");
    }

    @Test
    void aParameterOfTheWrongTypeIsNamedWithoutJavaText() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/page?number=" + "9".repeat(500));
        JsonNode problem = assertProblem(answer, 400);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("number");
        assertThat(answer.body()).doesNotContain("java.").doesNotContain("9".repeat(81));
    }

    @Test
    void integersAreNotCoercedFromFloatsOrStrings() throws Exception {
        for (String numbers : new String[]{"[8.5]", "[\"8\"]", "[true]"}) {
            HttpResponse<String> response = postJson("{\"title\": \"t\", \"numbers\": " + numbers + "}");
            assertThat(response.statusCode()).as(numbers).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).at("/errors/0/field").asText()).as(numbers).isEqualTo("numbers[0]");
        }
    }

    @Test
    void validationMessagesFollowTheLanguage() throws Exception {
        HttpResponse<String> french = postJson("{\"title\": \"\"}");
        HttpResponse<String> english = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/notes"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(french.body()).at("/errors/0/message").asText()).isEqualTo("ne doit pas être vide");
        assertThat(JSON.readTree(english.body()).at("/errors/0/message").asText()).isEqualTo("must not be blank");
    }

    @Test
    void malformedJsonIsAProblemWithItsPosition() throws Exception {
        HttpResponse<String> response = postJson("{\"title\": ");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("body");
    }

    @Test
    void aParameterGivenTwiceIsQuotedAsItsValues() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/page?number=abc&number=5");
        JsonNode problem = assertProblem(answer, 400);
        assertThat(problem.at("/errors/0/message").asText()).contains("« abc, 5 »");
        assertThat(answer.body()).doesNotContain("[Ljava");
    }

    @Test
    void aKeyGivenTwiceIsRefusedAndNamedNotSilentlyOverwritten() throws Exception {
        int writes = ProblemTestApplication.WRITES.get();
        HttpResponse<String> response = postJson("{\"title\": \"Projet\", \"title\": \"Autre\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("title");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("champ donné deux fois");
        assertThat(ProblemTestApplication.WRITES.get()).isEqualTo(writes);
    }

    @Test
    void aDateTimeFieldSaysItWantsATimeAndItsOffset() throws Exception {
        HttpResponse<String> response = postJson("{\"title\": \"t\", \"startsAt\": \"2026-03-01\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).at("/errors/0");
        assertThat(error.get("field").asText()).isEqualTo("startsAt");
        assertThat(error.get("message").asText()).contains("date et heure avec son fuseau").doesNotContain("une date AAAA-MM-JJ");
    }

    @Test
    void theValuesAFieldAcceptsAreListedWhole() throws Exception {
        HttpResponse<String> response = postJson("{\"title\": \"t\", \"month\": \"JANVIER\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        // Twelve names, longer than the cut that client input gets: the last one is still there.
        assertThat(JSON.readTree(response.body()).at("/errors/0/message").asText())
                .contains("« JANVIER »").contains("JANUARY").endsWith("DECEMBER");
    }

    @Test
    void theDetailSumsUpEveryFieldWhole() throws Exception {
        HttpResponse<String> response = postJson("{\"title\": \"%s\", \"tags\": [\"a\", \"b\", \"c\", \"d\"]}"
                .formatted("t".repeat(201)));
        assertThat(response.statusCode()).isEqualTo(400);
        // Longer than the cut of client input: the detail, shown alone by a page's banner, keeps every field.
        assertThat(JSON.readTree(response.body()).get("detail").asText()).isEqualTo("2 champs sont invalides : "
                + "tags : la taille doit être comprise entre 0 et 3 ; title : la taille doit être comprise entre 0 et 200");
    }

    @Test
    void aSecondValueAfterTheBodysIsRefusedNotDropped() throws Exception {
        int writes = ProblemTestApplication.WRITES.get();
        for (String body : new String[]{"{\"title\": \"A\"}{\"title\": \"B\"}", "{\"title\": \"A\"}\n{\"title\": \"B\"}",
                "{\"title\": \"A\"} 42"}) {
            HttpResponse<String> response = postJson(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body()).at("/errors/0");
            assertThat(error.get("field").asText()).as(body).isEqualTo("body");
            assertThat(error.get("message").asText()).as(body).startsWith("du texte suit la fin du JSON (ligne ");
        }
        assertThat(ProblemTestApplication.WRITES.get()).isEqualTo(writes);
    }

    @Test
    void wellFormedJsonOfAnotherShapeIsSaidByItsShape() throws Exception {
        for (String body : new String[]{"[{\"title\": \"A\"}]", "\"A\"", "42"}) {
            HttpResponse<String> response = postJson(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body()).at("/errors/0");
            assertThat(error.get("field").asText()).as(body).isEqualTo("body");
            assertThat(error.get("message").asText()).as(body).isEqualTo("type de valeur invalide ; attendu : un objet JSON");
        }
    }

    @Test
    void aDateIsNotReadFromANumber() throws Exception {
        int writes = ProblemTestApplication.WRITES.get();
        for (String field : new String[]{"\"day\": 20271231", "\"startsAt\": 1700000000", "\"startsAt\": \"1800000000\""}) {
            HttpResponse<String> response = postJson("{\"title\": \"t\", " + field + "}");
            assertThat(response.statusCode()).as(field).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body()).at("/errors/0");
            assertThat(error.get("field").asText()).as(field).isEqualTo(field.substring(1, field.indexOf('"', 1)));
            assertThat(error.get("message").asText()).as(field).contains(field.startsWith("\"day") ? "une date AAAA-MM-JJ"
                    : "une date et heure avec son fuseau");
        }
        assertThat(ProblemTestApplication.WRITES.get()).isEqualTo(writes);
        assertThat(postJson("{\"title\": \"t\", \"day\": \"2027-12-31\", \"startsAt\": \"2027-12-31T10:00:00Z\"}").statusCode())
                .as("as dates are written").isEqualTo(201);
        assertThat(postJson("{\"title\": \"t\", \"startsAt\": \"2027-12-31T11:00:00.250+01:00\"}").statusCode())
                .as("with an offset and a fraction").isEqualTo(201);
    }

    @Test
    void aFileImportSentWithAnotherTypeSaysWhichTypeItTakes() throws Exception {
        int writes = ProblemTestApplication.WRITES.get();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/imports"))
                .header("Content-Type", "application/vnd.ms-excel")
                .POST(HttpRequest.BodyPublishers.ofString("nom;commune\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("text/csv").doesNotContain("JSON");
        assertThat(ProblemTestApplication.WRITES.get()).isEqualTo(writes);
    }

    @Test
    void aNulCharacterInATextIsRefusedAndNamedBeforeAnythingIsWritten() throws Exception {
        int writes = ProblemTestApplication.WRITES.get();
        HttpResponse<String> title = postJson("{\"title\": \"Wimoov\\u0000 Isère\"}");
        HttpResponse<String> tag = postJson("{\"title\": \"t\", \"tags\": [\"insertion\\u0000\"]}");
        for (HttpResponse<String> response : List.of(title, tag)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).at("/errors/0/message").asText())
                    .isEqualTo("caractère nul (\\u0000) interdit dans un texte");
        }
        assertThat(JSON.readTree(title.body()).at("/errors/0/field").asText()).isEqualTo("title");
        assertThat(JSON.readTree(tag.body()).at("/errors/0/field").asText()).isEqualTo("tags[0]");
        assertThat(ProblemTestApplication.WRITES.get()).isEqualTo(writes);
        // Half of a surrogate pair is no character either (UTF-8 would write it "?"); a whole pair, an emoji, is one.
        HttpResponse<String> half = postJson("{\"title\": \"pourquoi \\udc00\"}");
        assertThat(half.statusCode()).as(half.body()).isEqualTo(400);
        assertThat(JSON.readTree(half.body()).at("/errors/0/message").asText()).startsWith("caractère incomplet");
        assertThat(postJson("{\"title\": \"minibus \\ud83d\\ude90\"}").statusCode()).isEqualTo(201);
        assertThat(ProblemTestApplication.WRITES.get()).isEqualTo(writes + 1);
        // A number is still not a text, and said so (not taken for a NUL).
        HttpResponse<String> number = postJson("{\"title\": 8}");
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(number.body()).at("/errors/0/message").asText())
                .isEqualTo("valeur « 8 » invalide ; attendu : une chaîne de caractères");
        assertThat(postJson("{\"title\": \"Wimoov Isère\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void aNulCharacterInTheQueryIsAMalformedRequest() throws Exception {
        JsonNode problem = assertProblem(RawHttp.get(port, "/api/echo?reason=projet%00report%C3%A9"), 400);
        assertThat(problem.get("type").asText()).isEqualTo("https://labos-partenariats.fr/problems/malformed-request");
        assertThat(problem.get("detail").asText()).contains("caractère nul (%00)");
    }

    /**
     * A form's fields would be read as the query's parameters, past the query's checks: a NUL would reach the command
     * (and fail at the database), and a large chunked form was read before the body's limit could answer.
     */
    @Test
    void aFormBodyIsRefusedBeforeItsFieldsAreReadAndAnEmptyOnePasses() throws Exception {
        int before = ProblemTestApplication.WRITES.get();
        HttpResponse<String> nul = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/notes/n1"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("reason=projet%00report")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(nul.statusCode()).isEqualTo(415);
        assertThat(nul.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(nul.body()).get("detail").asText()).contains("pas de formulaire");
        String large = "reason=" + "a".repeat(70 * 1024);
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofString(large);
        HttpRequest.BodyPublisher unknownLength = new HttpRequest.BodyPublisher() { // sent chunked
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(java.util.concurrent.Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/notes/n1"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method("DELETE", unknownLength).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(415);
        assertThat(ProblemTestApplication.WRITES.get()).as("nothing done").isEqualTo(before);

        HttpResponse<String> empty = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/notes/n1?reason=doublon"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(empty.statusCode()).isEqualTo(204);
        // Neither a length nor chunks: no body at all, whatever type the client names.
        RawHttp.Answer bodiless = RawHttp.get(port, "/api/echo?reason=doublon",
                "Content-Type: application/x-www-form-urlencoded");
        assertThat(bodiless.status()).as(bodiless.body()).isEqualTo(200);
    }

    /**
     * Any multipart type, with parts or none, on any path: refused before Spring's multipart resolver parses it (an empty
     * or boundless one was a 500; parts sent in chunks were read past the body's limit).
     */
    @Test
    void aMultipartBodyOfAnyKindIsRefusedBeforeItIsParsed() throws Exception {
        int before = ProblemTestApplication.WRITES.get();
        for (String type : List.of("multipart/mixed", "multipart/form-data", "Multipart/Related; boundary=x")) {
            RawHttp.Answer bodiless = RawHttp.get(port, "/api/echo?reason=doublon", "Content-Type: " + type);
            JsonNode problem = assertProblem(bodiless, 415);
            assertThat(problem.get("detail").asText()).as(type).contains("pas de formulaire");
        }
        HttpResponse<String> parts = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/notes/n1"))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"reason\""
                        + "\r\n\r\nprojet\r\n--b--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(parts.statusCode()).as(parts.body()).isEqualTo(415);
        assertThat(ProblemTestApplication.WRITES.get()).as("nothing done").isEqualTo(before);
    }

    @Test
    void theDatabaseAwayIsA503ToRetryWhenNothingCommitted() throws Exception {
        for (String failure : List.of("pool-timeout", "rollback", "append-timeout")) {
            RawHttp.Answer answer = RawHttp.get(port, "/api/database?failure=" + failure);
            JsonNode problem = assertProblem(answer, 503);
            assertThat(problem.get("detail").asText()).as(failure).startsWith("La base de données ne répond pas");
            assertThat(answer.body()).doesNotContain("Hikari").doesNotContain("SQL").doesNotContain("INSERT");
            assertThat(answer.headers().get("retry-after")).as(failure).isEqualTo("5");
        }
        // A commit that failed may have committed: never told "nothing was recorded", however it is reported, and
        // even where its cause alone would be a 503 (the same timeout outside a commit: see the test below).
        for (String failure : List.of("commit", "commit-translated", "commit-mapped")) {
            RawHttp.Answer answer = RawHttp.get(port, "/api/database?failure=" + failure);
            assertProblem(answer, 500);
            assertThat(answer.headers()).as(failure).doesNotContainKey("retry-after");
        }
    }

    /** Every service alike, with no mapping of its own: a store timed out, locked or away is a 503 to retry. */
    @Test
    void aStoreBusyOrAwayIsA503ToRetryButADuplicateKeyIsNot() throws Exception {
        for (String failure : List.of("query-timeout", "lock-timeout", "store-away")) {
            RawHttp.Answer answer = RawHttp.get(port, "/api/database?failure=" + failure);
            JsonNode problem = assertProblem(answer, 503);
            assertThat(problem.get("type").asText()).as(failure).endsWith("/service-unavailable");
            assertThat(problem.get("detail").asText()).as(failure)
                    .isEqualTo("Les données ne sont pas accessibles pour le moment ; réessayez sous peu.");
            assertThat(answer.body()).doesNotContain("SQL").doesNotContain("actor_view").doesNotContain("Exception");
            assertThat(answer.headers().get("retry-after")).as(failure).isEqualTo("5");
        }
        JsonNode english = assertProblem(RawHttp.get(port, "/api/database?failure=query-timeout", "Accept-Language: en"), 503);
        assertThat(english.get("detail").asText()).isEqualTo("The data cannot be reached right now; try again shortly.");

        for (String failure : List.of("duplicate", "optimistic-lock")) {
            RawHttp.Answer answer = RawHttp.get(port, "/api/database?failure=" + failure);
            assertThat(assertProblem(answer, 500).get("title").asText()).as(failure).isEqualTo("Erreur interne");
            assertThat(answer.headers()).as(failure).doesNotContainKey("retry-after");
        }
    }

    private HttpResponse<String> postJson(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/notes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static JsonNode assertProblem(RawHttp.Answer answer, int status) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContainIgnoringCase("<html");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("https://labos-partenariats.fr/problems/");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

}
