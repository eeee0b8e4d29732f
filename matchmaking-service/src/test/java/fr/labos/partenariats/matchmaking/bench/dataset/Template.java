package fr.labos.partenariats.matchmaking.bench.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sentence with named slots, « Nous cherchons {local} {dans_territoire}. », parsed once and rendered many times by
 * plain appends (no regular expressions: 300,000 posts are rendered in a few seconds).
 */
final class Template {

    /** What a slot stands for; the values come from the post being written. */
    enum Slot {
        PROJET, PROJET2, PUBLIC, MISSION, EQUIPEMENT, LOCAL, COMPETENCE, INNOVATION, CAUSE, DOMAINE,
        DANS_TERRITOIRE, DU_TERRITOIRE, A_COMMUNE, DE_COMMUNE, COMMUNE,
        MONTANT, ENVELOPPE, DUREE, RYTHME, NB, BENEF, ANNEES, NB_MEMBRES, STRUCTURE, VOLONTAIRES, MUTU
    }

    /** Supplies slot values; one instance per post, so a slot used twice reads the same. */
    interface Values {
        String value(Slot slot);
    }

    private final String[] literals;
    private final Slot[] slots;

    private Template(String[] literals, Slot[] slots) {
        this.literals = literals;
        this.slots = slots;
    }

    static Template parse(String text) {
        List<String> literals = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf('{', from);
            if (open < 0) {
                literals.add(text.substring(from));
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed slot in template: " + text);
            }
            literals.add(text.substring(from, open));
            slots.add(Slot.valueOf(text.substring(open + 1, close).toUpperCase(Locale.ROOT)));
            from = close + 1;
        }
        return new Template(literals.toArray(String[]::new), slots.toArray(Slot[]::new));
    }

    static Template[] parseAll(String... texts) {
        Template[] templates = new Template[texts.length];
        for (int i = 0; i < texts.length; i++) {
            templates[i] = parse(texts[i]);
        }
        return templates;
    }

    /** Appends the rendered sentence, its first letter capitalised. */
    void renderTo(StringBuilder out, Values values) {
        int start = out.length();
        for (int i = 0; i < slots.length; i++) {
            out.append(literals[i]).append(values.value(slots[i]));
        }
        out.append(literals[literals.length - 1]);
        if (out.length() > start) {
            out.setCharAt(start, Character.toUpperCase(out.charAt(start)));
        }
    }

    String render(Values values) {
        StringBuilder out = new StringBuilder(96);
        renderTo(out, values);
        return out.toString();
    }
}
