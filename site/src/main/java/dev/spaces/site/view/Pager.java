package dev.spaces.site.view;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbered pages under a list: first, last, and a window around the current page, with gaps between ({@code
 * number} 0). {@code base} is the list's path; page 1 is the path itself, the others add {@code ?page=n} (or
 * {@code &page=n} when the path already has a query).
 */
public record Pager(String base, int page, int totalPages) {

    public record Item(int number, String href, boolean current) {
        public boolean gap() {
            return number == 0;
        }
    }

    public boolean needed() {
        return totalPages > 1;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages;
    }

    public String previous() {
        return href(page - 1);
    }

    public String next() {
        return href(page + 1);
    }

    public String href(int n) {
        if (n <= 1) {
            return base;
        }
        return base + (base.contains("?") ? "&" : "?") + "page=" + n;
    }

    public List<Item> items() {
        List<Item> items = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= totalPages; n++) {
            if (n == 1 || n == totalPages || Math.abs(n - page) <= 2) {
                if (last != 0 && n - last > 1) {
                    items.add(new Item(0, null, false));
                }
                items.add(new Item(n, href(n), n == page));
                last = n;
            }
        }
        return items;
    }
}
