package fr.labos.partenariats.matchmaking.console;

import fr.labos.partenariats.platform.security.LabSecurityProperties;
import fr.labos.partenariats.platform.security.PublicPages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.net.URI;
import java.util.List;

/**
 * The web console: static pages under {@code /console/} (plain ES modules, no build step) and the charting library
 * from its webjar. This service serves it because it owns most of what the console shows (partners, introductions,
 * sessions, dashboards, the live stream); profile-service is called from the page with CORS.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleConfiguration implements WebMvcConfigurer {

    static final String PATH = "/console/";

    /**
     * Public files; the page may connect only to this service, profile-service and the sign-in provider. Inline
     * styles are allowed because the charting library positions its tooltips with them; scripts are never inline.
     */
    @Bean
    PublicPages consolePages(ConsoleProperties console, LabSecurityProperties security) {
        String connect = String.join(" ", "'self'", origin(console.profileServiceUrl()), origin(security.oidc().issuer()));
        return new PublicPages(List.of("/console", "/console/**", "/webjars/echarts/**"),
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                        + "connect-src " + connect + "; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", PATH);
        registry.addViewController(PATH).setViewName("forward:" + PATH + "index.html");
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
