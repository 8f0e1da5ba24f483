package dev.spaces.content.page;

/** A page is a draft (editors only) or published (public); there is no scheduling or archive for pages. */
public enum PageStatus {
    DRAFT, PUBLISHED
}
