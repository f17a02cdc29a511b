package io.trinity.web.api;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the API's body limit after security, so authorization is decided before any body is read. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    static final long JSON_BODY_LIMIT = 32L * 1024 * 1024;

    @Bean
    FilterRegistrationBean<ApiBodyLimitFilter> apiBodyLimitFilter() {
        FilterRegistrationBean<ApiBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new ApiBodyLimitFilter(JSON_BODY_LIMIT));
        registration.setOrder(0);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
