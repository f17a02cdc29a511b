package io.trinity;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots core and social for the social module's own tests. */
@SpringBootApplication
public class SocialTestApplication {
}
