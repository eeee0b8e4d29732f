package fr.labos.partenariats.profile.territory;

import fr.labos.partenariats.schema.common.FoldedText;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds territories of the official reference by name or code, as people write them: « echirolles », « Échirolles »,
 * « st martin d'heres » or « 38151 » find Échirolles and Saint-Martin-d'Hères. People know their commune by its name,
 * not by its INSEE code, which the profiles are written in (and which is not the postcode: 38151 is Échirolles, whose
 * postcode is 38130).
 *
 * <p>A name is compared once folded (accents, case, hyphens and apostrophes aside; « st » and « ste » read as « saint »
 * and « sainte »). The answers come best first: the code written, then the names equal to the words, then those that
 * begin with them, then those holding a word that begins with them; within each, the larger territory first (a région
 * before a département before an intercommunality before a commune; among communes, the more populous), so that
 * « saint » offers Saint-Étienne and Saint-Denis before the villages. The reference holds some 37,000 territories,
 * folded once when the search is built: a query is one pass over them in memory.
 */
public final class TerritorySearch {

    /** Territories found: a level, a code, a name, and the département it lies in (none above that level). */
    public record Found(TerritoryLevel level, String code, String name, Optional<TerritoryRef> departement) {
    }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-'’.,()/]+");

    private final TerritoryDirectory directory;
    private final List<Entry> entries;

    public TerritorySearch(TerritoryDirectory directory) {
        this.directory = directory;
        List<Entry> all = new ArrayList<>();
        for (TerritoryLevel level : TerritoryLevel.values()) {
            for (String code : directory.codes(level)) {
                TerritoryRef ref = new TerritoryRef(code, level);
                String name = directory.nameOf(ref).orElse(code);
                all.add(new Entry(ref, name, fold(name), level == TerritoryLevel.COMMUNE ? directory.population(code) : 0));
            }
        }
        // The larger first, once: each answer keeps this order within its rank.
        all.sort(Comparator.comparingInt((Entry e) -> -e.ref().level().ordinal()).thenComparingInt(e -> -e.population())
                .thenComparing(e -> e.ref().code()));
        this.entries = List.copyOf(all);
    }

    /**
     * At most {@code limit} territories whose code is {@code written} or whose name holds its words, best first; of
     * one level only when {@code level} is given. Nothing for a text without a letter or a digit.
     */
    public List<Found> find(String written, Optional<TerritoryLevel> level, int limit) {
        String words = fold(written);
        if (words.isEmpty()) {
            return List.of();
        }
        String code = written.strip().toUpperCase(Locale.ROOT);
        List<List<Entry>> ranks = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Entry entry : entries) {
            if (level.isPresent() && entry.ref().level() != level.get()) {
                continue;
            }
            int rank = rank(entry, code, words);
            if (rank >= 0) {
                ranks.get(rank).add(entry);
            }
        }
        return ranks.stream().flatMap(List::stream).limit(limit).map(this::found).toList();
    }

    /** 0: its code; 1: its name; 2: a name that begins with the words; 3: a word of it does; -1: none. */
    private static int rank(Entry entry, String code, String words) {
        if (entry.ref().code().equals(code)) {
            return 0;
        }
        if (entry.folded().equals(words)) {
            return 1;
        }
        if (entry.folded().startsWith(words)) {
            return 2;
        }
        return entry.folded().contains(" " + words) ? 3 : -1;
    }

    private Found found(Entry entry) {
        Optional<TerritoryRef> departement = entry.ref().level() == TerritoryLevel.COMMUNE
                || entry.ref().level() == TerritoryLevel.EPCI ? directory.departementOf(entry.ref()) : Optional.empty();
        return new Found(entry.ref().level(), entry.ref().code(), entry.name(), departement);
    }

    /**
     * A name or a query as compared: without accents, in lower case, its words separated by one space, « st » and
     * « ste » written out.
     */
    static String fold(String text) {
        String spaced = SEPARATORS.matcher(FoldedText.fold(text)).replaceAll(" ").strip();
        return (" " + spaced + " ").replace(" st ", " saint ").replace(" ste ", " sainte ").strip();
    }

    private record Entry(TerritoryRef ref, String name, String folded, int population) {
    }
}
