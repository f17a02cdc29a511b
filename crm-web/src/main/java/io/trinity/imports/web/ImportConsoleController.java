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
            @RequestParam(required = false) MultipartFile file, Principal principal, RedirectAttributes redirect)
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
                principal.getName());
        return "redirect:/admin/imports/" + job.id();
    }

    @GetMapping("/admin/imports/{id}")
    String job(@PathVariable long id, Model model) {
        model.addAttribute("job", jobs.find(id).orElseThrow(() ->
                new io.trinity.shared.NotFoundException("no import " + id)));
        return "imports/job";
    }

    /** The fragment htmx polls while the import runs. */
    @GetMapping("/admin/imports/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("job", jobs.find(id).orElseThrow(() ->
                new io.trinity.shared.NotFoundException("no import " + id)));
        return "imports/job :: progress";
    }
}
