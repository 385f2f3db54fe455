package dev.stepwise.slack.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class TokenCipherTest {

    private static final String TOKEN = "xoxb-1234-5678-secretsecret";
    private static final String ROW = "slack_bots/E1/T1";

    private final String key = randomKey();
    private final TokenCipher cipher = new TokenCipher(key);

    @Test
    void sealsWithAVersionByteAndAFreshNonceAndOpensAgain() {
        byte[] first = cipher.seal(TOKEN, ROW);
        byte[] second = cipher.seal(TOKEN, ROW);

        assertThat(first).hasSize(1 + 12 + TOKEN.length() + 16);
        assertThat(first[0]).isEqualTo((byte) 1);
        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.open(first, ROW)).isEqualTo(TOKEN);
        assertThat(cipher.open(second, ROW)).isEqualTo(TOKEN);
    }

    @Test
    void everyTamperedByteFailsLoudly() {
        byte[] sealed = cipher.seal(TOKEN, ROW);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.open(tampered, ROW)).as("byte %d flipped", i)
                    .isInstanceOf(IllegalStateException.class);
        }
        byte[] truncated = java.util.Arrays.copyOf(sealed, 20);
        assertThatThrownBy(() -> cipher.open(truncated, ROW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueBoundToOneRowDoesNotOpenForAnother() {
        byte[] sealed = cipher.seal(TOKEN, ROW);

        assertThatThrownBy(() -> cipher.open(sealed, "slack_bots/E1/T2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("copied from another installation");
    }

    @Test
    void anotherKeyFailsWithAMessageNamingThePropertyButNeitherKeyNorToken() {
        byte[] sealed = cipher.seal(TOKEN, ROW);
        String otherKey = randomKey();

        assertThatThrownBy(() -> new TokenCipher(otherKey).open(sealed, ROW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(TokenCipher.KEY_PROPERTY)
                .hasMessageNotContaining(key)
                .hasMessageNotContaining(otherKey)
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aMissingKeyNamesTheProperty() {
        for (String missing : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> new TokenCipher(missing))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(TokenCipher.KEY_PROPERTY + " is not set");
        }
        assertThatThrownBy(() -> TokenCipher.fromConfiguration(new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stepwise.slack.token-encryption-key is not set");
    }

    @Test
    void aKeyOfTheWrongLengthOrNotBase64IsRefusedWithoutEchoingIt() {
        byte[] shortKey = new byte[16];
        new SecureRandom().nextBytes(shortKey);
        String sixteenBytes = Base64.getEncoder().encodeToString(shortKey);

        assertThatThrownBy(() -> new TokenCipher(sixteenBytes))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(TokenCipher.KEY_PROPERTY)
                .hasMessageContaining("must decode to 32 bytes")
                .hasMessageContaining("decodes to 16")
                .hasMessageNotContaining(sixteenBytes);
        assertThatThrownBy(() -> new TokenCipher("not*base64*at*all"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(TokenCipher.KEY_PROPERTY + " is not valid base64")
                .hasMessageNotContaining("not*base64*at*all");
    }

    @Test
    void readsTheKeyFromConfigurationInEitherBase64Alphabet() {
        var configuration = new MockEnvironment().withProperty(TokenCipher.KEY_PROPERTY, key);
        byte[] sealed = TokenCipher.fromConfiguration(configuration).seal(TOKEN, ROW);

        assertThat(cipher.open(sealed, ROW)).isEqualTo(TOKEN);
        String urlSafe = key.replace('+', '-').replace('/', '_');
        assertThat(new TokenCipher(urlSafe).open(sealed, ROW)).isEqualTo(TOKEN);
    }

    @Test
    void neverShowsItsKey() {
        assertThat(cipher.toString()).doesNotContain(key);
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
