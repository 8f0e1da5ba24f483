package dev.spaces.search.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.http.EntityTags;

/**
 * A search answer as the JSON bytes sent to clients, with its strong ETag. The result cache keeps this form, so that
 * a hit is written as it is (one write with a Content-Length) instead of being serialized again for every request.
 */
public record Answer(byte[] json, String etag) {

    static Answer of(ObjectMapper mapper, Object result) {
        try {
            byte[] json = mapper.writeValueAsBytes(result);
            return new Answer(json, EntityTags.strong(json, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A search result could not be serialized", e);
        }
    }
}
