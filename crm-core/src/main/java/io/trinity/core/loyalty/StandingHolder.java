package io.trinity.core.loyalty;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The {@link MemberStanding} the valuation provides, or none when it is not in the application. */
@Component
class StandingHolder {

    private final ObjectProvider<MemberStanding> provider;

    StandingHolder(ObjectProvider<MemberStanding> provider) {
        this.provider = provider;
    }

    MemberStanding get() {
        return provider.getIfAvailable(() -> MemberStanding.NONE);
    }
}
