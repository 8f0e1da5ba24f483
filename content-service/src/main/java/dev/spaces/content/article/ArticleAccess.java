package dev.spaces.content.article;

import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;

/**
 * Permission rules for articles, in one place. Unpublished articles are private: callers who may not see
 * them get 404, so their existence does not leak. Published ones are visible to all; editing another's is 403.
 */
public final class ArticleAccess {

    private ArticleAccess() {
    }

    public static boolean canEdit(Caller caller, Article article) {
        return caller.isEditor() || (caller.canWrite() && caller.subject().equals(article.authorId));
    }

    public static boolean canSee(Caller caller, Article article) {
        return article.isPublic() || (caller.authenticated() && canEdit(caller, article));
    }

    public static void requireVisible(Caller caller, Article article) {
        if (!canSee(caller, article)) {
            throw ProblemException.notFound("Article " + article.id);
        }
    }

    public static void requireEditable(Caller caller, Article article) {
        requireVisible(caller, article);
        if (!canEdit(caller, article)) {
            throw ProblemException.forbidden("Only the article's author or an editor may change it");
        }
    }

    public static void requireWriter(Caller caller) {
        if (!caller.canWrite()) {
            throw ProblemException.forbidden("Writing articles needs the author, editor or admin role");
        }
    }
}
