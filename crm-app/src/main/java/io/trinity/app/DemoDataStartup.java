package io.trinity.app;

import io.trinity.demo.DemoDataGenerator;
import io.trinity.demo.DemoDataProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** In demo mode, fills an empty installation with Northwind Outfitters once; later starts keep the data. */
@Component
@Order(20)
class DemoDataStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataStartup.class);

    private final DemoDataGenerator generator;
    private final DemoDataProperties properties;
    private final io.trinity.loyalty.DemoProgramme loyalty;
    private final io.trinity.duplicates.DuplicateScans duplicates;

    DemoDataStartup(DemoDataGenerator generator, DemoDataProperties properties,
            io.trinity.loyalty.DemoProgramme loyalty, io.trinity.duplicates.DuplicateScans duplicates) {
        this.duplicates = duplicates;
        this.generator = generator;
        this.properties = properties;
        this.loyalty = loyalty;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        var summary = generator.generateOnce(properties.customers(), properties.seed());
        if (summary == null) {
            log.info("Demo data already present; keeping it");
        }
        loyalty.installOnce();
        if (summary != null) {
            // The demo base holds messy second records: find them once, so the review queue is filled (and, with
            // crm.identity.auto-merge on as the demo command sets it, the certain ones are merged already).
            var scan = duplicates.runNow("demo");
            log.info("Demo duplicate scan: {} candidate pairs, {} pairs for the queue", scan.candidates(),
                    scan.pairs());
        }
    }
}
