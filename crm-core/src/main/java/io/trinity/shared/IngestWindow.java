package io.trinity.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The {@link TimeWindow} every ingest path checks now: from {@code crm.ingest.earliest} (default 1900-01-01) to
 * {@code crm.ingest.max-ahead} (default one day) after the clock.
 */
@Component
@EnableConfigurationProperties(IngestWindow.Settings.class)
public class IngestWindow {

    /** Bounds of plausible event times. */
    @ConfigurationProperties("crm.ingest")
    public record Settings(@DefaultValue("1900-01-01") LocalDate earliest, @DefaultValue("1d") Duration maxAhead) {
    }

    private final Settings settings;
    private final Clock clock;

    IngestWindow(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public TimeWindow now() {
        return TimeWindow.around(clock.instant(), settings.earliest(), settings.maxAhead());
    }
}
