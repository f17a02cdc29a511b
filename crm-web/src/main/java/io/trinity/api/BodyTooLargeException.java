package io.trinity.api;

/** The request body is larger than the endpoint accepts. */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + (limit / (1024 * 1024)) + " MB.");
    }
}
