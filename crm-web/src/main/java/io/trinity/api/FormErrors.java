package io.trinity.api;

import io.trinity.shared.FieldError;
import java.util.List;
import java.util.Map;
import org.springframework.validation.BindingResult;

/**
 * Puts a feature's own validation errors (field paths as the API names them) into a console form's
 * {@link BindingResult}, next to the form field they concern; an error no field shows becomes a global error.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult result, List<FieldError> errors) {
        reject(result, errors, Map.of());
    }

    /** As {@link #reject(BindingResult, List)}, with {@code fieldOf} for paths that are not the form's names. */
    public static void reject(BindingResult result, List<FieldError> errors, Map<String, String> fieldOf) {
        for (FieldError e : errors) {
            String field = fieldOf.getOrDefault(e.field(), e.field());
            if (result.getFieldType(field) != null) {
                result.rejectValue(field, "invalid", e.message());
            } else {
                result.reject("invalid", e.message());
            }
        }
    }
}
