package fr.labos.partenariats.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.util.List;
import java.util.Locale;

/**
 * Wires the one problem-document shape into a service: the MVC exception handler, the error page, Tomcat's error
 * report, strict JSON coercion, and French-by-default messages (Bean Validation's included).
 * {@code lab.problems.messages} lists the service's own message bundles.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemAutoConfiguration {

    @Bean
    ProblemMessages problemMessages(Environment environment) {
        return new ProblemMessages(Binder.get(environment).bind("lab.problems.messages", String[].class)
                .map(List::of).orElse(List.of()));
    }

    @Bean
    Problems problems(ProblemMessages messages, ObjectMapper json) {
        return new Problems(messages, json);
    }

    @Bean
    ProblemCatalog problemCatalog(ObjectProvider<ProblemMapping<?>> mappings) {
        return new ProblemCatalog(mappings.orderedStream().toList());
    }

    @Bean
    ProblemHandler problemHandler(Problems problems, ProblemCatalog catalog) {
        return new ProblemHandler(problems, catalog);
    }

    /** Axon's warnings for the refusals raised while an aggregate is created: not logged (the filter says why). */
    @Bean
    @ConditionalOnClass(name = {"ch.qos.logback.classic.LoggerContext",
            "org.axonframework.modelling.command.AbstractRepository"})
    AggregateRefusalLogging aggregateRefusalLogging(ProblemCatalog catalog) {
        return new AggregateRefusalLogging(catalog);
    }

    @Bean
    FilterRegistrationBean<NulInQueryFilter> nulInQueryFilter(Problems problems) {
        FilterRegistrationBean<NulInQueryFilter> registration = new FilterRegistrationBean<>(new NulInQueryFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<FormBodyFilter> formBodyFilter(Problems problems) {
        FilterRegistrationBean<FormBodyFilter> registration = new FilterRegistrationBean<>(new FormBodyFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(org.springframework.boot.web.servlet.error.ErrorController.class)
    ProblemErrorController problemErrorController(Problems problems) {
        return new ProblemErrorController(problems);
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonCoercion() {
        return new StrictJson();
    }

    /** French unless the request asks for English; Bean Validation messages follow it. */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.FRENCH, Locale.ENGLISH));
        resolver.setDefaultLocale(ProblemMessages.DEFAULT);
        return resolver;
    }

    /** Only where the service documents its API with springdoc. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
    static class OpenApiDocumentation {
        @Bean
        ProblemOpenApi problemOpenApi(ObjectProvider<ExtraProblems> extras) {
            // The error page is the container's, not an operation of the API.
            SpringDocUtils.getConfig().addHiddenRestControllers(ProblemErrorController.class);
            return new ProblemOpenApi(extras.orderedStream().toList());
        }
    }

    @Bean
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    ProblemValveCustomizer problemReportValve(Problems problems) {
        return new ProblemValveCustomizer(problems);
    }

    /** Replaces the host's HTML error report (Spring Boot installs one) by {@link ProblemReportValve}. */
    static final class ProblemValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final Problems problems;

        ProblemValveCustomizer(Problems problems) {
            this.problems = problems;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    Pipeline pipeline = host.getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            pipeline.removeValve(valve);
                        }
                    }
                    // The host adds a valve of this class at start unless one is there already: it is.
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    pipeline.addValve(new ProblemReportValve(problems));
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's customizer, which installs the HTML report
        }
    }
}
