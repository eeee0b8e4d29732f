package fr.labos.partenariats.matchmaking.session.export;

import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.VisibleText;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import org.springframework.web.util.HtmlUtils;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The schedule to print on the day, in French: one A4 page per table (who sits there in each round, for the table
 * sign) and one per participant (its rounds, tables and partners, to hand out at check-in), laid out by print CSS.
 * A participant's page is read by the participant: it says why a meeting was planned only when the participant may
 * know it ({@link WhySeen}), and leaves the cell empty otherwise.
 */
public final class PrintableSchedule {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRANCE);
    private static final String STYLE = """
            @page { size: A4 portrait; margin: 15mm; }
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 12pt; color: #000; }
            section.page { break-after: page; page-break-after: always; }
            section.page:last-of-type { break-after: auto; page-break-after: auto; }
            h1 { font-size: 20pt; margin: 0 0 4mm; }
            p.session { margin: 0 0 8mm; color: #333; }
            table { width: 100%; border-collapse: collapse; }
            th, td { border: 1px solid #555; padding: 2.5mm; text-align: left; vertical-align: top; }
            th { background: #eee; }
            tr { break-inside: avoid; page-break-inside: avoid; }
            @media screen { section.page { border-bottom: 2px dashed #999; padding: 10mm 0; } }
            """;

    private PrintableSchedule() {
    }

    public static String write(SessionSheet sheet) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.append("<title>").append(esc(sheet.title())).append(" — planning</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        Map<Integer, TreeMap<Integer, ScheduledMeeting>> byTable = new TreeMap<>();
        TreeSet<String> participants = new TreeSet<>((a, b) -> sheet.name(a).compareToIgnoreCase(sheet.name(b)) != 0
                ? sheet.name(a).compareToIgnoreCase(sheet.name(b)) : a.compareTo(b));
        for (ScheduledMeeting m : sheet.meetings()) {
            byTable.computeIfAbsent(m.table(), t -> new TreeMap<>()).put(m.round(), m);
            participants.add(m.actorId());
            participants.add(m.partnerActorId());
        }
        byTable.forEach((table, rounds) -> {
            html.append("<section class=\"page table-page\">\n<h1>Table ").append(table).append("</h1>\n");
            header(html, sheet);
            html.append("<table>\n<thead><tr><th>Tour</th><th>Horaire</th><th>Participants</th></tr></thead>\n<tbody>\n");
            rounds.forEach((round, m) -> html.append("<tr><td>").append(round).append("</td><td>")
                    .append(hours(sheet, round)).append("</td><td>").append(esc(sheet.name(m.actorId())))
                    .append(" et ").append(esc(sheet.name(m.partnerActorId()))).append("</td></tr>\n"));
            html.append("</tbody>\n</table>\n</section>\n");
        });
        for (String actor : participants) {
            html.append("<section class=\"page participant-page\">\n<h1>Programme de ").append(esc(sheet.name(actor)))
                    .append("</h1>\n");
            header(html, sheet);
            WhySeen whySeen = sheet.whySeenBy(actor);
            html.append("<table>\n<thead><tr><th>Tour</th><th>Horaire</th><th>Table</th><th>Rencontre</th>"
                    + "<th>Pourquoi</th></tr></thead>\n<tbody>\n");
            for (ScheduledMeeting m : sheet.meetings()) {
                if (!m.involves(actor)) continue;
                html.append("<tr><td>").append(m.round()).append("</td><td>").append(hours(sheet, m.round()))
                        .append("</td><td>").append(m.table()).append("</td><td>")
                        .append(esc(sheet.name(SessionSheet.partnerOf(m, actor)))).append("</td><td>")
                        .append(whySeen.of(m) ? esc(sheet.explanation(m)) : "").append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n</section>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void header(StringBuilder html, SessionSheet sheet) {
        // « Rencontres express — Maison des associations, mardi 1er décembre 2026 »; without a place, no dash before
        // the comma.
        html.append("<p class=\"session\">").append(esc(sheet.title()))
                .append(VisibleText.isBlank(sheet.place()) ? "" : " — " + esc(sheet.place().strip()))
                .append(", ").append(WEEKDAY.format(sheet.date())).append(' ').append(LabCalendar.inFrench(sheet.date()))
                .append("</p>\n");
    }

    private static String hours(SessionSheet sheet, int round) {
        return TIME.format(sheet.roundStart(round)) + "–" + TIME.format(sheet.roundEnd(round));
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
