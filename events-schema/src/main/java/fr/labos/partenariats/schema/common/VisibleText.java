package fr.labos.partenariats.schema.common;

/**
 * Whether a text shows anything. {@link String#isBlank()} and Bean Validation's {@code @NotBlank} take a no-break space
 * (U+00A0, which French spreadsheets put before « : » and inside numbers) or a zero-width space for a character, so
 * that a name of nothing but those was a name nobody could see in a list or a ranking.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** True for null, empty, or only spaces of any kind, invisible format characters and control characters. */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || Character.isISOControl(c));
    }
}
