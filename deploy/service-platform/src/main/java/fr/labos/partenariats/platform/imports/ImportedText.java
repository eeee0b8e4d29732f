package fr.labos.partenariats.platform.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every file a lab imports (actors, past introductions, participants) must be before its lines are read. */
public final class ImportedText {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /**
     * Characters Windows-1252 gives bytes 0x80–0x9F that French text does not use, but that a file in another 8-bit
     * encoding turns its accents into: Mac Roman's « é » (0x8E) reads « Ž », its « à » (0x88) « ˆ », its « ô » (0x99)
     * « ™ ». Such a file decodes without error and would import « Atelier vŽlo ».
     */
    private static final String NOT_FRENCH = "Žžƒˆ‰Šš™";
    /**
     * UTF-8's bytes of a French letter or sign read as Windows-1252: « é » as « Ã© », « « » as « Â« », « œ » as
     * « Å“ », « ’ » as « â€™ ». In a file that is not UTF-8 as a whole, they say that part of it is (two files pasted
     * together, one byte typed in another encoding).
     */
    private static final Pattern UTF8_READ_AS_WINDOWS_1252 = Pattern.compile(
            "â€|[ÂÃÅ][\u00A0-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014"
                    + "\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]");
    private static final String SAVE_AS_UTF8 = "Dans Excel, enregistrez-le au format « CSV UTF-8 (délimité par des "
            + "virgules) »";

    /** A file whose bytes are text in neither encoding a lab's spreadsheet writes; the message says so, in French. */
    public static final class Undecodable extends IllegalArgumentException {
        Undecodable(String message) {
            super(message);
        }
    }

    private ImportedText() {
    }

    /**
     * The file's text: UTF-8 (its byte order mark dropped), or Windows-1252, what older French Excel writes as « CSV »
     * (séparateur : point-virgule). Another encoding is refused, where it shows, rather than read into wrong letters:
     * a byte Windows-1252 leaves undefined, a UTF-8 file (it starts with the UTF-8 mark) with a byte that is not, a
     * file partly in UTF-8, or letters French never uses (a Mac Roman file's « é », « à », « ô »; its rarer « î » or
     * « œ » alone read as other letters and pass).
     *
     * @throws Undecodable naming the line of the first byte that cannot be read
     */
    public static String decode(byte[] bytes) {
        ByteBuffer utf8Bom = ByteBuffer.wrap(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        boolean markedUtf8 = bytes.length >= 3 && ByteBuffer.wrap(bytes, 0, 3).equals(utf8Bom);
        try {
            String text = strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            if (markedUtf8) {
                throw new Undecodable("le fichier se dit UTF-8 mais ne l'est pas "
                        + lineOf(bytes, firstUndecodable(StandardCharsets.UTF_8, bytes)) + " : " + SAVE_AS_UTF8);
            }
        }
        String text;
        try {
            text = strict(WINDOWS_1252).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notWindows1252) {
            throw new Undecodable("le fichier n'est ni en UTF-8 ni en Windows-1252 "
                    + lineOf(bytes, firstUndecodable(WINDOWS_1252, bytes)) + " : " + SAVE_AS_UTF8);
        }
        Matcher mixed = UTF8_READ_AS_WINDOWS_1252.matcher(text);
        if (mixed.find()) {
            throw new Undecodable("le fichier mêle deux encodages : une partie est en UTF-8 (« " + mixed.group()
                    + " » " + lineOf(bytes, mixed.start()) + "), une autre non : " + SAVE_AS_UTF8);
        }
        for (int i = 0; i < text.length(); i++) {
            if (NOT_FRENCH.indexOf(text.charAt(i)) >= 0) {
                // Windows-1252 maps one byte to one character: the character's index is the byte's.
                throw new Undecodable("le fichier semble enregistré dans un autre encodage (« " + text.charAt(i)
                        + " » " + lineOf(bytes, i) + ", sans doute une lettre accentuée) : " + SAVE_AS_UTF8);
            }
        }
        return text;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The first byte at which the charset's strict decoder stops (a byte it cannot read). */
    private static int firstUndecodable(Charset charset, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        strict(charset).decode(in, CharBuffer.allocate(bytes.length + 1), true);
        return in.position();
    }

    /** The line of a byte: lines end with LF, CRLF, or CR alone (what Excel for Mac writes as « CSV (Macintosh) »). */
    private static String lineOf(byte[] bytes, int at) {
        return lineOf(bytes.length, i -> bytes[i], at);
    }

    /** The line of a character, lines ended as {@link #lineOf(byte[], int)} says. */
    private static String lineOf(String text, int at) {
        return lineOf(text.length(), text::charAt, at);
    }

    private static String lineOf(int length, IntUnaryOperator unitAt, int at) {
        long line = 1;
        for (int i = 0; i < at && i < length; i++) {
            if (endsLine(length, unitAt, i)) {
                line++;
            }
        }
        return "(ligne " + line + ")";
    }

    /**
     * Where each line of a file's text starts (the first at 0), lines ended as this class counts them in its messages:
     * for the readers of the file's lines to number them alike.
     */
    public static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (endsLine(text.length(), text::charAt, i)) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether a line ends at {@code i}: LF, the LF of CRLF, or CR alone. */
    private static boolean endsLine(int length, IntUnaryOperator unitAt, int i) {
        int unit = unitAt.applyAsInt(i);
        return unit == '\n' || (unit == '\r' && (i + 1 >= length || unitAt.applyAsInt(i + 1) != '\n'));
    }

    /**
     * Why the file's text is refused for a NUL character, with the line it is on; empty if it has none. No text the
     * services keep may hold one (PostgreSQL stores none), and a file saved as UTF-16 (Excel's « Texte Unicode ») is
     * full of them.
     */
    public static Optional<String> nulCharacterRefusal(String text) {
        int nul = text.indexOf('\u0000');
        if (nul < 0) {
            return Optional.empty();
        }
        return Optional.of("le fichier contient un caractère nul " + lineOf(text, nul)
                + " : enregistré en « Texte Unicode » ?"
                + " Dans Excel, enregistrez-le au format « CSV UTF-8 (délimité par des virgules) »");
    }
}
