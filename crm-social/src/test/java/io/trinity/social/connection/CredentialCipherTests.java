package io.trinity.social.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCipherTests {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void credentialsRoundTripAndNeverAppearInClear() {
        CredentialCipher cipher = new CredentialCipher(KEY);
        byte[] sealed = cipher.encrypt("EAAGtest-page-token");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("EAAGtest");
        assertThat(cipher.decrypt(sealed)).isEqualTo("EAAGtest-page-token");
    }

    @Test
    void theSameSecretEncryptsDifferentlyEachTime() {
        CredentialCipher cipher = new CredentialCipher(KEY);
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void aWrongKeyOrATamperedValueIsRefused() {
        byte[] sealed = new CredentialCipher(KEY).encrypt("secret");
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertThatIllegalStateException().isThrownBy(() -> new CredentialCipher(other).decrypt(sealed));
        sealed[sealed.length - 1] ^= 1;
        assertThatIllegalStateException().isThrownBy(() -> new CredentialCipher(KEY).decrypt(sealed));
    }

    @Test
    void onlyA256BitKeyIsAccepted() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CredentialCipher(new byte[16]));
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceAndReused(@TempDir Path dir) {
        SocialProperties properties = new SocialProperties(null, dir.resolve("credentials.key"));
        byte[] sealed = CredentialCipher.from(properties).encrypt("kept");
        assertThat(CredentialCipher.from(properties).decrypt(sealed)).isEqualTo("kept");
    }

    @Test
    void credentialMapsSurviveTheirStoredForm() {
        Map<String, String> credentials = Map.of("pageAccessToken", "EAAG=+/x", "appSecret", "s3cr3t");
        assertThat(Connections.decode(Connections.encode(credentials))).isEqualTo(credentials);
    }
}
