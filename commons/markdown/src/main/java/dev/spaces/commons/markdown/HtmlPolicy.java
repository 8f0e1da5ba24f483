package dev.spaces.commons.markdown;

/** Which sanitizer policy applies to the rendered HTML. */
public enum HtmlPolicy {
    /** Articles: images, tables, code, math, headings allowed. */
    ARTICLE,
    /** Comments: no images, headings h4 and below, links rel="ugc nofollow noopener", http/https/mailto only. */
    COMMENT
}
