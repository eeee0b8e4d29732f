package fr.labos.partenariats.platform.imports;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The encodings a lab's spreadsheet writes are read; another is refused rather than read into wrong letters. */
class ImportedTextTest {

    private static final String FILE = "nom;type;commune\r\nAtelier vélo à Fontaine;association;38169\r\n";

    @Test
    void utf8WithOrWithoutItsMarkAndWindows1252AreRead() {
        byte[] utf8 = FILE.getBytes(StandardCharsets.UTF_8);
        byte[] marked = ("\uFEFF" + FILE).getBytes(StandardCharsets.UTF_8);
        byte[] windows1252 = FILE.getBytes(Charset.forName("windows-1252"));

        assertThat(ImportedText.decode(utf8)).isEqualTo(FILE);
        assertThat(ImportedText.decode(marked)).isEqualTo(FILE);
        assertThat(ImportedText.decode(windows1252)).isEqualTo(FILE);
    }

    /** Mac Roman's « é » is Windows-1252's « Ž », its « à » « ˆ »: decoded without error, it would import « vŽlo ». */
    @Test
    void aMacRomanFileIsRefusedNamingTheLineOfItsFirstAccent() {
        byte[] macRoman = FILE.getBytes(Charset.forName("x-MacRoman"));

        assertThatThrownBy(() -> ImportedText.decode(macRoman)).isInstanceOf(ImportedText.Undecodable.class)
                .hasMessage("le fichier semble enregistré dans un autre encodage (« Ž » (ligne 2), sans doute une "
                        + "lettre accentuée) : Dans Excel, enregistrez-le au format « CSV UTF-8 (délimité par des "
                        + "virgules) »");
    }

    /** Excel for Mac's « CSV (Macintosh) »: Mac Roman, lines ended by CR alone; the line named is the right one. */
    @Test
    void linesEndedByACarriageReturnAloneAreCounted() {
        byte[] macintosh = "nom;type;commune\rRecyclerie;association;38169\rAtelier vélo;association;38169\r"
                .getBytes(Charset.forName("x-MacRoman"));

        assertThatThrownBy(() -> ImportedText.decode(macintosh)).hasMessageContaining("(ligne 3)");
    }

    /** A UTF-8 file with one byte of another encoding typed in: read as Windows-1252, its « é » would be « Ã© ». */
    @Test
    void aFilePartlyInUtf8IsRefusedRatherThanReadWithItsAccentsDoubled() {
        byte[] utf8 = "nom\nAtelier vélo\n".getBytes(StandardCharsets.UTF_8);
        byte[] mixed = new byte[utf8.length + 4];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(new byte[]{'C', 'a', (byte) 0xE9, '\n'}, 0, mixed, utf8.length, 4);

        assertThatThrownBy(() -> ImportedText.decode(mixed)).isInstanceOf(ImportedText.Undecodable.class)
                .hasMessageStartingWith("le fichier mêle deux encodages : une partie est en UTF-8 (« Ã© » (ligne 2))");
        for (String sign : new String[]{"« Vélo »", "Cœur", "l’atelier"}) {
            byte[] utf8Sign = ("nom\n" + sign.replace("é", "e") + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] withStray = new byte[utf8Sign.length + 2];
            System.arraycopy(utf8Sign, 0, withStray, 0, utf8Sign.length);
            withStray[utf8Sign.length] = (byte) 0xE9;
            withStray[utf8Sign.length + 1] = '\n';
            assertThatThrownBy(() -> ImportedText.decode(withStray)).as(sign)
                    .hasMessageStartingWith("le fichier mêle deux encodages");
        }
    }

    @Test
    void aByteWindows1252LeavesUndefinedOrAMarkedUtf8FileThatIsNotAreRefused() {
        byte[] undefined = "nom\r\nA\r\nB\u0081C\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ImportedText.decode(undefined)).isInstanceOf(ImportedText.Undecodable.class)
                .hasMessageStartingWith("le fichier n'est ni en UTF-8 ni en Windows-1252 (ligne 3)");

        byte[] utf8Head = "\uFEFFnom\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1Tail = "Atelier vélo\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] mixed = new byte[utf8Head.length + latin1Tail.length];
        System.arraycopy(utf8Head, 0, mixed, 0, utf8Head.length);
        System.arraycopy(latin1Tail, 0, mixed, utf8Head.length, latin1Tail.length);
        assertThatThrownBy(() -> ImportedText.decode(mixed)).isInstanceOf(ImportedText.Undecodable.class)
                .hasMessageStartingWith("le fichier se dit UTF-8 mais ne l'est pas (ligne 2)");
    }

    /** A file saved as « Texte Unicode » (UTF-16) is full of NULs: refused at the line of the first, however lines end. */
    @Test
    void aNulCharacterIsRefusedAtItsLineWhateverEndsTheLines() {
        assertThat(ImportedText.nulCharacterRefusal("nom\nA\n")).isEmpty();
        assertThat(ImportedText.nulCharacterRefusal("nom\nA\nB\u0000C\n")).hasValueSatisfying(refusal ->
                assertThat(refusal).startsWith("le fichier contient un caractère nul (ligne 3) : "));
        assertThat(ImportedText.nulCharacterRefusal("nom\r\nA\r\nB\u0000C\r\n")).hasValueSatisfying(refusal ->
                assertThat(refusal).startsWith("le fichier contient un caractère nul (ligne 3) : "));
        assertThat(ImportedText.nulCharacterRefusal("nom\rA\rB\u0000C\r")).as("Excel for Mac's lines, CR alone")
                .hasValueSatisfying(refusal ->
                        assertThat(refusal).startsWith("le fichier contient un caractère nul (ligne 3) : "));
    }
}
