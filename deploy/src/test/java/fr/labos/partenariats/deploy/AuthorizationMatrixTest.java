package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, on every operation of both services' OpenAPI documents: each operation × each kind of caller ×
 * {its own object, another's object} has an expected status in {@link #MATRIX}, and the test asks the running system
 * with real tokens signed by the real local authorization server. An operation that appears in an OpenAPI document
 * without a row in the matrix fails the test, and so does a row for an operation that no longer exists.
 *
 * <p>Callers are named from the point of view of actor A, registered by the demo account {@code member-tremplin}
 * (which thereby became its member, and its manager: « responsable »); actor B is registered by
 * {@code member-mobilite}. Both are in Isère. "own" means every id in the path is A's; "another's" means every id is
 * B's: a member of A acting on B's object is refused, a member of B may. For {@code POST /api/actors}, "own" registers
 * an actor in Isère and "another's" one in Savoie.
 * Every cell acts on objects made for it, so that a cell's success (an erasure, a withdrawal) never changes another's.
 *
 * <p>The plain member of A ({@value #PLAIN_MEMBER}) is a colleague who joined A with an invitation A's registering
 * member made, and so holds the role MEMBER, not MANAGER: it acts for A as A's manager does, but manages none of A's
 * members (inviting, listing and withdrawing invitations, removing another member, naming roles). Every fixture of A
 * its cells act on has it joined that way ({@link #joinAsPlainMember}), and only those: to B it is an outsider.
 */
@ExtendWith(SignedInLab.Resolver.class)
class AuthorizationMatrixTest {

    /**
     * Expected status by operation and object (own / another's), for: anonymous, member of A (its manager), plain
     * member of A, member of B, facilitator of Isère, facilitator of Savoie, viewer, admin. {@code 200c}: 200 with the
     * object's contact person in the body; {@code 200} on a GET: 200 without it (the property-level check).
     */
    static final String MATRIX = """
            # operation                                          object   anon  memberA  plainA   memberB  facIsere  facSavoie  viewer  admin
            POST   /api/actors                                    own      401   201      201      201      201       403        403     201
            POST   /api/actors                                    other    401   201      201      201      403       201        403     201
            # CSV import of actors (facilitators within their territories, admins): own = a file of Isère, other = of Savoie
            POST   /api/actors/import                             own      401   403      403      403      200       403        403     200
            POST   /api/actors/import                             other    401   403      403      403      403       200        403     200
            GET    /api/actors                                    own      401   200      200      200      200       200        200     200
            GET    /api/actors                                    other    401   200      200      200      200       200        200     200
            GET    /api/actors/{actorId}                          own      401   200c     200c     200      200c      200        200     200c
            GET    /api/actors/{actorId}                          other    401   200      200      200c     200c      200        200     200c
            GET    /api/actors/{actorId}/contact                  own      401   200c     200c     403      200c      403        403     200c
            GET    /api/actors/{actorId}/contact                  other    401   403      403      200c     200c      403        403     200c
            # What the caller may do with the actor: every signed-in role asks about itself (the answer's content is
            # MemberRolesIntegrationTest's)
            # The official territorial reference, searched by name or code (public data): every signed-in caller
            GET    /api/territories                               own      401   200      200      200      200       200        200     200
            GET    /api/territories                               other    401   200      200      200      200       200        200     200
            # The lab's team (facilitators, admins) by name, for the history's readers: every signed-in caller
            GET    /api/lab-team                                  own      401   200      200      200      200       200        200     200
            GET    /api/lab-team                                  other    401   200      200      200      200       200        200     200
            # Deleting a name of the team at once (a request for erasure): admins only
            DELETE /api/lab-team/{subject}                        own      401   403      403      403      403       403        403     204
            DELETE /api/lab-team/{subject}                        other    401   403      403      403      403       403        403     204
            GET    /api/actors/{actorId}/permissions              own      401   200      200      200      200       200        200     200
            GET    /api/actors/{actorId}/permissions              other    401   200      200      200      200       200        200     200
            GET    /api/actors/{actorId}/export                   own      401   200c     200c     403      403       403        403     200c
            GET    /api/actors/{actorId}/export                   other    401   403      403      200c     403       403        403     200c
            # Memberships granted in the lab: listed for whoever acts for the actor; the DELETE takes the registering
            # member's own membership away (own: member of A leaving A, another's: member of B leaving B), which for
            # the plain member of A is removing another member: for whoever manages the members only.
            GET    /api/actors/{actorId}/members                  own      401   200      200      403      200       403        403     200
            GET    /api/actors/{actorId}/members                  other    401   403      403      200      200       403        403     200
            DELETE /api/actors/{actorId}/members/{memberSubject}  own      401   204      403      403      204       403        403     204
            DELETE /api/actors/{actorId}/members/{memberSubject}  other    401   403      403      204      204       403        403     204
            # Naming the registering member manager (it is one: 204, nothing written) is for whoever manages the members:
            # the actor's managers do, as the territory's facilitators and admins; its plain member does not.
            PUT    /api/actors/{actorId}/members/{memberSubject}/role  own   401   204      403      403      204       403        403     204
            PUT    /api/actors/{actorId}/members/{memberSubject}/role  other 401   403      403      204      204       403        403     204
            # Invitations to join an actor: whoever manages its members invites, lists them and withdraws one (a fresh
            # one per cell); a plain member, who acts for the actor, does none of it
            POST   /api/actors/{actorId}/invitations              own      401   201      403      403      201       403        403     201
            POST   /api/actors/{actorId}/invitations              other    401   403      403      201      201       403        403     201
            GET    /api/actors/{actorId}/invitations              own      401   200      403      403      200       403        403     200
            GET    /api/actors/{actorId}/invitations              other    401   403      403      200      200       403        403     200
            DELETE /api/actors/{actorId}/invitations/{invitationId}  own   401   204      403      403      204       403        403     204
            DELETE /api/actors/{actorId}/invitations/{invitationId}  other 401   403      403      204      204       403        403     204
            PUT    /api/actors/{actorId}                          own      401   204      204      403      204       403        403     204
            PUT    /api/actors/{actorId}                          other    401   403      403      204      204       403        403     204
            DELETE /api/actors/{actorId}/contact                  own      401   204      204      403      204       403        403     204
            DELETE /api/actors/{actorId}/contact                  other    401   403      403      204      204       403        403     204
            POST   /api/actors/{actorId}/{kind}                   own      401   201      201      403      201       403        403     201
            POST   /api/actors/{actorId}/{kind}                   other    401   403      403      201      201       403        403     201
            GET    /api/actors/{actorId}/{kind}                   own      401   200      200      200      200       200        200     200
            GET    /api/actors/{actorId}/{kind}                   other    401   200      200      200      200       200        200     200
            GET    /api/actors/{actorId}/{kind}/{postId}          own      401   200      200      200      200       200        200     200
            GET    /api/actors/{actorId}/{kind}/{postId}          other    401   200      200      200      200       200        200     200
            PUT    /api/actors/{actorId}/{kind}/{postId}          own      401   204      204      403      204       403        403     204
            PUT    /api/actors/{actorId}/{kind}/{postId}          other    401   403      403      204      204       403        403     204
            DELETE /api/actors/{actorId}/{kind}/{postId}          own      401   204      204      403      204       403        403     204
            DELETE /api/actors/{actorId}/{kind}/{postId}          other    401   403      403      204      204       403        403     204
            POST   /api/actors/{actorId}/{kind}/{postId}/withdrawal own    401   204      204      403      204       403        403     204
            POST   /api/actors/{actorId}/{kind}/{postId}/withdrawal other  401   403      403      204      204       403        403     204
            POST   /api/actors/{actorId}/needs/{needId}/fulfilment own     401   204      204      403      204       403        403     204
            POST   /api/actors/{actorId}/needs/{needId}/fulfilment other   401   403      403      204      204       403        403     204
            GET    /api/needs/{needId}/matches                    own      401   200      200      200      200       200        200     200
            GET    /api/needs/{needId}/matches                    other    401   200      200      200      200       200        200     200
            GET    /api/offers/{offerId}/matches                  own      401   200      200      200      200       200        200     200
            GET    /api/offers/{offerId}/matches                  other    401   200      200      200      200       200        200     200
            GET    /api/actors/{actorId}/partners                 own      401   200      200      200      200       200        200     200
            GET    /api/actors/{actorId}/partners                 other    401   200      200      200      200       200        200     200
            # Introduction views and dashboards: an introduction's timeline and an actor's inbox for its (either side's)
            # members, its territory's facilitators and admins; the dashboards, aggregates without names, for every role.
            # An introduction is a 404 to whoever may not read it, as an unknown one is (its id may be derived from its
            # two actors: a 403 would confirm they were introduced); an inbox, of a public actor, a 403.
            GET    /api/introductions/{introductionId}            own      401   200      200      404      200       404        404     200
            GET    /api/introductions/{introductionId}            other    401   404      404      200      200       404        404     200
            GET    /api/actors/{actorId}/introductions            own      401   200      200      403      200       403        403     200
            GET    /api/actors/{actorId}/introductions            other    401   403      403      200      200       403        403     200
            # The follow-up list: facilitators (the introductions of their territories) and admins
            GET    /api/introductions                             own      401   403      403      403      200       200        403     200
            GET    /api/introductions                             other    401   403      403      403      200       200        403     200
            GET    /api/introductions.csv                         own      401   403      403      403      200       200        403     200
            GET    /api/introductions.csv                         other    401   403      403      403      200       200        403     200
            GET    /api/dashboard/funnel                          own      401   200      200      200      200       200        200     200
            GET    /api/dashboard/funnel                          other    401   200      200      200      200       200        200     200
            GET    /api/dashboard/territories                     own      401   200      200      200      200       200        200     200
            GET    /api/dashboard/territories                     other    401   200      200      200      200       200        200     200
            GET    /api/dashboard/family-pairs                    own      401   200      200      200      200       200        200     200
            GET    /api/dashboard/family-pairs                    other    401   200      200      200      200       200        200     200
            GET    /api/dashboard/categories                      own      401   200      200      200      200       200        200     200
            GET    /api/dashboard/categories                      other    401   200      200      200      200       200        200     200
            GET    /api/dashboard/sdgs                            own      401   200      200      200      200       200        200     200
            GET    /api/dashboard/sdgs                            other    401   200      200      200      200       200        200     200
            GET    /api/dashboard/periods                         own      401   200      200      200      200       200        200     200
            GET    /api/dashboard/periods                         other    401   200      200      200      200       200        200     200
            GET    /api/dashboard/delays                          own      401   200      200      200      200       200        200     200
            GET    /api/dashboard/delays                          other    401   200      200      200      200       200        200     200
            # Introductions, write side (IntroductionCells): own acts for A, another's for B; withdrawal is the proposer's
            # or an admin's (A's own proposal was made by A's registering member, not by its plain member).
            POST   /api/introductions                             own      401   201      201      403      201       403        403     201
            POST   /api/introductions                             other    401   403      403      201      201       403        403     201
            POST   /api/introductions/{introductionId}/accept     own      401   204      204      403      204       404        404     204
            POST   /api/introductions/{introductionId}/accept     other    401   403      404      204      204       404        404     204
            POST   /api/introductions/{introductionId}/decline    own      401   204      204      403      204       404        404     204
            POST   /api/introductions/{introductionId}/decline    other    401   403      404      204      204       404        404     204
            POST   /api/introductions/{introductionId}/withdraw   own      401   204      403      403      403       404        404     204
            POST   /api/introductions/{introductionId}/withdraw   other    401   403      404      204      403       404        404     204
            POST   /api/introductions/{introductionId}/meetings   own      401   201      201      403      201       404        404     201
            POST   /api/introductions/{introductionId}/meetings   other    401   403      404      201      201       404        404     201
            POST   /api/introductions/{introductionId}/meetings/{meetingId}/held   own    401  204  204  403  204  404  404  204
            POST   /api/introductions/{introductionId}/meetings/{meetingId}/held   other  401  403  404  204  204  404  404  204
            POST   /api/introductions/{introductionId}/meetings/{meetingId}/missed own    401  204  204  403  204  404  404  204
            POST   /api/introductions/{introductionId}/meetings/{meetingId}/missed other  401  403  404  204  204  404  404  204
            POST   /api/introductions/{introductionId}/outcomes   own      401   204      204      403      204       404        404     204
            POST   /api/introductions/{introductionId}/outcomes   other    401   403      404      204      204       404        404     204
            # A facilitator's reminder (own: A reminded, another's: B): those who run the territory's introductions, not
            # their sides
            POST   /api/introductions/{introductionId}/reminders  own      401   403      403      403      204       404        404     204
            POST   /api/introductions/{introductionId}/reminders  other    401   403      404      403      204       404        404     204
            # web console: the caller's own organisations; the live stream of events (its JSON form: the latest ones)
            GET    /api/me/actors                                 own      401   200      200      200      200       200        200     200
            GET    /api/me/actors                                 other    401   200      200      200      200       200        200     200
            # Joining an actor with the code of an invitation to it (own: a fresh actor of A's member, which the plain
            # member of A joined too, as every fixture of A; another's: of B's): whoever acts for it already (its
            # member, a facilitator of its territory, an admin) gets a 409, a viewer may not join (403), every other
            # account becomes its member
            POST   /api/me/actors                                 own      401   409      409      201      409       201        403     409
            POST   /api/me/actors                                 other    401   201      201      409      409       201        403     409
            GET    /api/live                                      own      401   200      200      200      200       200        200     200
            GET    /api/live                                      other    401   200      200      200      200       200        200     200
            # Batch proposals of the matcher (facilitators within their territories, admins): own = Isère, other = Savoie
            POST   /api/introductions/batch                       own      401   403      403      403      200       403        403     200
            POST   /api/introductions/batch                       other    401   403      403      403      403       200        403     200
            # A lab's past introductions from its spreadsheet (facilitators within their territories, admins): own = a
            # file of two actors of Isère, other = of Savoie; the second 200 of a row finds the line recorded already.
            POST   /api/introductions/past                        own      401   403      403      403      200       403        403     200
            POST   /api/introductions/past                        other    401   403      403      403      403       200        403     200
            # Speed-meeting sessions (SessionCells): sessions in Isère with A and B; own acts for A, another's for B.
            POST   /api/sessions                                  own      401   403      403      403      201       403        403     201
            POST   /api/sessions                                  other    401   403      403      403      403       201        403     201
            POST   /api/sessions/{sessionId}/participants         own      401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/participants         other    401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/participants/import  own      401   403      403      403      200       403        403     200
            POST   /api/sessions/{sessionId}/participants/import  other    401   403      403      403      200       403        403     200
            DELETE /api/sessions/{sessionId}/participants/{actorId} own    401   403      403      403      204       403        403     204
            DELETE /api/sessions/{sessionId}/participants/{actorId} other  401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/wishes               own      401   204      204      403      204       403        403     204
            POST   /api/sessions/{sessionId}/wishes               other    401   403      403      204      204       403        403     204
            DELETE /api/sessions/{sessionId}/wishes/{actorId}/{wishedActorId} own   401  204  204  403  204  403  403  204
            DELETE /api/sessions/{sessionId}/wishes/{actorId}/{wishedActorId} other 401  403  403  204  204  403  403  204
            POST   /api/sessions/{sessionId}/schedule/generate    own      401   403      403      403      200       403        403     200
            POST   /api/sessions/{sessionId}/schedule/generate    other    401   403      403      403      200       403        403     200
            POST   /api/sessions/{sessionId}/schedule/publish     own      401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/schedule/publish     other    401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/check-ins            own      401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/check-ins            other    401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/absences             own      401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/absences             other    401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/late-arrivals        own      401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/late-arrivals        other    401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/rounds/{round}/start own      401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/rounds/{round}/start other    401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/close                own      401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/close                other    401   403      403      403      204       403        403     204
            GET    /api/sessions                                  own      401   403      403      403      200       200        403     200
            GET    /api/sessions                                  other    401   403      403      403      200       200        403     200
            # The sessions one's actors take part in (a member's): every signed-in caller, each told of its own.
            GET    /api/me/sessions                               own      401   200      200      200      200       200        200     200
            GET    /api/me/sessions                               other    401   200      200      200      200       200        200     200
            GET    /api/sessions/{sessionId}                      own      401   403      403      403      200       403        403     200
            GET    /api/sessions/{sessionId}                      other    401   403      403      403      200       403        403     200
            POST   /api/sessions/{sessionId}/schedule/adjustments own      401   403      403      403      200       403        403     200
            POST   /api/sessions/{sessionId}/schedule/adjustments other    401   403      403      403      200       403        403     200
            POST   /api/sessions/{sessionId}/tables-lost          own      401   403      403      403      204       403        403     204
            POST   /api/sessions/{sessionId}/tables-lost          other    401   403      403      403      204       403        403     204
            GET    /api/sessions/{sessionId}/schedule             own      401   200      200      200      200       403        403     200
            GET    /api/sessions/{sessionId}/schedule             other    401   200      200      200      200       403        403     200
            GET    /api/sessions/{sessionId}/pair-weights         own      401   403      403      403      200       403        403     200
            GET    /api/sessions/{sessionId}/pair-weights         other    401   403      403      403      200       403        403     200
            GET    /api/sessions/{sessionId}/schedule.csv         own      401   403      403      403      200       403        403     200
            GET    /api/sessions/{sessionId}/schedule.csv         other    401   403      403      403      200       403        403     200
            GET    /api/sessions/{sessionId}/participants/{actorId}/calendar.ics own   401  200  200  403  200  403  403  200
            GET    /api/sessions/{sessionId}/participants/{actorId}/calendar.ics other 401  403  403  200  200  403  403  200
            GET    /api/sessions/{sessionId}/print                own      401   403      403      403      200       403        403     200
            GET    /api/sessions/{sessionId}/print                other    401   403      403      403      200       403        403     200
            # Introductions' history (HistoryCells): own is A's introduction with a Savoie actor, another's B's with it.
            GET    /api/introductions/{id}/history                own      401   200      200      404      200       200        404     200
            GET    /api/introductions/{id}/history                other    401   404      404      200      200       200        404     200
            GET    /api/introductions/{id}/verification           own      401   200      200      404      200       200        404     200
            GET    /api/introductions/{id}/verification           other    401   404      404      200      200       200        404     200
            GET    /api/introduction-log/head                     own      401   200      200      200      200       200        200     200
            GET    /api/introduction-log/head                     other    401   200      200      200      200       200        200     200
            GET    /api/introduction-log/heads/{treeSize}         own      401   200      200      200      200       200        200     200
            GET    /api/introduction-log/heads/{treeSize}         other    401   200      200      200      200       200        200     200
            GET    /api/introduction-log/inclusion                own      401   200      200      200      200       200        200     200
            GET    /api/introduction-log/inclusion                other    401   200      200      200      200       200        200     200
            GET    /api/introduction-log/consistency              own      401   200      200      200      200       200        200     200
            GET    /api/introduction-log/consistency              other    401   200      200      200      200       200        200     200
            GET    /api/introduction-log/public-key               own      401   200      200      200      200       200        200     200
            GET    /api/introduction-log/public-key               other    401   200      200      200      200       200        200     200
            """;

    /**
     * The demo account of the column "plain member of A": a colleague with an account of its own, which the matrix makes
     * join the fixtures of A. An account of its own, not {@code member-newcomer} nor {@code member-fonds}: the other
     * tests sharing the lab expect those to belong to no organisation, and to their demo one only.
     */
    static final String PLAIN_MEMBER = "member-colleague";

    /** The columns of {@link #MATRIX}, as demo accounts ({@code null}: no token at all). */
    static final List<String> CALLERS = Arrays.asList(null, "member-tremplin", PLAIN_MEMBER,
            "member-mobilite", "facilitator-isere", "facilitator-savoie", "viewer", "admin");
    static final List<String> CALLER_NAMES = List.of("anonymous", "member of A", "plain member of A", "member of B",
            "facilitator of Isère", "facilitator of Savoie", "viewer", "admin");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROW = Pattern.compile("^(GET|POST|PUT|DELETE|PATCH)\\s+(\\S+)\\s+(own|other)\\s+(.+)$");

    static final String ISERE_ACTOR = """
            {"name": "%s", "type": "ASSOCIATION", "homeTerritory": "38185", "themes": ["EMPLOYMENT_INSERTION"],
             "sdgs": [8], "description": "Association de la matrice des droits",
             "contact": {"name": "Contact Matrice", "email": "%s", "phone": "04 65 71 09 99"}}""";
    static final String SAVOIE_ACTOR = """
            {"name": "Association savoyarde de la matrice", "type": "ASSOCIATION", "homeTerritory": "73065",
             "themes": ["EMPLOYMENT_INSERTION"], "sdgs": [8], "description": "Association de Chambéry"}""";
    static final String NEED = """
            {"category": "FUNDING", "form": "RESOURCES", "title": "Financer l'accompagnement vers l'emploi",
             "description": "Un financeur pour accompagner vingt personnes vers l'emploi", "themes": ["EMPLOYMENT_INSERTION"],
             "sdgs": [8], "territory": {"code": "38", "level": "DEPARTEMENT"}}""";
    static final String OFFER = """
            {"category": "FUNDING", "form": "RESOURCES", "title": "Subventions pour l'insertion professionnelle",
             "description": "Des subventions pour les structures qui accompagnent vers l'emploi", "themes": ["EMPLOYMENT_INSERTION"],
             "sdgs": [8], "territory": {"code": "38", "level": "DEPARTEMENT"}}""";

    private static SignedInLab lab;
    private static Map<String, URI> operations;
    private static Fixture ownShared;
    private static Fixture othersShared;
    /** Two actors of Savoie, for the lab's past introductions out of the Isère facilitator's reach. */
    private static List<String> savoie;

    /** The ids a cell acts on: an actor with a need (and an offer, or null), registered by its member. */
    record Fixture(String actorId, String needId, String offerId, String contactEmail) {
    }

    @BeforeAll
    static void readTheOpenApiDocuments(SignedInLab signedInLab) throws Exception {
        lab = signedInLab;
        operations = new LinkedHashMap<>();
        for (URI service : List.of(lab.profile, lab.matchmaking)) {
            HttpResponse<String> docs = lab.send("GET", service.resolve("/v3/api-docs"), null, null);
            assertThat(docs.statusCode()).as("the OpenAPI document is public: " + docs.body()).isEqualTo(200);
            JsonNode paths = JSON.readTree(docs.body()).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                        operations.put(method.toUpperCase() + " " + path.getKey(), service);
                    }
                });
            }
        }
        ownShared = fixture("member-tremplin", "shared-a", true);
        joinAsPlainMember(lab, ownShared.actorId());
        othersShared = fixture("member-mobilite", "shared-b", true);
        savoie = List.of(lab.create("/api/actors", "admin", SAVOIE_ACTOR), lab.create("/api/actors", "admin", SAVOIE_ACTOR));
        // Rankings answer 404 for a post they have not seen yet: wait until both actors' posts are there.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                Stream.of(ownShared, othersShared).allMatch(o ->
                        lab.send("GET", lab.matchmaking.resolve("/api/needs/" + o.needId() + "/matches"), "admin", null).statusCode() == 200
                                && lab.send("GET", lab.matchmaking.resolve("/api/offers/" + o.offerId() + "/matches"), "admin", null).statusCode() == 200)
                        && savoie.stream().allMatch(actor -> lab.send("GET", lab.matchmaking.resolve("/api/actors/" + actor
                        + "/partners?limit=1"), "admin", null).statusCode() == 200)
                        && plainMemberActsInMatchmaking(lab, ownShared.actorId()));
    }

    @Test
    void everyOperationOfTheOpenApiDocumentsHasItsRowsAndEveryRowItsOperation() {
        Set<String> inMatrix = new TreeSet<>();
        rows().forEach(row -> inMatrix.add(row.operation()));
        assertThat(new TreeSet<>(operations.keySet())).as("operations of the OpenAPI documents without a row in the matrix")
                .isSubsetOf(inMatrix);
        assertThat(inMatrix).as("rows of the matrix for operations that no longer exist").isSubsetOf(operations.keySet());
        for (String operation : inMatrix) {
            assertThat(rows().stream().filter(r -> r.operation().equals(operation)).map(Row::object))
                    .as(operation).containsExactlyInAnyOrder("own", "other");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheExpectedStatusOnEveryOperation() {
        return rows().stream().filter(row -> operations.containsKey(row.operation())).flatMap(row -> {
            List<DynamicTest> cells = new ArrayList<>();
            for (int caller = 0; caller < CALLERS.size(); caller++) {
                String account = CALLERS.get(caller);
                String expected = row.expected().get(caller);
                cells.add(DynamicTest.dynamicTest(row.operation() + " on " + (row.object().equals("own") ? "A's" : "B's")
                        + " object as " + CALLER_NAMES.get(caller) + " → " + expected, () -> check(row, account, expected)));
            }
            return cells.stream();
        });
    }

    @Test
    void aMemberCannotReachAnotherActorsNeedThroughItsOwnActorsPath() throws Exception {
        Fixture mine = fixture("member-tremplin", "a", false);
        Fixture theirs = fixture("member-mobilite", "b", false);
        String smuggled = "/api/actors/" + mine.actorId() + "/needs/" + theirs.needId();
        for (String[] request : List.of(new String[]{"GET", smuggled, null}, new String[]{"PUT", smuggled, NEED.replace("Financer", "Titre détourné :")},
                new String[]{"DELETE", smuggled, null},
                new String[]{"POST", smuggled + "/fulfilment", "{\"note\": \"financé\"}"})) {
            HttpResponse<String> response = lab.send(request[0], lab.profile.resolve(request[1]), "member-tremplin", request[2]);
            assertThat(response.statusCode()).as(request[0] + " " + request[1] + ": " + response.body()).isEqualTo(404);
        }
        HttpResponse<String> need = lab.send("GET", lab.profile.resolve("/api/actors/" + theirs.actorId() + "/needs/"
                + theirs.needId()), "member-mobilite", null);
        assertThat(JSON.readTree(need.body()).path("status").asText()).as(need.body()).isEqualTo("OPEN");
        assertThat(JSON.readTree(need.body()).path("details").path("title").asText()).isEqualTo(JSON.readTree(NEED).path("title").asText());
    }

    private static void check(Row row, String account, String expected) {
        // Reads share two fixtures; a write gets fresh ones, made only when its path names an object. The plain member
        // of A joins the fresh fixture of A its own cell acts on (the shared ones, once).
        boolean own = row.object().equals("own");
        boolean plainMemberOfA = own && PLAIN_MEMBER.equals(account);
        if (HistoryCells.handles(row.path())) {
            expect(row, account, expected, HistoryCells.prepare(lab, row.path(), own), null, null);
            return;
        }
        if (IntroductionCells.handles(row.path())) {
            IntroductionCells.Cell cell = IntroductionCells.prepare(lab, row.path(), own, plainMemberOfA);
            expect(row, account, expected, cell.path(), cell.body(), null);
            return;
        }
        if (SessionCells.handles(row.path())) {
            IntroductionCells.Cell cell = SessionCells.prepare(lab, row.path(), own, expected);
            expect(row, account, expected, cell.path(), cell.body(), null, cell.contentType());
            return;
        }
        if (row.operation().equals("DELETE /api/lab-team/{subject}")) {
            // A facilitator of the demo, named by its visit (own: Isère's, another's: Savoie's); its next visit names it
            // again after the cell, as the other tests of the lab expect (LabTeamIntegrationTest checks the deletion).
            String facilitator = own ? "facilitator-isere" : "facilitator-savoie";
            Answers.expect(lab.send("GET", lab.profile.resolve("/api/me/actors"), facilitator, null), 200);
            expect(row, account, expected, "/api/lab-team/" + lab.subjectOf(facilitator), null, null);
            Answers.expect(lab.send("GET", lab.profile.resolve("/api/me/actors"), facilitator, null), 200);
            return;
        }
        if (row.operation().equals("POST /api/me/actors")) {
            String owner = own ? "member-tremplin" : "member-mobilite";
            String actorId = fixture(owner, own ? "a" : "b", false).actorId();
            if (plainMemberOfA) {
                joinAsPlainMember(lab, actorId);
            }
            String code = invitationTo(actorId, owner).path("code").asText();
            expect(row, account, expected, row.path(), "{\"invitationCode\": \"" + code + "\"}", null);
            return;
        }
        boolean fresh = !row.method().equals("GET") && row.path().contains("{");
        Fixture target = fresh ? fixture(own ? "member-tremplin" : "member-mobilite", own ? "a" : "b", false)
                : own ? ownShared : othersShared;
        boolean joined = fresh && plainMemberOfA;
        if (joined) {
            joinAsPlainMember(lab, target.actorId());
        }
        String path = row.path()
                .replace("{actorId}", target.actorId())
                .replace("{kind}", "needs")
                .replace("{postId}", target.needId())
                .replace("{needId}", target.needId())
                .replace("{offerId}", String.valueOf(target.offerId()));
        if (path.contains("{introductionId}")) {
            path = path.replace("{introductionId}", IntroductionReadFixtures.introductionOf(lab, target.actorId()));
        }
        if (path.contains("{invitationId}")) {
            path = path.replace("{invitationId}", invitationTo(target.actorId(), own ? "member-tremplin" : "member-mobilite")
                    .path("invitationId").asText());
        }
        if (path.contains("{memberSubject}")) {
            path = path.replace("{memberSubject}", registeringMember(target.actorId(), joined));
        }
        if (path.equals("/api/territories")) {
            path += "?q=" + (own ? "echirolles" : "chambery"); // the words searched are required
        }
        expect(row, account, expected, path, body(row), target);
        if (row.path().contains("{memberSubject}") && !expected.startsWith("2")) {
            registeringMember(target.actorId(), joined); // a refused removal or naming leaves the memberships as they were
        }
    }

    /** Sends the cell's request and checks its answer; {@code target}'s contact person is looked for on a GET. */
    private static void expect(Row row, String account, String expected, String path, String body, Fixture target) {
        expect(row, account, expected, path, body, target, Set.of("POST /api/actors/import", "POST /api/introductions/past")
                .contains(row.operation()) ? "text/csv;charset=UTF-8" : "application/json");
    }

    private static void expect(Row row, String account, String expected, String path, String body, Fixture target,
                               String contentType) {
        assertThat(path).as("a path parameter the matrix test does not know how to fill").doesNotContain("{");
        HttpResponse<String> response = lab.send(row.method(), operations.get(row.operation()).resolve(path), account,
                body, contentType);
        int status = Integer.parseInt(expected.replace("c", ""));
        assertThat(response.statusCode()).as(row.method() + " " + path + " as " + account + ": " + response.body())
                .isEqualTo(status);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as("a refusal is a problem document").startsWith("application/problem+json");
        }
        if (row.method().equals("GET") && status == 200 && target != null) {
            if (expected.endsWith("c")) {
                assertThat(response.body()).as("the contact person, for " + account).contains(target.contactEmail());
            } else {
                assertThat(response.body()).as("no contact person for " + account).doesNotContain(target.contactEmail());
            }
        }
    }

    private static String body(Row row) {
        return switch (row.method() + " " + row.path()) {
            case "POST /api/actors" -> row.object().equals("own") ? ISERE_ACTOR.formatted("Nouvelle association iséroise",
                    "nouvelle@matrice.example.org") : SAVOIE_ACTOR;
            // One actor per file; a second import of the same file finds it registered (200 again, nothing written).
            case "POST /api/actors/import" -> "nom;type;commune;contact courriel\r\n" + (row.object().equals("own")
                    ? "Association importée de la matrice;association;38185;importee@matrice.example.org"
                    : "Association savoyarde importée de la matrice;association;73065;") + "\r\n";
            case "PUT /api/actors/{actorId}" -> ISERE_ACTOR.formatted("Association renommée", "renommee@matrice.example.org");
            case "POST /api/actors/{actorId}/{kind}", "PUT /api/actors/{actorId}/{kind}/{postId}" -> NEED;
            case "POST /api/actors/{actorId}/needs/{needId}/fulfilment" -> "{\"note\": \"financé\"}";
            case "POST /api/actors/{actorId}/{kind}/{postId}/withdrawal" -> "{\"reason\": \"projet reporté\"}";
            case "PUT /api/actors/{actorId}/members/{memberSubject}/role" -> "{\"role\": \"MANAGER\"}";
            // Batch proposals: one partner per actor, in Isère (own) or Savoie (another's).
            case "POST /api/introductions/batch" -> "{\"territory\": {\"code\": \""
                    + (row.object().equals("own") ? "38" : "73") + "\", \"level\": \"DEPARTEMENT\"}, \"partnersPerActor\": 1}";
            // One past introduction, declined « pas maintenant » long ago (it sets no pair aside and counts as no
            // expiry on the dashboards other tests read): between two demo actors of Isère, or the two of Savoie.
            case "POST /api/introductions/past" -> "acteur;partenaire;proposée le;déclinée le;déclinée par;raison du refus\r\n"
                    + String.join(";", row.object().equals("own") ? lab.actor("ville-echirolles") : savoie.get(0),
                    row.object().equals("own") ? lab.actor("metropole") : savoie.get(1), "02/06/2025", "10/06/2025",
                    "partenaire", "pas maintenant") + "\r\n";
            default -> null;
        };
    }

    /** A new invitation to join the actor, made by one of its members: its id and its code. */
    private static JsonNode invitationTo(String actorId, String member) {
        HttpResponse<String> invitation = lab.send("POST", lab.profile.resolve("/api/actors/" + actorId + "/invitations"),
                member, null);
        assertThat(invitation.statusCode()).as(invitation.body()).isEqualTo(201);
        try {
            return JSON.readTree(invitation.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The subject of whoever registered the actor, its manager: its only membership granted in the lab, but for the plain
     * member's when {@code plainMemberJoined}, a MEMBER who came after it.
     */
    private static String registeringMember(String actorId, boolean plainMemberJoined) {
        HttpResponse<String> members = lab.send("GET", lab.profile.resolve("/api/actors/" + actorId + "/members"), "admin", null);
        try {
            JsonNode list = JSON.readTree(members.body());
            assertThat(list.size()).as(members.body()).isEqualTo(plainMemberJoined ? 2 : 1);
            assertThat(list.get(0).path("role").asText()).as(members.body()).isEqualTo("MANAGER");
            if (plainMemberJoined) {
                assertThat(list.get(1).path("subject").asText()).as(members.body()).isEqualTo(lab.subjectOf(PLAIN_MEMBER));
                assertThat(list.get(1).path("role").asText()).as(members.body()).isEqualTo("MEMBER");
            }
            return list.get(0).path("subject").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plain member joins the actor as a colleague does: the member who registered it ({@code member-tremplin}, its
     * manager) invites it, and it gives the code back. A manager being there, it comes in as a MEMBER, which is checked:
     * a column whose caller manages A's members would not be the plain member's. In profile-service it acts for the
     * actor from the answer on; matchmaking-service learns of it through the broker
     * ({@link #plainMemberActsInMatchmaking}).
     */
    static void joinAsPlainMember(SignedInLab lab, String actorId) {
        HttpResponse<String> invitation = lab.send("POST", lab.profile.resolve("/api/actors/" + actorId + "/invitations"),
                "member-tremplin", null);
        assertThat(invitation.statusCode()).as(invitation.body()).isEqualTo(201);
        try {
            String code = JSON.readTree(invitation.body()).path("code").asText();
            HttpResponse<String> joined = lab.send("POST", lab.profile.resolve("/api/me/actors"), PLAIN_MEMBER,
                    "{\"invitationCode\": \"" + code + "\"}");
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
            JsonNode members = JSON.readTree(lab.send("GET", lab.profile.resolve("/api/actors/" + actorId + "/members"),
                    "admin", null).body());
            String subject = lab.subjectOf(PLAIN_MEMBER);
            List<String> roles = new ArrayList<>();
            for (JsonNode member : members) {
                if (member.path("subject").asText().equals(subject)) {
                    roles.add(member.path("role").asText());
                }
            }
            assertThat(roles).as("the plain member's role: " + members).containsExactly("MEMBER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether matchmaking-service knows the plain member acts for the actor (ActorMemberJoinedEvent, relayed from
     * profile-service): the actor's inbox answers it instead of refusing it. A read, which writes nothing.
     */
    static boolean plainMemberActsInMatchmaking(SignedInLab lab, String actorId) {
        return lab.send("GET", lab.matchmaking.resolve("/api/actors/" + actorId + "/introductions"), PLAIN_MEMBER, null)
                .statusCode() == 200;
    }

    /** {@link #joinAsPlainMember}, then waits until matchmaking-service knows of it too. */
    static void joinAsPlainMemberOfBothServices(SignedInLab lab, String actorId) {
        joinAsPlainMember(lab, actorId);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> plainMemberActsInMatchmaking(lab, actorId));
    }

    /** A fresh actor registered by the member account (which becomes its member), with a need and maybe an offer. */
    private static Fixture fixture(String member, String label, boolean withOffer) {
        String email = label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@matrice.example.org";
        String actorId = lab.create("/api/actors", member, ISERE_ACTOR.formatted("Association " + label, email));
        String needId = lab.create("/api/actors/" + actorId + "/needs", member, NEED);
        String offerId = withOffer ? lab.create("/api/actors/" + actorId + "/offers", member, OFFER) : null;
        return new Fixture(actorId, needId, offerId, email);
    }

    record Row(String method, String path, String object, List<String> expected) {
        String operation() {
            return method + " " + path;
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : MATRIX.strip().split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                throw new IllegalStateException("Unreadable matrix row: " + line);
            }
            List<String> expected = List.of(m.group(4).trim().split("\\s+"));
            if (expected.size() != CALLERS.size()) {
                throw new IllegalStateException("Row without one status per caller: " + line);
            }
            rows.add(new Row(m.group(1), m.group(2), m.group(3), expected));
        }
        return rows;
    }
}
