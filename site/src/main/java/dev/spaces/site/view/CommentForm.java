package dev.spaces.site.view;

import java.util.List;

/**
 * The comment form under an article, as the page draws it: for a signed-out reader only the way to sign in (back to
 * this article); for a signed-in one the text area with what they wrote (kept through a preview and through every
 * refusal), the comment it replies to, the rendered preview, and what went wrong in words.
 *
 * @param loginUrl     {@code /login?return=…} back to this article's form
 * @param parentName   who the reply is to ("回复 X"), or null
 * @param previewHtml  the server-rendered preview (sanitized HTML with MathML), or null
 * @param error        what went wrong, in a sentence, or null
 * @param fieldErrors  the service's messages per field (422)
 */
public record CommentForm(boolean signedIn, String loginUrl, String body, Long parentId, String parentName,
                          String previewHtml, String error, List<String> fieldErrors) {

    public CommentForm {
        body = body == null ? "" : body;
        fieldErrors = fieldErrors == null ? List.of() : fieldErrors;
    }

    public static CommentForm signedOut(String articlePath) {
        return new CommentForm(false, Urls.login(articlePath + "#comment-form"), "", null, null, null, null, null);
    }

    public static CommentForm empty(String articlePath, Long parentId, String parentName) {
        return new CommentForm(true, Urls.login(articlePath + "#comment-form"), "", parentId, parentName, null, null,
                null);
    }

    public CommentForm withPreview(String html) {
        return new CommentForm(signedIn, loginUrl, body, parentId, parentName, html, error, fieldErrors);
    }

    public CommentForm withError(String message, List<String> fields) {
        return new CommentForm(signedIn, loginUrl, body, parentId, parentName, previewHtml, message, fields);
    }

    public CommentForm withBody(String text) {
        return new CommentForm(signedIn, loginUrl, text, parentId, parentName, previewHtml, error, fieldErrors);
    }

    public boolean hasError() {
        return error != null || !fieldErrors.isEmpty();
    }
}
