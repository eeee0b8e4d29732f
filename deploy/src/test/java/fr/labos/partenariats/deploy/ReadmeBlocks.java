package fr.labos.partenariats.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README's {@code bash} blocks, in order, each line with its line number in the README. */
final class ReadmeBlocks {

    /** One line of a block. */
    record Line(int number, String text) {
    }

    /** A block: the line of its opening fence, and its lines. */
    record Block(int fence, List<Line> lines) {
    }

    /**
     * A line as bash reads it: {@code code} without its comment, {@code expanded} also without what single quotes
     * hold (a jq filter, a JSON body), which bash does not expand, and the {@code comment}'s text (empty if none).
     */
    record Shell(int number, String code, String expanded, String comment) {
    }

    private static final Pattern HEREDOC = Pattern.compile("<<-?'?([A-Z]+)'?");

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

    /**
     * The block's lines as bash reads them, quotes followed from one line to the next (a JSON body spans several);
     * a quoted heredoc's body is data and left out.
     */
    static List<Shell> shell(List<Line> block) {
        List<Shell> lines = new ArrayList<>();
        boolean single = false;
        boolean dbl = false;
        String heredocEnd = null;
        for (Line line : block) {
            if (heredocEnd != null) {
                heredocEnd = line.text().strip().equals(heredocEnd) ? null : heredocEnd;
                continue;
            }
            StringBuilder code = new StringBuilder();
            StringBuilder expanded = new StringBuilder();
            String text = line.text();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                    break;
                }
                code.append(c);
                if (c == '\'' && !dbl) {
                    single = !single;
                } else if (!single) {
                    dbl = c == '"' ? !dbl : dbl;
                    expanded.append(c);
                }
            }
            Matcher heredoc = HEREDOC.matcher(code);
            if (heredoc.find()) {
                heredocEnd = heredoc.group(1);
            }
            String comment = code.length() < text.length() ? text.substring(code.length() + 1).strip() : "";
            lines.add(new Shell(line.number(), code.toString(), expanded.toString(), comment));
        }
        return lines;
    }
}
