package fr.labos.partenariats.profile.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The refusals' texts exist in both languages, and one with a date says it as a reader of each language reads it. */
class RefusalMessagesTest {

    @Test
    void everyRefusalIsWordedInFrenchAndInEnglish() throws IOException {
        assertThat(keys("profile-problems_en.properties")).isEqualTo(keys("profile-problems.properties"));
    }

    @Test
    void anExpiredInvitationSaysItsDateInTheReadersLanguage() {
        ResourceBundleMessageSource messages = bundles();
        Object[] expiredAt = {Date.from(Instant.parse("2026-09-19T10:30:00Z"))};

        assertThat(messages.getMessage("conflict.invitation.expired", expiredAt, Locale.FRENCH))
                .isEqualTo("Cette invitation a expiré le 19 septembre 2026 : demandez-en une nouvelle.");
        assertThat(messages.getMessage("conflict.invitation.expired", expiredAt, Locale.ENGLISH))
                .isEqualTo("This invitation expired on September 19, 2026: ask for a new one.");
    }

    @Test
    void anImportStoppedPastItsBoundCountsItsLinesInTheReadersLanguage() {
        ResourceBundleMessageSource messages = bundles();
        // As ActorImportProblems gives them: the bound in seconds, the lines done (a number, to choose the plural),
        // the lines of the file, the lines done again as text.
        Object[] many = {"120", 640, "1000", "640"};
        Object[] one = {"120", 1, "1000", "1"};

        assertThat(messages.getMessage("unavailable.import.too-long", many, Locale.FRENCH))
                .startsWith("L'import a dépassé sa durée maximale (120 s) après 640 lignes traitées sur 1000 : ")
                .endsWith("Découpez le fichier en plusieurs fichiers plus petits et importez-les l'un après l'autre.");
        assertThat(messages.getMessage("unavailable.import.too-long", one, Locale.FRENCH))
                .contains("après 1 ligne traitée sur 1000 : il a été arrêté et rien n'a été enregistré.");
        assertThat(messages.getMessage("unavailable.import.too-long", many, Locale.ENGLISH))
                .startsWith("The import ran past its longest allowed duration (120 s) after 640 lines of 1000: ");
        assertThat(messages.getMessage("unavailable.import.too-long", one, Locale.ENGLISH)).contains("after 1 line of 1000");
    }

    /** As the problem handler's bundles are set up (service-platform's ProblemMessages). */
    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("profile-problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    private static Set<Object> keys(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RefusalMessagesTest.class.getResourceAsStream("/" + bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.keySet();
    }
}
