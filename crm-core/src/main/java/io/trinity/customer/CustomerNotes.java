package io.trinity.customer;

import io.trinity.shared.InvalidInputException;
import io.trinity.shared.NotFoundException;
import io.trinity.shared.TextRules;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes staff keep on a customer, newest first, and the audit of edits to the record (who changed which fields,
 * not the values). Both follow a merge into the survivor and come back on undo.
 */
@Service
public class CustomerNotes {

    public record Note(long id, String author, String text, Instant createdAt) {
    }

    public record Change(String actor, String action, List<String> fields, Instant occurredAt) {
    }

    private final JdbcClient jdbc;
    private final CustomerResolver resolver;

    CustomerNotes(JdbcClient jdbc, CustomerResolver resolver) {
        this.jdbc = jdbc;
        this.resolver = resolver;
    }

    @Transactional
    public Note add(long customerId, @Nullable String text, String author) {
        long id = resolver.current(customerId);
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("text", "write the note first");
        }
        if (clean.length() > 4000 || !TextRules.isStorable(clean, true)) {
            throw new InvalidInputException("text", "must be at most 4000 characters of text");
        }
        if (jdbc.sql("select count(*) from customer where id = ?").param(id).query(Long.class).single() == 0) {
            throw new NotFoundException("no customer " + customerId);
        }
        return jdbc.sql("insert into customer_note (customer_id, author, text) values (?, ?, ?) returning *")
                .params(id, author, clean).query((rs, n) -> new Note(rs.getLong("id"), rs.getString("author"),
                        rs.getString("text"), rs.getTimestamp("created_at").toInstant())).single();
    }

    @Transactional(readOnly = true)
    public List<Note> of(long customerId, int limit) {
        return jdbc.sql("""
                        select * from customer_note where customer_id = ? order by created_at desc, id desc limit ?""")
                .params(customerId, limit).query((rs, n) -> new Note(rs.getLong("id"), rs.getString("author"),
                        rs.getString("text"), rs.getTimestamp("created_at").toInstant())).list();
    }

    /** Records who changed which fields of a customer (the names only: the audit copies no personal data). */
    @Transactional
    public void audit(long customerId, String actor, String action, List<String> fields) {
        jdbc.sql("insert into customer_audit (customer_id, actor, action, fields) values (?, ?, ?, ?)")
                .params(customerId, actor, action, fields.toArray(String[]::new)).update();
    }

    @Transactional(readOnly = true)
    public List<Change> changes(long customerId, int limit) {
        return jdbc.sql("""
                        select * from customer_audit where customer_id = ? order by occurred_at desc, id desc limit ?""")
                .params(customerId, limit).query((rs, n) -> new Change(rs.getString("actor"), rs.getString("action"),
                        List.of((String[]) rs.getArray("fields").getArray()),
                        rs.getTimestamp("occurred_at").toInstant())).list();
    }

    @EventListener
    void on(CustomersMerged merge) {
        List<Long> moved = jdbc.sql("update customer_note set customer_id = ? where customer_id = ? returning id")
                .params(merge.survivorId(), merge.mergedId()).query(Long.class).list();
        merge.journal().moved("notes", "notes", moved);
    }

    @EventListener
    void on(MergeUndone undo) {
        List<Long> ids = undo.journal().ids("notes");
        if (!ids.isEmpty()) {
            jdbc.sql("update customer_note set customer_id = ? where id = any(?) and customer_id = ?")
                    .params(undo.mergedId(), ids.toArray(Long[]::new), undo.survivorId()).update();
        }
    }
}
