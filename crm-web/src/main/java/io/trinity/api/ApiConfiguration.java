package io.trinity.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.apache.catalina.core.StandardHost;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * API plumbing: strict JSON (an unknown field, a null for a number or trailing garbage is a 400, never silently
 * dropped) and the body limit, registered after security so authorization is decided before any body is read.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    static final long JSON_BODY_LIMIT = 32L * 1024 * 1024;

    /**
     * Strict JSON: unknown fields, nulls for numbers, trailing garbage and a field named twice are refused; a
     * boolean must be {@code true} or {@code false} (not {@code 1} or {@code "true"}, which would otherwise count
     * as consent); strings may not hold NUL.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .addModule(new SimpleModule("trinity-text").addDeserializer(String.class,
                        new NulFreeStringDeserializer()));
    }

    /**
     * The API speaks JSON (and CSV where it imports files). YAML, XML, CBOR and Smile converters that libraries on
     * the class path would bring are removed, so no undocumented format is read or written.
     */
    @Bean
    WebMvcConfigurer onlyDocumentedFormats() {
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.configureMessageConvertersList(converters -> converters.removeIf(converter ->
                        converter.getSupportedMediaTypes().stream().anyMatch(type -> {
                            String subtype = type.getSubtype();
                            return subtype.contains("yaml") || subtype.contains("xml") || subtype.contains("cbor")
                                    || subtype.contains("smile");
                        })));
            }
        };
    }

    /** Checks parameters, URL length and body media types of every request (see {@link ApiRequestGuard}). */
    @Bean
    FilterRegistrationBean<ApiRequestGuard> apiRequestGuard() {
        FilterRegistrationBean<ApiRequestGuard> registration = new FilterRegistrationBean<>(new ApiRequestGuard());
        registration.setOrder(1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Tomcat's own refusals (before Spring) answer as problem documents too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<ApiBodyLimitFilter> apiBodyLimitFilter() {
        FilterRegistrationBean<ApiBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new ApiBodyLimitFilter(JSON_BODY_LIMIT));
        registration.setOrder(2);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
