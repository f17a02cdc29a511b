package io.trinity.social.checkin;

/** The webhook's signature is missing or matches no configured secret: nothing was read or stored. */
public class SignatureRejectedException extends RuntimeException {

    public SignatureRejectedException(String message) {
        super(message);
    }
}
