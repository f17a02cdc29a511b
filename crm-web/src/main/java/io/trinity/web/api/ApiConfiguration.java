package io.trinity.web.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;

/**
 * API plumbing: strict JSON (an unknown field, a null for a number or trailing garbage is a 400, never silently
 * dropped) and the body limit, registered after security so authorization is decided before any body is read.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    static final long JSON_BODY_LIMIT = 32L * 1024 * 1024;

    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Bean
    FilterRegistrationBean<ApiBodyLimitFilter> apiBodyLimitFilter() {
        FilterRegistrationBean<ApiBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new ApiBodyLimitFilter(JSON_BODY_LIMIT));
        registration.setOrder(0);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
