package dev.spaces.content.domain;

public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
