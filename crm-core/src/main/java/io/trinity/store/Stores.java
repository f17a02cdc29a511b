package io.trinity.store;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and registers stores. */
@Component
public class Stores {

    private final JdbcClient jdbc;

    Stores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Store> all() {
        return jdbc.sql("select * from store order by id").query(Store.class).list();
    }

    public Optional<Store> find(String id) {
        return jdbc.sql("select * from store where id = ?").param(id).query(Store.class).optional();
    }

    /** Registers a store or refreshes its details. */
    public void save(Store store) {
        jdbc.sql("""
                insert into store (id, name, city, country, latitude, longitude) values (?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, city = excluded.city,
                    country = excluded.country, latitude = excluded.latitude, longitude = excluded.longitude""")
                .params(store.id(), store.name(), store.city(), store.country(), store.latitude(), store.longitude())
                .update();
    }
}
