package dev.spaces.k8s;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One rendered overlay: typed fabric8 objects; operator custom resources as generic resources. */
record Rendered(String overlay, List<HasMetadata> objects) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Rendered parse(String overlay, String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<KubernetesResource> docs = YAML.readerFor(KubernetesResource.class).readValues(yaml)) {
            while (docs.hasNext()) {
                KubernetesResource doc = docs.next();
                if (doc instanceof HasMetadata h) {
                    objects.add(h);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rendered " + overlay + " is not valid Kubernetes YAML", e);
        }
        return new Rendered(overlay, objects);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    GenericKubernetesResource single(String kind) {
        List<GenericKubernetesResource> found = custom(kind);
        if (found.size() != 1) {
            throw new AssertionError(overlay + ": expected one " + kind + ", found " + found.size());
        }
        return found.getFirst();
    }

    /** A path into a custom resource's spec, e.g. {@code at(es, "nodeSets", 0, "count")}. */
    @SuppressWarnings("unchecked")
    static Object at(GenericKubernetesResource r, Object... path) {
        Object node = r.getAdditionalProperties().get("spec");
        for (Object step : path) {
            if (node == null) {
                return null;
            }
            node = step instanceof Integer i ? ((List<Object>) node).get(i) : ((Map<String, Object>) node).get(step);
        }
        return node;
    }
}
