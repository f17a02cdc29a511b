package io.trinity.imports.web;

import java.io.IOException;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins upload a customer or order CSV; the page follows the import's progress and lists rejected rows. */
@Controller
class ImportConsoleController {

    private final ImportJobs jobs;

    ImportConsoleController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/admin/imports")
    String list(Model model) {
        model.addAttribute("jobs", jobs.recent());
        return "imports/list";
    }

    @PostMapping("/admin/imports")
    String upload(@RequestParam(defaultValue = "customers") String kind,
            @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
            Principal principal, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "Choose a CSV file to import.");
            return "redirect:/admin/imports";
        }
        if (!kind.equals("customers") && !kind.equals("orders")) {
            redirect.addFlashAttribute("problem", "Import customers or orders.");
            return "redirect:/admin/imports";
        }
        String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        var job = jobs.start(kind, name.length() > 120 ? name.substring(0, 120) : name, file.getInputStream(),
                principal.getName(), dryRun);
        return "redirect:/admin/imports/" + job.id();
    }

    @GetMapping("/admin/imports/{id}")
    String job(@PathVariable long id, Model model) {
        model.addAttribute("job", jobs.find(id).orElseThrow(() ->
                new io.trinity.shared.NotFoundException("no import " + id)));
        return "imports/job";
    }

    /** A file to start from: every column of the kind, and one example row. */
    @GetMapping(value = "/admin/imports/template/{kind}", produces = "text/csv")
    void template(@PathVariable String kind, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        String csv = switch (kind) {
            case "customers" -> """
                    external_id,first_name,last_name,email,phone,loyalty_number,locale,street,postal_code,city,region,\
                    country,consent_marketing,created_at,birth_date,facebook_id,x_username
                    CUST-1001,Kari,Nordmann,kari.nordmann@example.no,+47 912 34 567,L-100200,nb-NO,Storgata 1,0155,\
                    Oslo,Oslo,NO,true,2026-11-01,1985-04-12,,karitrails
                    """;
            case "orders" -> """
                    order_id,customer_external_id,ordered_at,amount,currency,channel,store_id
                    ORD-5001,CUST-1001,2026-11-02T14:30:00Z,49.90,EUR,store,ST-OSL
                    """;
            default -> throw new io.trinity.shared.NotFoundException("no import template for '" + kind + "'");
        };
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"trinity-" + kind + "-template.csv\"");
        response.getOutputStream().write(("\uFEFF" + csv.replace("\n", "\r\n"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The rows an import rejected, with the reason in an extra column, to fix and import again. */
    @GetMapping(value = "/admin/imports/{id}/rejected", produces = "text/csv")
    void rejected(@PathVariable long id, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        var job = jobs.find(id).orElseThrow(() -> new io.trinity.shared.NotFoundException("no import " + id));
        byte[] rows = job.rejectedRows;
        if (rows == null) {
            throw new io.trinity.shared.NotFoundException("import " + id + " rejected no rows");
        }
        response.setContentType("text/csv;charset=UTF-8");
        String base = job.fileName().replaceAll("(?i)\\.csv$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + base + "-rejected.csv\"");
        response.getOutputStream().write(rows);
    }

    /** The fragment htmx polls while the import runs. */
    @GetMapping("/admin/imports/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("job", jobs.find(id).orElseThrow(() ->
                new io.trinity.shared.NotFoundException("no import " + id)));
        return "imports/job :: progress";
    }
}
