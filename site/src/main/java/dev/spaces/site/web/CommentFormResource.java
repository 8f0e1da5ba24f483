package dev.spaces.site.web;

import dev.spaces.site.api.ProblemDetail;
import dev.spaces.site.client.CommentWriter;
import dev.spaces.site.client.UpstreamUnavailable;
import dev.spaces.site.view.CommentForm;
import dev.spaces.site.view.Urls;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The comment form under an article, a plain HTML form that works without JavaScript: {@code 发表} sends the text
 * to comment-service with the reader's token and answers 303 back to the article at the new comment
 * (post/redirect/get, so a reload does not post it again); {@code 预览} draws the article again with the text
 * rendered by the server (Markdown + LaTeX as MathML) above the form. Whatever goes wrong is said in words on the
 * article page drawn again, with the text kept and the status code of the refusal.
 */
@Path("/archives/{id: [0-9]{1,18}}/comments")
public class CommentFormResource {

    static final String PREVIEW = "preview";

    private final ArticleResource articles;
    private final CommentWriter writer;
    private final Viewers viewers;

    public CommentFormResource(ArticleResource articles, CommentWriter writer,
                               Viewers viewers) {
        this.articles = articles;
        this.writer = writer;
        this.viewers = viewers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Html.TYPE)
    public Response submit(@PathParam("id") long id, @FormParam("body") String body,
                           @FormParam("parentId") String parentId, @FormParam("action") String action,
                           @Context HttpHeaders headers, @Context UriInfo uri) {
        SameOrigin.require(headers, uri);
        String text = body == null ? "" : body;
        Long parent = parse(parentId);
        Viewers.Viewer viewer = viewers.current();
        if (viewer == null) {
            return page(id, parent, 401, form -> form.withBody(text).withError(
                    "你的登录已过期，评论没有发表。请重新登录后再发表；你写的内容保留在下面，可以先复制。", List.of()));
        }
        if (PREVIEW.equals(action)) {
            return preview(id, parent, text, viewer.accessToken());
        }
        CommentWriter.Outcome outcome;
        try {
            outcome = writer.post(id, text, parent, viewer.accessToken(), headers.getHeaderString("X-Forwarded-For"));
        } catch (UpstreamUnavailable e) {
            return Response.fromResponse(page(id, parent, 503, form -> form.withBody(text).withError(
                    "评论服务暂时不可用，你的评论没有发表。请稍后再试；你写的内容保留在下面。", List.of())))
                    .header("Retry-After", "5").build();
        }
        if (outcome.posted()) {
            String anchor = outcome.commentId() == null ? "#comments" : "#comment-" + outcome.commentId();
            // a relative Location: resolved by the browser against the public address it posted to
            return Response.status(303).header("Location", Urls.article(id) + anchor)
                    .header("Cache-Control", "no-store").build();
        }
        return refused(id, parent, text, outcome, false);
    }

    /** Rendered by comment-service as it would render the comment: what the preview shows is what gets posted. */
    private Response preview(long id, Long parent, String text, String accessToken) {
        if (text.isBlank()) {
            return page(id, parent, 200, form -> form.withError("还没有内容可以预览。", List.of()));
        }
        CommentWriter.Preview preview;
        try {
            preview = writer.preview(text, accessToken);
        } catch (UpstreamUnavailable e) {
            return Response.fromResponse(page(id, parent, 503, form -> form.withBody(text).withError(
                    "预览暂时无法生成，请稍后再试；你写的内容保留在下面。", List.of())))
                    .header("Retry-After", "5").build();
        }
        if (preview.rendered()) {
            return page(id, parent, 200, form -> form.withBody(text).withPreview(preview.html()));
        }
        return refused(id, parent, text, new CommentWriter.Outcome(preview.status(), null, preview.problem(), null),
                true);
    }

    private Response refused(long id, Long parent, String text, CommentWriter.Outcome outcome, boolean preview) {
        ProblemDetail problem = outcome.problem();
        int status = outcome.status();
        String message = switch (status) {
            case 401 -> "你的登录已过期，评论没有发表。请重新登录后再发表；你写的内容保留在下面，可以先复制。";
            case 403 -> "你目前不能在这里发表评论" + detail(problem);
            case 409 -> "你刚刚已经发表过同样的评论，这一条没有重复发表。";
            case 422 -> preview ? "预览没有生成，评论这样写不能发表，请修改后再试：" : "评论没有发表，请修改后再试：";
            case 429 -> "发表得太频繁了，请" + (outcome.retryAfterSeconds() == null ? "稍后"
                    : "在 " + outcome.retryAfterSeconds() + " 秒后") + "再试。你写的内容保留在下面。";
            default -> "评论没有发表" + detail(problem);
        };
        List<String> fields = status == 422 ? fieldMessages(problem) : List.of();
        boolean signedOut = status == 401;
        Response page = page(id, parent, status, form -> {
            CommentForm kept = signedOut ? CommentForm.signedOut(Urls.article(id)) : form;
            return kept.withBody(text).withError(message, fields);
        });
        if (status == 429 && outcome.retryAfterSeconds() != null) {
            return Response.fromResponse(page).header("Retry-After", outcome.retryAfterSeconds()).build();
        }
        return page;
    }

    /** The service's words for each invalid field (it answers in Chinese: the post asks for zh-CN). */
    private static List<String> fieldMessages(ProblemDetail problem) {
        if (problem == null) {
            return List.of("内容不符合要求。");
        }
        List<String> messages = problem.errors().stream()
                .map(e -> label(e.field()) + e.message()).toList();
        if (messages.isEmpty()) {
            return List.of(problem.detail() != null ? problem.detail() : "内容不符合要求。");
        }
        return messages;
    }

    private static String label(String field) {
        if (field == null) {
            return "";
        }
        return switch (field.replaceFirst("^.*\\.", "")) {
            case "body" -> "评论内容：";
            case "parentId" -> "回复的评论：";
            default -> field + "：";
        };
    }

    private static String detail(ProblemDetail problem) {
        if (problem == null || problem.detail() == null || problem.detail().isBlank()) {
            return "。";
        }
        return "：" + problem.detail();
    }

    /** The article drawn again with the form's state; never stored by any cache (it holds the reader's text). */
    private Response page(long id, Long parent, int status, UnaryOperator<CommentForm> form) {
        String html = articles.articlePage(id, null, null, parent, form);
        return Response.status(status).entity(html).type(Html.MEDIA_TYPE).header("Cache-Control", "private, no-store")
                .build();
    }

    private static Long parse(String number) {
        if (number == null || number.isBlank() || number.length() > 18
                || !number.strip().chars().allMatch(Character::isDigit)) {
            return null;
        }
        long value = Long.parseLong(number.strip());
        return value > 0 ? value : null;
    }
}
