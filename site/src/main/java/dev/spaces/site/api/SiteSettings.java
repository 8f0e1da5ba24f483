package dev.spaces.site.api;

import java.util.List;

/** The blog's own facts ({@code GET /api/v1/site}): name, licence and 「转载请注明」 template, sponsor, FAQ. */
public record SiteSettings(String name, String shortName, String description, String siteUrl, String timeZone,
                           String language, License license, Block sponsor, Block participation, List<Faq> faq,
                           long version) {

    public SiteSettings {
        faq = faq == null ? List.of() : faq;
    }

    public record License(String name, String code, String url, String text, String citationTemplate) {
    }

    public record Block(String heading, String text, List<Link> links) {
        public Block {
            links = links == null ? List.of() : links;
        }
    }

    public record Link(String text, String url, String purpose) {
    }

    public record Faq(String question, String answerHtml) {
    }
}
