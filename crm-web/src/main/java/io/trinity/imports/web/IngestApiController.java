package io.trinity.imports.web;

import io.trinity.activity.ActivityDraft;
import io.trinity.activity.ActivityIngest;
import io.trinity.imports.CustomerCsvImport;
import io.trinity.imports.ImportReport;
import io.trinity.imports.OrderCsvImport;
import io.trinity.order.OrderDraft;
import io.trinity.order.OrderIngest;
import io.trinity.shared.BatchCollector;
import io.trinity.shared.BatchResult;
import io.trinity.api.StrictJson;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Ingest endpoints for systems that push data: idempotent JSON batches of orders and activities (HTTP 200 with
 * per-item rejections) and streamed CSV imports of customers and orders.
 */
@RestController
@RequestMapping("/api/v1")
class IngestApiController {

    private final OrderIngest orders;
    private final ActivityIngest activities;
    private final CustomerCsvImport customerImport;
    private final OrderCsvImport orderImport;
    private final StrictJson json;

    IngestApiController(OrderIngest orders, ActivityIngest activities, CustomerCsvImport customerImport,
            OrderCsvImport orderImport, StrictJson json) {
        this.orders = orders;
        this.activities = activities;
        this.customerImport = customerImport;
        this.orderImport = orderImport;
        this.json = json;
    }

    @PostMapping(path = "/orders", consumes = "application/json")
    BatchResult orders(@RequestBody JsonNode body) {
        BatchCollector batch = new BatchCollector();
        List<OrderDraft> drafts = BatchBody.read(body, OrderItem.class, OrderItem::draft, json, batch);
        return orders.ingest(drafts, batch);
    }

    @PostMapping(path = "/activities", consumes = "application/json")
    BatchResult activities(@RequestBody JsonNode body) {
        BatchCollector batch = new BatchCollector();
        List<ActivityDraft> drafts = BatchBody.read(body, ActivityItem.class, item -> item.draft(metrics(item)),
                json, batch);
        for (int i = 0; i < drafts.size(); i++) {
            JsonNode metrics = body.get(i).get("metrics");
            if (drafts.get(i) != null && metrics != null && !metrics.isNull() && !metrics.isObject()) {
                batch.reject(i, "metrics", "must be a JSON object");
            } else if (drafts.get(i) != null && drafts.get(i).metricsJson() != null
                    && drafts.get(i).metricsJson().contains("\\u0000")) {
                batch.reject(i, "metrics", "contains a NUL character");
            }
        }
        return activities.ingest(drafts, batch);
    }

    private String metrics(ActivityItem item) {
        return item.metrics() == null || item.metrics().isNull() || !item.metrics().isObject()
                ? null : json.write(item.metrics());
    }

    @PostMapping(path = "/imports/customers", consumes = {"text/csv", "text/plain", "application/csv"})
    ImportReport importCustomers(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return customerImport.importCsv(in);
        }
    }

    @PostMapping(path = "/imports/customers", consumes = "multipart/form-data")
    ImportReport importCustomersFile(@RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return customerImport.importCsv(in);
        }
    }

    @PostMapping(path = "/imports/orders", consumes = {"text/csv", "text/plain", "application/csv"})
    ImportReport importOrders(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return orderImport.importCsv(in);
        }
    }

    @PostMapping(path = "/imports/orders", consumes = "multipart/form-data")
    ImportReport importOrdersFile(@RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return orderImport.importCsv(in);
        }
    }
}
