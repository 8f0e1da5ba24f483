package dev.spaces.commons.migration.typecho;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Pushes items read in id order so that a parent always comes before its children (a category before its
 * subcategories, a comment before its replies). In id order that holds by itself except where a parent has a higher
 * id than its child (a category made parent later, comments moved or imported by a plugin): only those children (and
 * theirs) are held back until their parent comes, so memory stays flat. A child whose parent never comes (deleted,
 * or skipped) is pushed as a root through {@code orphan}.
 */
final class ParentFirst<T> {

    /** What an item whose parent is missing becomes: the same item as a root (and a note saying so). */
    interface Orphan<T> {
        T asRoot(T item, long missingParent);
    }

    private final ToLongFunction<T> id;
    private final ToLongFunction<T> parent;
    private final Consumer<T> emit;
    private final Orphan<T> orphan;
    private final IdSet emitted = new IdSet();
    /** Held back: parent id → children waiting for it, in id order. */
    private final Map<Long, List<T>> waiting = new HashMap<>();
    private final Map<Long, Long> heldParent = new HashMap<>();

    ParentFirst(ToLongFunction<T> id, ToLongFunction<T> parent, Consumer<T> emit, Orphan<T> orphan) {
        this.id = id;
        this.parent = parent;
        this.emit = emit;
        this.orphan = orphan;
    }

    /** Takes the next item in id order: pushes it (and any children waiting for it) or holds it back. */
    void offer(T item) {
        long own = id.applyAsLong(item);
        long up = parent.applyAsLong(item);
        if (up == 0 || emitted.contains(up)) {
            push(item);
        } else if (heldParent.containsKey(up) || up > own) {
            // the parent is itself held back, or comes later in id order
            waiting.computeIfAbsent(up, k -> new ArrayList<>()).add(item);
            heldParent.put(own, up);
        } else {
            push(orphan.asRoot(item, up));
        }
    }

    /** Pushes what is still held back: children of parents that never came, as roots, in id order. */
    void finish() {
        while (!waiting.isEmpty()) {
            TreeMap<Long, T> roots = new TreeMap<>();
            for (Map.Entry<Long, List<T>> e : waiting.entrySet()) {
                if (!heldParent.containsKey(e.getKey())) { // the parent is not waiting itself: it never came
                    for (T child : e.getValue()) {
                        roots.put(id.applyAsLong(child), child);
                    }
                }
            }
            if (roots.isEmpty()) {
                // a cycle (a is b's parent and b is a's): break it at the lowest id
                long lowest = waiting.values().stream().flatMap(List::stream).mapToLong(id).min().orElseThrow();
                T item = waiting.values().stream().flatMap(List::stream)
                        .filter(c -> id.applyAsLong(c) == lowest).findFirst().orElseThrow();
                roots.put(lowest, item);
            }
            for (T root : roots.values()) {
                long own = id.applyAsLong(root);
                long up = heldParent.remove(own);
                List<T> siblings = waiting.get(up);
                siblings.remove(root);
                if (siblings.isEmpty()) {
                    waiting.remove(up);
                }
                push(orphan.asRoot(root, up));
            }
        }
    }

    private void push(T item) {
        long own = id.applyAsLong(item);
        heldParent.remove(own);
        emit.accept(item);
        emitted.add(own);
        List<T> children = waiting.remove(own);
        if (children != null) {
            for (T child : children) {
                push(child);
            }
        }
    }
}
