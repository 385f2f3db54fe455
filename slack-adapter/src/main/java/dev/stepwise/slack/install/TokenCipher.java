package dev.stepwise.slack.install;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.PropertyResolver;

/**
 * Encrypts Slack tokens at rest with AES-256-GCM.
 *
 * <p>A sealed value is {@code [key version: 1 byte][nonce: 12 random bytes][ciphertext + 16-byte tag]}. The key
 * version lets a later key rotation tell which key sealed a value. The associated data given to {@link #seal}
 * (for example the row's enterprise and team ids) must be given again to {@link #open}: a value copied to
 * another row, a tampered value, or a value sealed with another key does not open and fails with an
 * {@link IllegalStateException}. Neither keys nor plaintexts ever appear in messages.
 */
public final class TokenCipher {

    /** The configuration property holding the key: 32 random bytes, base64-encoded. */
    public static final String KEY_PROPERTY = "stepwise.slack.token-encryption-key";

    private static final byte CURRENT_KEY_VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /**
     * Uses the given base64-encoded 32-byte key (standard or URL-safe alphabet), as configured in
     * {@value #KEY_PROPERTY}.
     *
     * @throws IllegalStateException if the key is missing, not base64, or not 32 bytes long
     */
    public TokenCipher(String base64Key) {
        byte[] decoded = decode(base64Key);
        try {
            this.key = new SecretKeySpec(decoded, "AES");
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    /**
     * Reads the key from {@value #KEY_PROPERTY}.
     *
     * @throws IllegalStateException if the property is missing or is not a base64-encoded 32-byte key
     */
    public static TokenCipher fromConfiguration(PropertyResolver configuration) {
        return new TokenCipher(configuration.getProperty(KEY_PROPERTY));
    }

    private static byte[] decode(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException(KEY_PROPERTY + " is not set: Slack tokens cannot be stored without it. "
                    + "Set it to 32 random bytes, base64-encoded (for example: openssl rand -base64 32).");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_PROPERTY + " is not valid base64. "
                    + "Set it to 32 random bytes, base64-encoded (for example: openssl rand -base64 32).");
        }
        if (key.length != KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalStateException(KEY_PROPERTY + " must decode to " + KEY_BYTES + " bytes for AES-256 but "
                    + "decodes to " + key.length + ". Set it to 32 random bytes, base64-encoded "
                    + "(for example: openssl rand -base64 32).");
        }
        return key;
    }

    /** Encrypts {@code plaintext}, binding it to {@code associatedData}, under a fresh random nonce. */
    public byte[] seal(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, CURRENT_KEY_VERSION, associatedData);
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length)
                    .put(CURRENT_KEY_VERSION).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a Slack token", e);
        }
    }

    /**
     * Decrypts a value made by {@link #seal} with the same associated data.
     *
     * @throws IllegalStateException if the value was sealed with another key or other associated data, or was
     *     altered
     */
    public String open(byte[] sealed, String associatedData) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("A stored Slack token is truncated or empty and cannot be decrypted.");
        }
        byte version = sealed[0];
        if (version != CURRENT_KEY_VERSION) {
            throw new IllegalStateException("A stored Slack token was encrypted with key version " + version
                    + ", but only key version " + CURRENT_KEY_VERSION + " (" + KEY_PROPERTY + ") is configured.");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(sealed, 1, nonce, 0, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, version, associatedData);
            byte[] plaintext = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored Slack token could not be decrypted: it was encrypted with a "
                    + "different " + KEY_PROPERTY + ", altered, or copied from another installation.", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, byte version, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(new byte[] {version});
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "TokenCipher[key version " + CURRENT_KEY_VERSION + "]";
    }
}
