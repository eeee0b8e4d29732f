package fr.labos.partenariats.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Says in a service's OpenAPI document that every operation takes a bearer JWT, so that swagger-ui's "Authorize"
 * button accepts a token and its "Try it out" sends it.
 */
@AutoConfiguration(after = LabSecurityAutoConfiguration.class)
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnBean(LabSecurityProperties.class)
public class BearerOpenApiAutoConfiguration {

    static final String SCHEME = "bearer-jwt";

    @Bean
    OpenApiCustomizer labBearerTokenScheme() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("Jeton d'accès du fournisseur OpenID Connect du labo (rôle dans lab_role)."));
            openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        };
    }
}
