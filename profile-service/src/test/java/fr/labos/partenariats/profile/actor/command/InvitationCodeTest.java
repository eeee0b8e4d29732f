package fr.labos.partenariats.profile.actor.command;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationCodeTest {

    @Test
    void aNewCodeReadsBackAsItselfAndNoTwoAreAlike() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            InvitationCode code = InvitationCode.newCode();
            assertThat(InvitationCode.parse(code.value())).contains(code);
            assertThat(code.secret()).hasSize(22);
            secrets.add(code.secret());
        }
        assertThat(secrets).hasSize(1000);
    }

    @Test
    void theDigestIsTheSha256OfTheSecretInLowercaseHexadecimal() {
        // Computed apart: printf 'AAAAAAAAAAAAAAAAAAAAAA' | sha256sum
        assertThat(new InvitationCode("4e0d7c52-8a3b-4f6e-b1d9-0c2a7e5f9b13", "A".repeat(22)).digest())
                .isEqualTo("8a5bdb4cc15164126c6ef2668de9dd240d299ce6397a42c95a9411b93d080ed8");
    }

    @Test
    void aCodePastedWithBlanksAroundItStillReads() {
        assertThat(InvitationCode.parse("  4e0d7c52-8a3b-4f6e-b1d9-0c2a7e5f9b13.Zm9vYmFyYmF6cXV4MTIzNA\n"))
                .contains(new InvitationCode("4e0d7c52-8a3b-4f6e-b1d9-0c2a7e5f9b13", "Zm9vYmFyYmF6cXV4MTIzNA"));
    }

    @Test
    void anythingElseIsNotACode() {
        for (String notACode : new String[]{"", "4e0d7c52-8a3b-4f6e-b1d9-0c2a7e5f9b13",
                "4e0d7c52-8a3b-4f6e-b1d9-0c2a7e5f9b13.Zm9vYmFyYmF6cXV4MTIzN", // a character short
                "4e0d7c52-8a3b-4f6e-b1d9-0c2a7e5f9b13.Zm9vYmFyYmF6cXV4MTIzNA=", // padding
                "4E0D7C52-8A3B-4F6E-B1D9-0C2A7E5F9B13.Zm9vYmFyYmF6cXV4MTIzNA", // not how ids are written
                "4e0d7c52-8a3b-4f6e-b1d9-0c2a7e5f9b13.Zm9vYmFy YmF6cXV4MTIzN",
                "../4e0d7c52-8a3b-4f6e-b1d9-0c2a7e5f9b13.Zm9vYmFyYmF6cXV4MTIzNA"}) {
            assertThat(InvitationCode.parse(notACode)).as(notACode).isEmpty();
        }
        assertThat(InvitationCode.parse(null)).isEmpty();
    }

    @Test
    void itsTextInLogsNeverCarriesTheSecret() {
        InvitationCode code = InvitationCode.newCode();
        assertThat(code.toString()).contains(code.invitationId()).doesNotContain(code.secret());
    }
}
