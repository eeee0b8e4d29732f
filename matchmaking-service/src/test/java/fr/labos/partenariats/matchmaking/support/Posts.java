package fr.labos.partenariats.matchmaking.support;

import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.PostDetails;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the content of needs and offers for tests; every field has a plain default. */
public final class Posts {

    /** Real INSEE/SIREN codes of the official reference, chosen for their nesting. */
    public static final TerritoryRef GRENOBLE = TerritoryRef.commune("38185");
    public static final TerritoryRef ECHIROLLES = TerritoryRef.commune("38151");   // same EPCI as Grenoble
    public static final TerritoryRef VOIRON = TerritoryRef.commune("38563");       // Isère, another EPCI
    public static final TerritoryRef LYON = TerritoryRef.commune("69123");         // Rhône, same région
    public static final TerritoryRef RENNES = TerritoryRef.commune("35238");       // Bretagne
    public static final TerritoryRef SAINT_DENIS_REUNION = TerritoryRef.commune("97411");
    public static final TerritoryRef ISERE = new TerritoryRef("38", TerritoryLevel.DEPARTEMENT);
    public static final TerritoryRef RHONE = new TerritoryRef("69", TerritoryLevel.DEPARTEMENT);
    public static final TerritoryRef AUVERGNE_RHONE_ALPES = new TerritoryRef("84", TerritoryLevel.REGION);
    public static final TerritoryRef GRENOBLE_ALPES_METROPOLE = new TerritoryRef("200040715", TerritoryLevel.EPCI);
    public static final TerritoryRef FRANCE = TerritoryRef.national();

    private ResourceCategory category;
    private PartnershipForm form = PartnershipForm.RESOURCES;
    private String title = "Un titre";
    private String description = "";
    private Set<Sdg> sdgs = Set.of();
    private Set<Theme> themes = Set.of();
    private TerritoryRef territory = GRENOBLE;
    private LocalDate validUntil;

    private Posts(ResourceCategory category) {
        this.category = category;
    }

    public static Posts post(ResourceCategory category) {
        return new Posts(category);
    }

    public Posts form(PartnershipForm form) {
        this.form = form;
        return this;
    }

    public Posts title(String title) {
        this.title = title;
        return this;
    }

    public Posts description(String description) {
        this.description = description;
        return this;
    }

    public Posts sdgs(int... numbers) {
        this.sdgs = Arrays.stream(numbers).mapToObj(Sdg::of).collect(Collectors.toSet());
        return this;
    }

    public Posts themes(Theme... themes) {
        this.themes = Set.of(themes);
        return this;
    }

    public Posts in(TerritoryRef territory) {
        this.territory = territory;
        return this;
    }

    public Posts validUntil(LocalDate validUntil) {
        this.validUntil = validUntil;
        return this;
    }

    public PostDetails build() {
        return new PostDetails(category, form, title, description, themes, sdgs, territory, validUntil);
    }
}
