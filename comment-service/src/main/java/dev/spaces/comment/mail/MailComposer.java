package dev.spaces.comment.mail;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a mail from the Qute templates under {@code templates/mail/<language>/}: {@code <kind>.html} (the HTML
 * part: the comment's stored rendering, formulas as MathML, which mail clients that know MathML show and others show
 * as text) and {@code <kind>.txt} (the plain-text part, with the comment's Markdown + TeX source).
 */
@ApplicationScoped
public class MailComposer {

    /** One line of a digest. */
    public record DigestLine(long id, long articleId, String author, String excerpt, String url) {
    }

    private final Engine engine;
    private final MailConfig config;

    public MailComposer(Engine engine, MailConfig config) {
        this.engine = engine;
        this.config = config;
    }

    public ComposedMail reply(String language, String recipient, String replier, String articleTitle, long articleId,
                              long replyId, String parentExcerpt, String replyHtml, String replySource,
                              String unsubscribeUrl) {
        String subject = zh(language) ? replier + " 回复了你在《" + articleTitle + "》中的评论"
                : replier + " replied to your comment on “" + articleTitle + "”";
        Map<String, Object> data = base(subject, recipient, unsubscribeUrl);
        data.put("replier", replier);
        data.put("articleTitle", articleTitle);
        data.put("articleUrl", articleUrl(articleId));
        data.put("threadUrl", commentUrl(articleId, replyId));
        data.put("parentExcerpt", parentExcerpt);
        data.put("replyHtml", replyHtml);
        data.put("replySource", replySource);
        return render(language, "reply", subject, data);
    }

    public ComposedMail newComment(String language, String recipient, String commenter, String articleTitle,
                                   long articleId, long commentId, String commentHtml, String commentSource,
                                   String unsubscribeUrl) {
        String subject = zh(language) ? commenter + " 评论了你的文章《" + articleTitle + "》"
                : commenter + " commented on your article “" + articleTitle + "”";
        Map<String, Object> data = base(subject, recipient, unsubscribeUrl);
        data.put("commenter", commenter);
        data.put("articleTitle", articleTitle);
        data.put("articleUrl", articleUrl(articleId));
        data.put("threadUrl", commentUrl(articleId, commentId));
        data.put("commentHtml", commentHtml);
        data.put("commentSource", commentSource);
        return render(language, "new-comment", subject, data);
    }

    public ComposedMail digest(String language, String recipient, long total, List<MailStore.PendingComment> listed,
                               String unsubscribeUrl) {
        String subject = zh(language) ? total + " 条评论等待审核" : total + " comment(s) wait for moderation";
        Map<String, Object> data = base(subject, recipient, unsubscribeUrl);
        data.put("total", total);
        data.put("more", total - listed.size());
        data.put("comments", listed.stream().map(c -> new DigestLine(c.id(), c.articleId(), c.author(), c.excerpt(),
                commentUrl(c.articleId(), c.id()))).toList());
        data.put("moderationUrl", site() + "/studio/#/moderation");
        return render(language, "digest", subject, data);
    }

    private Map<String, Object> base(String subject, String recipient, String unsubscribeUrl) {
        Map<String, Object> data = new HashMap<>();
        data.put("subject", subject);
        data.put("recipient", recipient);
        data.put("unsubscribeUrl", unsubscribeUrl);
        return data;
    }

    private ComposedMail render(String language, String kind, String subject, Map<String, Object> data) {
        String folder = "mail/" + (zh(language) ? "zh-CN" : "en") + "/" + kind;
        return new ComposedMail(subject, template(folder + ".html").data(data).render(),
                template(folder + ".txt").data(data).render());
    }

    private Template template(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("Mail template " + id + " is missing");
        }
        return template;
    }

    private String articleUrl(long articleId) {
        return site() + "/archives/" + articleId;
    }

    /** The reader site's anchor of a comment in its article's thread (site: tags/comment.html). */
    private String commentUrl(long articleId, long commentId) {
        return articleUrl(articleId) + "#comment-" + commentId;
    }

    private String site() {
        String url = config.siteUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean zh(String language) {
        return !"en".equals(language);
    }
}
