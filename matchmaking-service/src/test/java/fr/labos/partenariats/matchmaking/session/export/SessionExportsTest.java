package fr.labos.partenariats.matchmaking.session.export;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import fr.labos.partenariats.matchmaking.session.schedule.Wish;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The exports read back with the libraries their users' tools stand for: Commons CSV, biweekly, jsoup. */
class SessionExportsTest {

    private static final ZoneId PARIS = LabCalendar.ZONE;
    private static final Map<String, String> NAMES = Map.of("a1", "Mobilité Grésivaudan", "a2", "Tremplin Éducation",
            "a3", "Fonds « Solidarité » Isère", "a4", "Commune de Saint-Égrève");

    private static SessionSheet sheet(List<ScheduledMeeting> meetings, int version) {
        return new SessionSheet("s-1", "Rencontres express de l'Isère", "Maison des associations, Grenoble",
                LocalDate.of(2026, 12, 10), LocalTime.of(9, 0), 15, 2, PARIS, meetings, version,
                Instant.parse("2026-12-01T10:00:00Z"), NAMES, WISHES);
    }

    /** The wishes MEETINGS rest on: a1 and a2 wished each other, a1 wished a3 (a3 did not wish it back). */
    private static final List<Wish> WISHES = List.of(new Wish("a1", "a2"), new Wish("a2", "a1"), new Wish("a1", "a3"));

    private static final List<ScheduledMeeting> MEETINGS = List.of(
            new ScheduledMeeting(1, 1, "a1", "a2", 0.75, MeetingReason.MUTUAL_WISH,
                    "Les deux participants ont demandé à se rencontrer.", false),
            new ScheduledMeeting(1, 2, "a3", "a4", 0.5, MeetingReason.COMPLEMENTARITY,
                    "Le fonds finance ce dont la commune a besoin.", true),
            new ScheduledMeeting(2, 1, "a1", "a3", 0.25, MeetingReason.WISH, "a1 a demandé à rencontrer a3.", false),
            new ScheduledMeeting(2, 2, "a2", "a4", 0.125, MeetingReason.COMPLEMENTARITY, "Complémentarité.", false));

    @Test
    void theCsvOpensInFrenchExcelWithItsAccentsAsItsByteOrderMarkSays() throws Exception {
        byte[] csv = ScheduleCsv.write(sheet(MEETINGS, 1));
        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        try (BOMInputStream in = BOMInputStream.builder().setInputStream(new ByteArrayInputStream(csv)).get()) {
            ByteOrderMark bom = in.getBOM();
            assertThat(bom).isEqualTo(ByteOrderMark.UTF_8);
            try (Reader reader = new InputStreamReader(in, bom.getCharsetName());
                 CSVParser parser = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
                         .setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                assertThat(parser.getHeaderNames()).containsExactly("Tour", "Début", "Fin", "Table", "Participant 1",
                        "Participant 2", "Motif", "Poids", "Explication", "Verrouillée");
                List<CSVRecord> rows = parser.getRecords();
                assertThat(rows).hasSize(4);
                CSVRecord first = rows.get(0);
                assertThat(first.get("Participant 1")).isEqualTo("Mobilité Grésivaudan");
                assertThat(first.get("Participant 2")).isEqualTo("Tremplin Éducation");
                assertThat(first.get("Motif")).isEqualTo("Souhait réciproque");
                assertThat(first.get("Poids")).isEqualTo("0,75");
                assertThat(first.get("Début")).isEqualTo("09:00");
                assertThat(first.get("Fin")).isEqualTo("09:15");
                assertThat(rows.get(1).get("Participant 1")).isEqualTo("Fonds « Solidarité » Isère");
                assertThat(rows.get(1).get("Verrouillée")).isEqualTo("oui");
                assertThat(rows.get(2).get("Début")).isEqualTo("09:15");
                assertThat(rows.get(3).get("Poids")).isEqualTo("0,125");
            }
        }
    }

