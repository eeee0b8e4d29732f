package fr.labos.partenariats.profile.infrastructure;

import fr.labos.partenariats.platform.axon.CommandGatewayAutoConfiguration;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * profile-service sends its commands through the platform's gateway, which sends one again when another instance
 * changed its aggregate first (an erasure racing a colleague's change must not answer 409), not through Axon's own.
 */
@ProfileServiceIntegrationTest
class CommandGatewayTest {

    @Autowired
    ConfigurableListableBeanFactory beans;

    @Test
    void theServicesOneCommandGatewayIsThePlatformsWhichRetriesARaceLost() {
        String[] gateways = beans.getBeanNamesForType(CommandGateway.class);

        assertThat(gateways).hasSize(1);
        assertThat(beans.getBeanDefinition(gateways[0]).getFactoryBeanName())
                .isEqualTo(CommandGatewayAutoConfiguration.class.getName());
    }
}
