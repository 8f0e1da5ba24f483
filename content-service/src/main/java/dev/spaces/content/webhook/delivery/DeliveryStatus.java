package dev.spaces.content.webhook.delivery;

public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
