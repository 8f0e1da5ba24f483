package dev.spaces.commons.http;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public GET whose response gets a strong ETag (hash of the bytes sent), Last-Modified when known,
 * {@code Cache-Control: public} (private for requests with credentials), and 304 answers to If-None-Match / If-Modified-Since.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicCache {
}
