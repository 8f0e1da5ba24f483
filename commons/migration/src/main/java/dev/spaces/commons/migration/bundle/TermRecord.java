package dev.spaces.commons.migration.bundle;

/**
 * A category or a tag. Categories may nest: {@code parentKey} names the parent, which comes earlier in the bundle.
 *
 * @param key   the source's term, e.g. {@code category:3}
 * @param order the source's position among its siblings, when it has one
 */
public record TermRecord(Type type, String key, String slug, String name, String description, String parentKey,
                         Integer order) implements BundleRecord {

    public enum Type { CATEGORY, TAG }

    @Override
    public String kind() {
        return type == Type.CATEGORY ? "category" : "tag";
    }
}
