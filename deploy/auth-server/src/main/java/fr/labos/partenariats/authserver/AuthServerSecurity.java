package fr.labos.partenariats.authserver;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The provider's endpoints (OpenID Connect discovery, JWKS, token, authorization, user info) and its clients: one
 * confidential client per demo account for the client-credentials grant that {@code deploy/token.sh} uses, and the
 * public client {@code lab-console} (authorization code with PKCE and form login) for a browser application.
 */
@Configuration(proxyBeanMethods = false)
class AuthServerSecurity {

    static final String CONSOLE_CLIENT = "lab-console";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(oidc -> oidc.logoutEndpoint(logout -> logout
                        // « Se déconnecter » in the console ends this provider's session too, and comes back.
                        .authenticationProviders(providers -> providers.forEach(provider -> {
                            if (provider instanceof OidcLogoutAuthenticationProvider signOut) {
                                signOut.setAuthenticationValidator(new ConsoleSignOutRedirects());
                            }
                        })))))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                // The console exchanges its code for a token from its own origin (see corsConfigurationSource).
                .cors(Customizer.withDefaults())
                // The user info endpoint reads the access token it is given.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        // The token endpoint's CORS preflight (OPTIONS) is not one of the provider's endpoints: it lands here.
        http.cors(Customizer.withDefaults())
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().authenticated())
                // The form of SignInPage, in French.
                .formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }

    /**
     * The web console's page calls the token endpoint from its own origin: the origins of its redirect URIs may. A
     * loopback redirect URI (127.0.0.1) is accepted on any port, as the authorization request accepts it (RFC 8252),
     * so its origin is too.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(AuthServerProperties properties) {
        List<String> origins = properties.consoleRedirectUris().stream().map(URI::create)
                .map(uri -> uri.getScheme() + "://" + uri.getHost()
                        + (ConsoleSignOutRedirects.isLoopback(uri.getHost()) ? ":[*]" : uri.getPort() < 0 ? "" : ":" + uri.getPort()))
                .distinct().toList();
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(origins);
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/oauth2/token", cors);
        source.registerCorsConfiguration("/oauth2/jwks", cors);
        source.registerCorsConfiguration("/userinfo", cors);
        source.registerCorsConfiguration("/.well-known/openid-configuration", cors);
        return source;
    }

    @Bean
    DataFolder dataFolder(AuthServerProperties properties) {
        DataFolder folder = new DataFolder(properties.dataDir());
        folder.describe(properties.issuer(), properties.accounts());
        return folder;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClients(AuthServerProperties properties, DataFolder data, PasswordEncoder encoder) {
        String secret = data.demoSecret();
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.tokenTimeToLive()).build();
        List<RegisteredClient> clients = new ArrayList<>();
        for (AuthServerProperties.Account account : properties.accounts()) {
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(account.name().getBytes()).toString())
                    .clientId(account.name())
                    .clientSecret(encoder.encode(secret)) // salted: each client's hash differs, as the repository requires
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(tokens)
                    .build());
        }
        RegisteredClient.Builder console = RegisteredClient.withId(UUID.nameUUIDFromBytes(CONSOLE_CLIENT.getBytes()).toString())
                .clientId(CONSOLE_CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens);
        properties.consoleRedirectUris().forEach(console::redirectUri);
        properties.consoleRedirectUris().forEach(console::postLogoutRedirectUri);
        clients.add(console.build());
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** The demo accounts as users of the sign-in form, with the demo secret as password. */
    @Bean
    UserDetailsService demoUsers(AuthServerProperties properties, DataFolder data, PasswordEncoder encoder) {
        String password = encoder.encode(data.demoSecret());
        return new InMemoryUserDetailsManager(properties.accounts().stream()
                .map(account -> User.withUsername(account.name()).password(password).roles(account.role()).build())
                .toList());
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(DataFolder data) {
        return new ImmutableJWKSet<>(new JWKSet(data.signingKey()));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> labClaims(AuthServerProperties properties) {
        return new LabClaims(properties);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthServerProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }
}
