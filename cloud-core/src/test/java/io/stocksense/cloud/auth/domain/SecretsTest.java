package io.stocksense.cloud.auth.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void bcryptHashesVerifyOnlyTheRightPassword() {
        String hash = Secrets.hashPassword("correct horse");
        assertThat(hash).startsWith("$2a$11$").doesNotContain("correct horse");
        assertThat(Secrets.passwordMatches("correct horse", hash)).isTrue();
        assertThat(Secrets.passwordMatches("correct horsE", hash)).isFalse();
        assertThat(Secrets.passwordMatches(null, hash)).isFalse();
    }

    @Test
    void tokensAreRandom32BytesAndStoredAsSha256() {
        String a = Secrets.newToken();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(Secrets.newToken());
        assertThat(Secrets.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void generatedPasswordsAreLongAndUnambiguous() {
        String pw = Secrets.generatePassword(24);
        assertThat(pw).hasSize(24).matches("[A-HJ-NP-Za-km-z2-9]+").isNotEqualTo(Secrets.generatePassword(24));
    }
}
