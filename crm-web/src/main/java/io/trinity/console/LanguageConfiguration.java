package io.trinity.console;

import io.trinity.staff.StaffAccounts;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The console's texts come from {@code messages*.properties} (English is the base; German, Norwegian bokmål,
 * Spanish and Simplified Chinese beside it). A key missing in a language fails the build (LanguageBundlesTests)
 * rather than falling back to the server's own locale.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver(StaffAccounts accounts) {
        return new ConsoleLanguages(accounts);
    }
}
