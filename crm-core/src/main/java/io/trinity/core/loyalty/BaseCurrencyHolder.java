package io.trinity.core.loyalty;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The {@link BaseCurrency} the valuation provides, or the USD-only fallback when it is not in the application. */
@Component
class BaseCurrencyHolder {

    private final ObjectProvider<BaseCurrency> provider;

    BaseCurrencyHolder(ObjectProvider<BaseCurrency> provider) {
        this.provider = provider;
    }

    BaseCurrency get() {
        return provider.getIfAvailable(() -> BaseCurrency.USD_ONLY);
    }
}
