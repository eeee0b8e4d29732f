package fr.labos.partenariats.authserver;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The local OpenID Connect provider: Spring Authorization Server with the lab's demo accounts. */
@SpringBootApplication
@EnableConfigurationProperties(AuthServerProperties.class)
public class AuthServerApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /** Its own configuration file name, so that it never reads a service's configuration. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AuthServerApplication.class)
                .properties("spring.config.name=auth-server");
    }
}
