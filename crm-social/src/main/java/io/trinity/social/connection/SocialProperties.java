package io.trinity.social.connection;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connector settings.
 *
 * @param encryptionKey base64 of a 256-bit AES key for stored credentials (env {@code CRM_SOCIAL_ENCRYPTION_KEY});
 *                      when unset, a key is generated once into {@code keyFile}
 * @param keyFile       where a generated key is kept (default {@code ~/.trinity/credentials.key})
 */
@ConfigurationProperties("crm.social")
public record SocialProperties(@Nullable String encryptionKey, @Nullable Path keyFile) {

    public Path resolvedKeyFile() {
        return keyFile != null ? keyFile : Path.of(System.getProperty("user.home"), ".trinity", "credentials.key");
    }
}
