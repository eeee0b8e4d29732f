package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.matching.api.InvalidParameterException;
import fr.labos.partenariats.schema.common.ActorFamily;
import fr.labos.partenariats.schema.common.ResourceCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DashboardFilterQueryTest {

    @Test
    void aDepartementWithItsRegionIsKept() {
        DashboardFilter filter = new DashboardFilterQuery(null, null, "38", "84", null, null).read();

        assertThat(filter.departement()).isEqualTo("38");
        assertThat(filter.region()).isEqualTo("84");
    }

    /** Isère with Île-de-France: kept in the funnel by one side and the other, in no row of the territories. */
    @Test
    void aDepartementOutsideTheRegionAskedWithItIsRefusedNamingBoth() {
        InvalidParameterException refused = catchThrowableOfType(
                () -> new DashboardFilterQuery(null, null, "38", "11", null, null).read(), InvalidParameterException.class);

        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).isEqualTo("region: invalid.parameter.dashboard-region");
    }

    @Test
    void aFamilyOrACategoryIsReadWithoutCaseAndAnUnknownOneIsRefused() {
        DashboardFilter filter = new DashboardFilterQuery(null, null, null, null, " public ", "Funding").read();

        assertThat(filter.family()).isEqualTo(ActorFamily.PUBLIC);
        assertThat(filter.category()).isEqualTo(ResourceCategory.FUNDING);
        assertThat(catchThrowableOfType(() -> new DashboardFilterQuery(null, null, null, null, "publique", null).read(),
                InvalidParameterException.class).getMessage()).startsWith("family: ");
    }
}
