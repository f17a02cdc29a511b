package io.trinity;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the core module alone for its own tests. */
@SpringBootApplication
public class CoreTestApplication {
}
