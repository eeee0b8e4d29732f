package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data stays with those entitled to it, checked the way a curious user would: every GET operation of both
 * OpenAPI documents is called on every demo object the viewer can name, and no answer holds any demo contact's e-mail.
 * The facilitator of Savoie, who may read the public views too, sees no Isère contact either; the facilitator of
 * Isère does (so the scan would find one if it leaked).
 */
@ExtendWith(SignedInLab.Resolver.class)
class ViewerSeesNoContactTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private static SignedInLab lab;
    private static Map<URI, String> readablePaths;
    private static Set<String> contactEmails;

    @BeforeAll
    static void everyViewerVisibleRequest(SignedInLab signedInLab) throws Exception {
        lab = signedInLab;
        contactEmails = new LinkedHashSet<>();
        lab.demo.document().path("actors").forEach(a -> contactEmails.add(a.path("contact").path("email").asText()));
        assertThat(contactEmails).hasSize(lab.demo.actorCount()).allMatch(e -> e.contains("@"));

        List<Map<String, String>> bindings = bindings();
        readablePaths = new LinkedHashMap<>();
        for (URI service : List.of(lab.profile, lab.matchmaking)) {
            JsonNode paths = JSON.readTree(lab.send("GET", service.resolve("/v3/api-docs"), null, null).body()).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (!path.getValue().has("get") || path.getKey().startsWith("/api/sessions")
                        || path.getKey().endsWith("/export")) {
                    // Every session read and every GDPR export is refused to a viewer (403), which
                    // AuthorizationMatrixTest checks per path; an export per demo actor would also spend the export
                    // allowance of this client address (30 a minute) that the matrix needs.
                    continue;
                }
                List<String> parameters = new ArrayList<>();
                Matcher m = PARAMETER.matcher(path.getKey());
                while (m.find()) {
                    parameters.add(m.group(1));
                }
                int before = readablePaths.size();
                for (Map<String, String> binding : bindings) {
                    if (binding.keySet().containsAll(parameters)) {
                        String concrete = path.getKey();
                        for (String parameter : parameters) {
                            concrete = concrete.replace("{" + parameter + "}", binding.get(parameter));
                        }
                        readablePaths.put(service.resolve(concrete), path.getKey());
                    }
                }
                assertThat(readablePaths.size()).as("demo objects to read with GET " + path.getKey()).isGreaterThan(before);
            }
        }
    }

    @Test
    void theViewerReadsEveryViewerVisibleAnswerAndFindsNoContact() {
        List<String> leaks = new ArrayList<>();
        int read = 0;
        for (URI uri : readablePaths.keySet()) {
            HttpResponse<String> response = lab.send("GET", uri, "viewer", null);
            if (response.statusCode() == 200) {
                read++;
            }
            contactEmails.stream().filter(response.body()::contains).forEach(email -> leaks.add(uri + " → " + email));
        }
        assertThat(leaks).as("contact e-mails in answers to the viewer").isEmpty();
        assertThat(read).as("answers the viewer could read").isGreaterThan(lab.demo.actorCount() * 3);
    }

    @Test
    void aFacilitatorOfAnotherDepartementSeesNoIsereContact() {
        List<String> leaks = new ArrayList<>();
        for (String actorId : lab.loaded.actors().values()) {
            HttpResponse<String> response = lab.send("GET", lab.profile.resolve("/api/actors/" + actorId), "facilitator-savoie", null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            contactEmails.stream().filter(response.body()::contains).forEach(email -> leaks.add(actorId + " → " + email));
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theFacilitatorOfIsereSeesTheContactOfAnIsereActor() {
        String tremplin = lab.actor("tremplin-insertion");
        HttpResponse<String> response = lab.send("GET", lab.profile.resolve("/api/actors/" + tremplin), "facilitator-isere", null);
        assertThat(response.body()).contains("karim.benali@tremplin-insertion.example.org");
    }

    /**
     * Every way to fill the path parameters from the demo territory: per actor and kind, per need or offer, and one
     * introduction of a demo actor.
     */
    private static List<Map<String, String>> bindings() {
        List<Map<String, String>> bindings = new ArrayList<>();
        for (JsonNode actor : lab.demo.document().path("actors")) {
            String actorId = lab.actor(actor.path("key").asText());
            for (String kind : List.of("needs", "offers")) {
                bindings.add(Map.of("actorId", actorId, "kind", kind));
                for (JsonNode post : actor.path(kind)) {
                    String postId = kind.equals("needs") ? lab.loaded.needs().get(post.path("key").asText())
                            : lab.loaded.offers().get(post.path("key").asText());
                    bindings.add(Map.of("actorId", actorId, "kind", kind, "postId", postId,
                            kind.equals("needs") ? "needId" : "offerId", postId));
                }
            }
        }
        // An introduction of a demo actor, for the introduction views, its history, its verification, and the
        // signed heads of the introduction log.
        String introductionId = IntroductionReadFixtures.introductionOf(lab, lab.actor("tremplin-insertion"));
        bindings.add(Map.of("introductionId", introductionId, "id", introductionId, "treeSize", "1"));
        bindings.add(Map.of());
        return bindings;
    }
}
