package io.trinity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Trinity sCRM. Lives in the root package so that every module's components, entities and repositories are
 * found without listing them.
 */
@SpringBootApplication
public class TrinityApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrinityApplication.class, args);
    }
}
