package fr.labos.partenariats.matchmaking.introduction.view;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The follow-up days a lab sets: bound from {@code lab.introductions.follow-up.*}, refused at start when senseless. */
class FollowUpThresholdsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FollowUpThresholds.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void withoutSettingsTheDefaultsHold() {
        context.run(started -> assertThat(started.getBean(FollowUpThresholds.class)).isEqualTo(FollowUpThresholds.DEFAULTS));
    }

    @Test
    void aLabSetsItsOwnDays() {
        context.withPropertyValues("lab.introductions.follow-up.answer-due-within-days=0",
                        "lab.introductions.follow-up.no-meeting-after-days=60")
                .run(started -> assertThat(started.getBean(FollowUpThresholds.class))
                        .isEqualTo(new FollowUpThresholds(0, 60, 90, 180)));
    }

    @Test
    void aDayCountThatMeansNothingStopsTheStartAndSaysWhich() {
        context.withPropertyValues("lab.introductions.follow-up.no-meeting-after-days=0")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("noMeetingAfterDays"));
        context.withPropertyValues("lab.introductions.follow-up.answer-due-within-days=-1")
                .run(started -> assertThat(started).hasFailed());
    }
}
