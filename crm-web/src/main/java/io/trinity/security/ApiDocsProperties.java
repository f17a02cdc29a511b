package io.trinity.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The live API documentation ({@code /v3/api-docs}, Swagger UI) describes every endpoint and field, so by default
 * it needs a staff sign-in; {@code crm.api-docs.public=true} opens it (e.g. on a developer machine).
 */
@ConfigurationProperties("crm.api-docs")
public record ApiDocsProperties(@Name("public") @DefaultValue("false") boolean open) {
}
