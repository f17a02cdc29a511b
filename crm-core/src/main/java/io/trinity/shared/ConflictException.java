package io.trinity.shared;

/** The request is valid on its own but clashes with what is stored (e.g. an externalId already taken). */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
