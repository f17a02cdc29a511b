package io.trinity;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots core and web (without the app module) for the web module's own tests. */
@SpringBootApplication
public class WebTestApplication {
}
