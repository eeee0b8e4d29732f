package fr.labos.partenariats.platform.limits;

import fr.labos.partenariats.platform.problem.ProblemAutoConfiguration;
import fr.labos.partenariats.platform.problem.Problems;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Abuse limits for a service: the request body size limit and the rate limits of {@link LimitsProperties}, as servlet
 * filters answering problem documents.
 */
@AutoConfiguration(after = ProblemAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(LimitsProperties.class)
public class LimitsAutoConfiguration {

    /** Spring Security's filter chain runs at -100; the rate limit comes after it to know the principal. */
    static final int RATE_LIMIT_ORDER = -90;

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(LimitsProperties limits, Problems problems) {
        FilterRegistrationBean<BodySizeFilter> registration =
                new FilterRegistrationBean<>(new BodySizeFilter(limits.maxBodySize().toBytes(),
                        limits.maxImportSize().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    @ConditionalOnProperty(prefix = "lab.limits.rate", name = "enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(LimitsProperties limits, Problems problems) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limits.rate(), problems));
        registration.setOrder(RATE_LIMIT_ORDER);
        return registration;
    }
}
