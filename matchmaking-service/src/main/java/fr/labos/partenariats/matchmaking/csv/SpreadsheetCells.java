package fr.labos.partenariats.matchmaking.csv;

/**
 * Text typed by users (an actor's name, a sentence quoting it) written to a CSV file a facilitator opens in a
 * spreadsheet. A cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is read
 * by the spreadsheet as a formula: a name such as {@code =HYPERLINK("https://…";"Ouvrir")} would become a live link,
 * or worse, on the facilitator's machine. Such a cell is written after an apostrophe, which the spreadsheet shows as
 * text and does not evaluate. Cells the service writes itself (numbers, times, its own labels) need none of this.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The text as a cell no spreadsheet evaluates; null stays null (an empty cell). */
    public static String text(String value) {
        if (value == null || value.isEmpty()) return value;
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
