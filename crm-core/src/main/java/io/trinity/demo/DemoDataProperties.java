package io.trinity.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode: demo data on first start and demo logins.
 *
 * @param enabled   generate demo data and demo users on an empty database (default false)
 * @param customers how many customers to generate (default 2,000)
 * @param seed      random seed; the same seed and day give the same data
 */
@ConfigurationProperties("crm.demo")
public record DemoDataProperties(@DefaultValue("false") boolean enabled, @DefaultValue("2000") int customers,
        @DefaultValue("20261124") long seed) {
}
