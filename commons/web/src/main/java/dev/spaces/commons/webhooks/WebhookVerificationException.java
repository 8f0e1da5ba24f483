package dev.spaces.commons.webhooks;

/** A delivery that must not be trusted; the message is safe to show to the sender. */
public class WebhookVerificationException extends RuntimeException {
    public WebhookVerificationException(String message) {
        super(message);
    }
}
