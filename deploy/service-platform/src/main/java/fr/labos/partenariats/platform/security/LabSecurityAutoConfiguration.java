package fr.labos.partenariats.platform.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Both services as OAuth2 resource servers: every request needs a valid bearer JWT carrying a lab role, except health
 * and the API documentation. Backs off in an application that defines its own filter chains (an authorization
 * server), or with {@code lab.security.enabled=false}.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class})
@ConditionalOnMissingBean(SecurityFilterChain.class)
@ConditionalOnProperty(prefix = "lab.security", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(LabSecurityProperties.class)
@EnableWebSecurity
public class LabSecurityAutoConfiguration {

    /** The API's answers are JSON only: nothing in them may load, run or be framed. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /** swagger-ui is a page of its own scripts and styles (some inline) that fetches the OpenAPI document. */
    static final String DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'";
    static final String[] DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
            "/swagger-ui/**"};
    static final String[] ROLES = Arrays.stream(LabRole.values()).map(Enum::name).toArray(String[]::new);

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(LabSecurityProperties properties) {
        return LabJwtDecoders.create(properties.oidc());
    }

    /**
     * Spring Security would otherwise wrap each of its filters in an observation (a dozen timers per request, and the
     * filter chain's decorator around them), measurable in every request's CPU; {@code http.server.requests} already
     * times each request, sign-in included.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PersonNames personNames(LabSecurityProperties properties) {
        return new PersonNames(properties.claim().name());
    }

    @Bean
    SecurityProblems securityProblems() {
        return new SecurityProblems();
    }

    @Bean
    ForbiddenAdvice forbiddenAdvice() {
        return new ForbiddenAdvice();
    }

    /** CORS is closed unless LAB_CORS_ALLOWED_ORIGINS lists origins; credentials are bearer tokens, never cookies. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(LabSecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = properties.cors().allowedOrigins().stream().map(String::strip)
                .filter(origin -> !origin.isEmpty()).toList();
        if (!origins.isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
            // ETag and If-Match: a browser application changes what it read only if nobody changed it since.
            cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                    HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_MATCH));
            cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER,
                    HttpHeaders.ETAG));
            cors.setAllowCredentials(false);
            cors.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/**", cors);
        }
        return source;
    }

    /** The OpenAPI documents and swagger-ui: public, with a content security policy that lets the page run. */
    @Bean
    @Order(1)
    SecurityFilterChain labDocumentationChain(HttpSecurity http, SecurityProblems problems) throws Exception {
        common(http, problems);
        http.securityMatcher(DOCS)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(DOCS_CSP)));
        return http.build();
    }

    /** A service's own static pages (a web console), when it declares {@link PublicPages}: public files, their policy. */
    @Bean
    @Order(0)
    @ConditionalOnBean(PublicPages.class)
    SecurityFilterChain labPublicPagesChain(HttpSecurity http, SecurityProblems problems, PublicPages pages) throws Exception {
        common(http, problems);
        http.securityMatcher(pages.paths().toArray(String[]::new))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(pages.contentSecurityPolicy()))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** Everything else: health is public, the other actuator endpoints are for admins, the API for any lab role. */
    @Bean
    @Order(2)
    SecurityFilterChain labApiChain(HttpSecurity http, SecurityProblems problems, LabSecurityProperties properties)
            throws Exception {
        common(http, problems);
        http.authorizeHttpRequests(requests -> requests
                        // An error dispatch renders the error of a request that was already let through (or not).
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(LabRole.ADMIN.name())
                        .anyRequest().hasAnyRole(ROLES))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new LabTokenConverter(properties.claim())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    private static void common(HttpSecurity http, SecurityProblems problems) throws Exception {
        http
                // CSRF protection guards against a browser sending ambient credentials (cookies, basic auth) on a
                // forged request. This API takes none: a caller must put its bearer token in the Authorization
                // header itself, which another site's page cannot make a browser do. So there is nothing to forge.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(Customizer.withDefaults())
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }
}
