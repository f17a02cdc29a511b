package io.trinity.core.loyalty;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the valuation knows of customers that rules may ask about: their segment and influence score. Implemented
 * by the scoring module; without it, rules with segment or influence conditions simply do not match.
 */
public interface MemberStanding {

    record Standing(@Nullable String segment, @Nullable Double influence) {
    }

    Map<Long, Standing> of(Collection<Long> customerIds);

    /** The segment names a rule may name, in display order. */
    List<String> segments();

    MemberStanding NONE = new MemberStanding() {
        @Override
        public Map<Long, Standing> of(Collection<Long> customerIds) {
            return Map.of();
        }

        @Override
        public List<String> segments() {
            return List.of();
        }
    };
}
