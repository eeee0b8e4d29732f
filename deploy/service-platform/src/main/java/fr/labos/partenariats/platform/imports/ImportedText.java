package fr.labos.partenariats.platform.imports;

import java.util.Optional;

/** What every file a lab imports (actors, past introductions, participants) must be before its lines are read. */
public final class ImportedText {

    private ImportedText() {
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
        long line = text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1;
        return Optional.of("le fichier contient un caractère nul (ligne " + line + ") : enregistré en « Texte Unicode » ?"
                + " Dans Excel, enregistrez-le au format « CSV UTF-8 (délimité par des virgules) »");
    }
}
