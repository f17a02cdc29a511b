package io.trinity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class DemoDataGeneratorTests {

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    JdbcClient jdbc;

    @Test
    void generatesABelievableRetailerOnceAndOnlyOnce() {
        long before = jdbc.sql("select count(*) from customer").query(Long.class).single();
        DemoDataGenerator.Summary first = generator.generateOnce(500, 7);
        assertThat(first).as("no other test of this module generates the demo").isNotNull();
        assertThat(first.customers()).isEqualTo(500);
        assertThat(jdbc.sql("select count(*) from customer").query(Long.class).single()).isEqualTo(before + 500);
        assertThat(generator.generateOnce(500, 7)).isNull();
        assertThat(jdbc.sql("select count(*) from customer").query(Long.class).single()).isEqualTo(before + 500);

        // Purchase skew: many one-timers, a few heavy buyers, some refunds.
        var perCustomer = jdbc.sql("""
                select count(*) filter (where n = 1) as one_timers, count(*) filter (where n >= 15) as heavy
                from (select customer_id, count(*) filter (where amount_minor > 0) as n from orders
                      where external_id like 'DO-%' group by customer_id) t""").query().singleRow();
        assertThat((Long) perCustomer.get("one_timers")).isGreaterThan((Long) perCustomer.get("heavy"));
        assertThat((Long) perCustomer.get("heavy")).isPositive();
        assertThat(jdbc.sql("select count(*) from orders where amount_minor < 0").query(Long.class).single())
                .isPositive();
        // A follow graph with hubs: the most-followed customer has far more followers than the median.
        var follows = jdbc.sql("""
                select max(n) as top, percentile_cont(0.5) within group (order by n) as median
                from (select target_customer_id, count(*) as n from activity where type = 'FOLLOW'
                      group by target_customer_id) t""").query().singleRow();
        assertThat(((Number) follows.get("top")).doubleValue())
                .isGreaterThan(5 * ((Number) follows.get("median")).doubleValue());
        assertThat(jdbc.sql("select count(*) from activity where type = 'CHECKIN'").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("select count(*) from social_identity where customer_id is null").query(Long.class)
                .single()).isPositive();
    }
}
