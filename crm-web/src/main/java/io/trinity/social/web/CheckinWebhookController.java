package io.trinity.social.web;

import io.trinity.social.checkin.CheckinWebhook;
import io.trinity.social.checkin.SignatureRejectedException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/webhooks/checkins}: authenticated by its HMAC signature, not by a login. The raw bytes are
 * verified before anything is parsed; a replayed event id is acknowledged with 200 and stores nothing.
 */
@RestController
class CheckinWebhookController {

    private final CheckinWebhook webhook;

    CheckinWebhookController(CheckinWebhook webhook) {
        this.webhook = webhook;
    }

    @PostMapping(path = "/api/v1/webhooks/checkins", consumes = "application/json")
    Map<String, String> receive(@RequestBody byte[] body,
            @RequestHeader(name = "X-Trinity-Signature", required = false) @Nullable String signature) {
        CheckinWebhook.Outcome outcome = webhook.receive(body, signature);
        return Map.of("status", outcome == CheckinWebhook.Outcome.ACCEPTED ? "accepted" : "duplicate");
    }

    @ExceptionHandler(SignatureRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(SignatureRejectedException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                        "Webhook signature rejected: " + e.getMessage()));
    }
}