    /**
     * Names are typed by users: one starting as a formula would run when a facilitator opens the file. Read back, every
     * such cell starts with an apostrophe (shown as text, never evaluated); a name with a sign further on is as it was.
     */
    @Test
    void namesAndSentencesThatASpreadsheetWouldEvaluateAreWrittenAsText() throws Exception {
        String link = "=HYPERLINK(\"https://x\";\"Ouvrir\")";
        Map<String, String> names = Map.of("a1", link, "a2", "+33 4 76 00 00 00", "a3", "-Fonds",
                "a4", "@Commune", "a5", "\tTabulée", "a6", "\rRetour", "a7", "Tremplin = emploi");
        List<ScheduledMeeting> meetings = List.of(
                new ScheduledMeeting(1, 1, "a1", "a2", 0.5, MeetingReason.WISH, "=1+1 a demandé à rencontrer.", false),
                new ScheduledMeeting(1, 2, "a3", "a4", 0.5, MeetingReason.WISH, "Complémentarité.", false),
                new ScheduledMeeting(1, 3, "a5", "a6", 0.5, MeetingReason.WISH, "Complémentarité.", false),
                new ScheduledMeeting(2, 1, "a7", "a1", 0.5, MeetingReason.WISH, "Complémentarité.", false));
        byte[] csv = ScheduleCsv.write(new SessionSheet("s-1", "Rencontres", "Grenoble", LocalDate.of(2026, 12, 10),
                LocalTime.of(9, 0), 15, 2, PARIS, meetings, 1, Instant.parse("2026-12-01T10:00:00Z"), names,
                List.of()));
        try (BOMInputStream in = BOMInputStream.builder().setInputStream(new ByteArrayInputStream(csv)).get();
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
                     .setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).extracting(r -> r.get("Participant 1")).containsExactly("'" + link, "'-Fonds",
                    "'\tTabulée", "Tremplin = emploi");
            assertThat(rows).extracting(r -> r.get("Participant 2")).containsExactly("'+33 4 76 00 00 00",
                    "'@Commune", "'\rRetour", "'" + link);
            assertThat(rows.get(0).get("Explication")).isEqualTo("'=1+1 a demandé à rencontrer.");
        }
    }

    @Test
    void eachParticipantGetsOneCalendarEventPerMeetingAtItsRoundsTimes() {
        ICalendar calendar = Biweekly.parse(ParticipantCalendar.write(sheet(MEETINGS, 1), "a1")).first();
        assertThat(calendar).isNotNull();
        List<VEvent> events = calendar.getEvents();
        assertThat(events).hasSize(2);
        VEvent first = events.get(0);
        assertThat(first.getSummary().getValue()).isEqualTo("Rencontre avec Tremplin Éducation (tour 1, table 1)");
        assertThat(first.getDateStart().getValue())
                .isEqualTo(Date.from(ZonedDateTime.of(2026, 12, 10, 9, 0, 0, 0, PARIS).toInstant()));
        assertThat(first.getDateEnd().getValue())
                .isEqualTo(Date.from(ZonedDateTime.of(2026, 12, 10, 9, 15, 0, 0, PARIS).toInstant()));
        assertThat(first.getLocation().getValue()).isEqualTo("Maison des associations, Grenoble — table 1");
        assertThat(events.get(1).getSummary().getValue())
                .isEqualTo("Rencontre avec Fonds « Solidarité » Isère (tour 2, table 1)");
        assertThat(events).extracting(e -> e.getUid().getValue()).doesNotHaveDuplicates();
    }

    /**
     * A session overseas: its times are its territory's local time, read in its zone. In La Réunion (UTC+4 all year)
     * 09:00 is 05:00 UTC in the calendar, and 09:00 on paper and in the CSV.
     */
    @Test
    void aSessionOverseasIsAtItsLocalTimeOnPaperAndAtTheRightInstantInTheCalendar() throws Exception {
        SessionSheet reunion = new SessionSheet("s-2", "Rencontres express de La Réunion", "Saint-Denis",
                LocalDate.of(2026, 12, 10), LocalTime.of(9, 0), 15, 2, ZoneId.of("Indian/Reunion"), MEETINGS, 1,
                Instant.parse("2026-12-01T10:00:00Z"), NAMES, WISHES);
        VEvent first = Biweekly.parse(ParticipantCalendar.write(reunion, "a1")).first().getEvents().get(0);
        assertThat(first.getDateStart().getValue()).isEqualTo(Date.from(Instant.parse("2026-12-10T05:00:00Z")));
        assertThat(first.getDateEnd().getValue()).isEqualTo(Date.from(Instant.parse("2026-12-10T05:15:00Z")));
        assertThat(Jsoup.parse(PrintableSchedule.write(reunion)).select("section.table-page").get(0)
                .select("tbody tr").eachText()).first().asString().startsWith("1 09:00–09:15 ");
        String csv = new String(ScheduleCsv.write(reunion), StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).findFirst())
                .hasValueSatisfying(row -> assertThat(row).startsWith("1;09:00;09:15;"));
    }

    @Test
    void aCalendarOfAChangedScheduleKeepsItsUidsAndRaisesItsSequenceSoThatAReImportUpdates() {
        List<ScheduledMeeting> replanned = List.of(MEETINGS.get(0), MEETINGS.get(1),
                new ScheduledMeeting(2, 2, "a1", "a4", 0.3, MeetingReason.COMPLEMENTARITY, "Complémentarité.", false),
                new ScheduledMeeting(2, 1, "a2", "a3", 0.2, MeetingReason.COMPLEMENTARITY, "Complémentarité.", false));
        List<VEvent> before = Biweekly.parse(ParticipantCalendar.write(sheet(MEETINGS, 1), "a1")).first().getEvents();
        List<VEvent> after = Biweekly.parse(ParticipantCalendar.write(sheet(replanned, 2), "a1")).first().getEvents();
        assertThat(after).extracting(e -> e.getUid().getValue())
                .containsExactlyElementsOf(before.stream().map(e -> e.getUid().getValue()).toList());
        assertThat(after.get(1).getSummary().getValue())
                .isEqualTo("Rencontre avec Commune de Saint-Égrève (tour 2, table 2)");
        assertThat(after).allSatisfy(e -> assertThat(e.getSequence().getValue()).isEqualTo(2));
        assertThat(before).allSatisfy(e -> assertThat(e.getSequence().getValue()).isEqualTo(1));
        // Another participant's events never share a UID with a1's, even for the same meeting.
        List<VEvent> ofA2 = Biweekly.parse(ParticipantCalendar.write(sheet(MEETINGS, 1), "a2")).first().getEvents();
        assertThat(ofA2).extracting(e -> e.getUid().getValue())
                .doesNotContainAnyElementsOf(before.stream().map(e -> e.getUid().getValue()).toList());
    }

    /**
     * A re-plan that leaves a1 without a meeting at round 2: the new file still has round 2's event, cancelled, with a
     * higher sequence, so that a re-import takes the old meeting out of a1's calendar.
     */
    @Test
    void aMeetingARePlanTookAwayIsCancelledInTheNextCalendar() {
        List<ScheduledMeeting> replanned = List.of(MEETINGS.get(0), MEETINGS.get(1),
                new ScheduledMeeting(2, 1, "a2", "a3", 0.2, MeetingReason.COMPLEMENTARITY, "Complémentarité.", false));
        List<VEvent> before = Biweekly.parse(ParticipantCalendar.write(sheet(MEETINGS, 1), "a1")).first().getEvents();
        List<VEvent> after = Biweekly.parse(ParticipantCalendar.write(sheet(replanned, 2), "a1")).first().getEvents();

        assertThat(after).hasSize(2);
        VEvent roundTwo = after.get(1);
        assertThat(roundTwo.getUid().getValue()).isEqualTo(before.get(1).getUid().getValue());
        assertThat(roundTwo.getStatus().isCancelled()).isTrue();
        assertThat(roundTwo.getSequence().getValue()).isEqualTo(2);
        assertThat(roundTwo.getSummary().getValue()).isEqualTo("Pas de rencontre au tour 2");
        assertThat(roundTwo.getDateStart().getValue())
                .isEqualTo(Date.from(ZonedDateTime.of(2026, 12, 10, 9, 15, 0, 0, PARIS).toInstant()));
        assertThat(after.get(0).getStatus()).as("a meeting kept is not cancelled").isNull();
    }

    /**
     * A re-plan that leaves the last round without any meeting (two absent before the first round, and fewer rounds
     * needed): that round's event is in the new file too, cancelled, so that a re-import takes it out of the calendar.
     */
    @Test
    void aRoundARePlanLeftWithoutAnyMeetingIsCancelledInTheNextCalendar() {
        List<VEvent> before = Biweekly.parse(ParticipantCalendar.write(sheet(MEETINGS, 1), "a1")).first().getEvents();
        List<VEvent> after = Biweekly.parse(ParticipantCalendar.write(sheet(MEETINGS.subList(0, 2), 2), "a1")).first()
                .getEvents();

        assertThat(after).as("both rounds of the session").hasSize(2);
        assertThat(after.get(1).getUid().getValue()).isEqualTo(before.get(1).getUid().getValue());
        assertThat(after.get(1).getStatus().isCancelled()).isTrue();
        assertThat(after.get(1).getSequence().getValue()).isEqualTo(2);
    }

    /**
     * A participant's calendar and printed programme are its own (a facilitator hands them out): why a meeting was
     * planned is said only when it rests on a wish the participant made. a3 never learns that a1 wished to meet it
     * alone, and is not told why it meets a4 either, lest the silence on a1 alone say it; a1 reads its two wishes,
     * the mutual one as such.
     */
    @Test
    void aParticipantsCalendarAndProgrammeSayWhyOnlyOfMeetingsRestingOnItsOwnWishes() {
        List<VEvent> ofA3 = Biweekly.parse(ParticipantCalendar.write(sheet(MEETINGS, 1), "a3")).first().getEvents();
        assertThat(ofA3).hasSize(2).allSatisfy(e -> assertThat(e.getDescription().getValue())
                .isEqualTo("Rencontres express de l'Isère"));
        List<VEvent> ofA1 = Biweekly.parse(ParticipantCalendar.write(sheet(MEETINGS, 1), "a1")).first().getEvents();
        assertThat(ofA1).extracting(e -> e.getDescription().getValue()).containsExactly(
                "Rencontres express de l'Isère\nSouhait réciproque : Les deux participants ont demandé à se rencontrer.",
                "Rencontres express de l'Isère\nSouhait : Mobilité Grésivaudan a demandé à rencontrer Fonds « Solidarité » Isère.");

        Document page = Jsoup.parse(PrintableSchedule.write(sheet(MEETINGS, 1)));
        assertThat(page.select("section.participant-page").get(1).select("tbody tr").eachText()).containsExactly(
                "1 09:00–09:15 2 Commune de Saint-Égrève",
                "2 09:15–09:30 1 Mobilité Grésivaudan");
        assertThat(page.select("section.participant-page").get(3).select("tbody tr").eachText()).containsExactly(
                "1 09:00–09:15 1 Mobilité Grésivaudan Les deux participants ont demandé à se rencontrer.",
                "2 09:15–09:30 2 Commune de Saint-Égrève");
    }

    /** The plan writes a wish with ids; each is read as its name, whole: « a1 » is not a part of « a12 ». */
    @Test
    void aWishIsSaidWithTheParticipantsNamesWhateverTheirIds() {
        ScheduledMeeting wish = new ScheduledMeeting(1, 1, "a12", "a1", 0.25, MeetingReason.WISH,
                "a1 a demandé à rencontrer a12.", false);
        Map<String, String> names = Map.of("a1", "Atelier $1 vélo", "a12", "Recyclerie a1");

        assertThat(SessionSheet.explanation(wish, names::get))
                .isEqualTo("Atelier $1 vélo a demandé à rencontrer Recyclerie a1.");
    }

    /** A session without a place: no dash left before nothing, on paper or in the calendar; the 1st as « 1er ». */
    @Test
    void aSessionWithoutAPlaceIsPrintedAndCalendaredWithoutEmptyPunctuation() {
        SessionSheet nowhere = new SessionSheet("s-1", "Rencontres express de l'Isère", "",
                LocalDate.of(2026, 12, 1), LocalTime.of(9, 0), 15, 2, PARIS, MEETINGS, 1,
                Instant.parse("2026-11-20T10:00:00Z"), NAMES, WISHES);
        assertThat(Jsoup.parse(PrintableSchedule.write(nowhere)).select("p.session").first().text())
                .isEqualTo("Rencontres express de l'Isère, mardi 1er décembre 2026");
        assertThat(Biweekly.parse(ParticipantCalendar.write(nowhere, "a1")).first().getEvents())
                .extracting(event -> event.getLocation().getValue()).containsExactly("table 1", "table 1");
    }

    @Test
    void thePrintableViewHasAnA4PagePerTableAndPerParticipantInFrench() {
        Document page = Jsoup.parse(PrintableSchedule.write(sheet(MEETINGS, 1)));
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(page.selectFirst("style").data()).contains("size: A4").contains("break-after: page");
        assertThat(page.select("section.table-page h1").eachText()).containsExactly("Table 1", "Table 2");
        assertThat(page.select("section.table-page").get(0).select("tbody tr").eachText()).containsExactly(
                "1 09:00–09:15 Mobilité Grésivaudan et Tremplin Éducation",
                "2 09:15–09:30 Mobilité Grésivaudan et Fonds « Solidarité » Isère");
        assertThat(page.select("section.participant-page h1").eachText()).containsExactly(
                "Programme de Commune de Saint-Égrève", "Programme de Fonds « Solidarité » Isère",
                "Programme de Mobilité Grésivaudan", "Programme de Tremplin Éducation");
        assertThat(page.select("section.participant-page").get(2).select("tbody tr").eachText()).containsExactly(
                "1 09:00–09:15 1 Tremplin Éducation Les deux participants ont demandé à se rencontrer.",
                "2 09:15–09:30 1 Fonds « Solidarité » Isère Mobilité Grésivaudan a demandé à rencontrer Fonds « Solidarité » Isère.");
        assertThat(page.select("p.session").first().text())
                .isEqualTo("Rencontres express de l'Isère — Maison des associations, Grenoble, jeudi 10 décembre 2026");
    }
}
