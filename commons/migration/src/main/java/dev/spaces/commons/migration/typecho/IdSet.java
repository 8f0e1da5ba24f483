package dev.spaces.commons.migration.typecho;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids already pushed (articles, comments), to tell a reply's parent or a comment's post is there: one long per
 * item, not the rows. Ids come in ascending order (the tables are read in key order) and go into a sorted array;
 * the few that come out of order (replies held back for a later parent) go into a small set beside it.
 */
final class IdSet {

    private long[] sorted = new long[1024];
    private int size;
    private final Set<Long> outOfOrder = new HashSet<>();

    void add(long id) {
        if (size == 0 || id > sorted[size - 1]) {
            if (size == sorted.length) {
                sorted = Arrays.copyOf(sorted, size * 2);
            }
            sorted[size++] = id;
        } else if (!containsSorted(id)) {
            outOfOrder.add(id);
        }
    }

    boolean contains(long id) {
        return containsSorted(id) || outOfOrder.contains(id);
    }

    private boolean containsSorted(long id) {
        return Arrays.binarySearch(sorted, 0, size, id) >= 0;
    }
}
