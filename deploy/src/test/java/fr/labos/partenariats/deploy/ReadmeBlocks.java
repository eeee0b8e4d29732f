package fr.labos.partenariats.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The README's {@code bash} blocks, in order, each line with its line number in the README. */
final class ReadmeBlocks {

    /** One line of a block. */
    record Line(int number, String text) {
    }

    /** A block: the line of its opening fence, and its lines. */
    record Block(int fence, List<Line> lines) {
    }

    private ReadmeBlocks() {
    }

    static List<String> readme() {
        try {
            return Files.readAllLines(Repository.root().resolve("README.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Block> read() {
        List<Block> blocks = new ArrayList<>();
        List<Line> current = null;
        int number = 0;
        for (String text : readme()) {
            number++;
            if (current == null && text.startsWith("```bash")) {
                current = new ArrayList<>();
                blocks.add(new Block(number, current));
            } else if (current != null && text.startsWith("```")) {
                current = null;
            } else if (current != null) {
                current.add(new Line(number, text));
            }
        }
        return blocks;
    }
}
