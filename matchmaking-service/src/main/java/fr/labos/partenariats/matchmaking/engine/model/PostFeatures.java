package fr.labos.partenariats.matchmaking.engine.model;

import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.Theme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An open need or offer reduced to what the model reads, computed once when the post enters the index so that a
 * ranking only compares ints, bitmasks and short arrays.
 *
 * @param actor          the post's actor, shared by all its posts (its profile may arrive after the post)
 * @param sequence       aggregate sequence of the event that produced this content; an older one never replaces it
 * @param place          the post's territorial scope
 * @param sdgs           bit {@code n - 1} set for ODD n
 * @param themes         bit {@code theme.ordinal()} set for each theme
 * @param terms          the analysed title and description
 * @param validUntilDay  epoch day of the last day the post stands; {@link Integer#MAX_VALUE} when it has no end
 * @param freshSinceDay  epoch day the content was last written (registration or update), for freshness
 */
public record PostFeatures(
        String id,
        PostKind kind,
        ActorFeatures actor,
        long sequence,
        ResourceCategory category,
        PartnershipForm form,
        String title,
        Place place,
        int sdgs,
        int themes,
        TermVector terms,
        int validUntilDay,
        int freshSinceDay) {

    public static final int NO_END = Integer.MAX_VALUE;

    /** Whether the post still stands on that epoch day (through the whole of its last day). */
    public boolean standsOn(int epochDay) {
        return validUntilDay >= epochDay;
    }

    /** A small code for a post's form, to keep in flat arrays and bit sets: 0 without form, else ordinal + 1. */
    public static int formCode(PartnershipForm form) {
        return form == null ? 0 : form.ordinal() + 1;
    }

    /** The form of a {@link #formCode}. */
    public static PartnershipForm formOfCode(int code) {
        return code == 0 ? null : FORMS[code - 1];
    }

    private static final PartnershipForm[] FORMS = PartnershipForm.values();

    public static int sdgMask(Collection<Sdg> sdgs) {
        int mask = 0;
        for (Sdg sdg : sdgs) {
            mask |= 1 << (sdg.number() - 1);
        }
        return mask;
    }

    public static int themeMask(Collection<Theme> themes) {
        int mask = 0;
        for (Theme theme : themes) {
            mask |= 1 << theme.ordinal();
        }
        return mask;
    }

    /** The SDGs of a mask, in ascending order. */
    public static List<Sdg> sdgsOf(int mask) {
        List<Sdg> sdgs = new ArrayList<>(Integer.bitCount(mask));
        for (Sdg sdg : Sdg.values()) {
            if ((mask & (1 << (sdg.number() - 1))) != 0) {
                sdgs.add(sdg);
            }
        }
        return sdgs;
    }

    /** The themes of a mask, in declaration order. */
    public static List<Theme> themesOf(int mask) {
        List<Theme> themes = new ArrayList<>(Integer.bitCount(mask));
        for (Theme theme : Theme.values()) {
            if ((mask & (1 << theme.ordinal())) != 0) {
                themes.add(theme);
            }
        }
        return themes;
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }
}
