package io.trinity.duplicates.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The merge form of the side-by-side page: which record keeps its id ({@code survivor}, a customer id) and, per
 * field, which record's value survives ({@code fields[email]=a|b}).
 */
public class MergeForm {

    private @Nullable Long survivor;
    private Map<String, String> fields = new LinkedHashMap<>();

    public @Nullable Long getSurvivor() {
        return survivor;
    }

    public void setSurvivor(@Nullable Long survivor) {
        this.survivor = survivor;
    }

    public Map<String, String> getFields() {
        return fields;
    }

    public void setFields(Map<String, String> fields) {
        this.fields = fields;
    }
}
