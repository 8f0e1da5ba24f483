import { useEffect, useState } from "preact/hooks";
import { thread as loadThread, type Thread } from "../api/moderation";
import { ApiError } from "../api/problems";
import { ErrorBanner } from "../components/ErrorBanner";
import { formatDate, t, type MessageKey } from "../i18n/i18n";
import { threadRows } from "./thread";

/**
 * The comment in its thread, as the server rendered it (formulas as MathML): ancestors above, replies in every
 * status below, indented by depth; the comment being judged is highlighted and marked for screen readers.
 */
export function ThreadView({ id }: { id: number }) {
  const [found, setFound] = useState<Thread | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    loadThread(id).then((th) => live && setFound(th))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e : null));
    return () => {
      live = false;
    };
  }, [id]);
  if (error) return <ErrorBanner error={error} />;
  if (!found) return <p class="loading">{t("app.loading")}</p>;
  const more = found.totalReplies - found.replies.length;
  return (
    <section class="thread" id={`thread-${id}`} aria-label={t("moderation.thread", { id })}>
      <ol class="thread-rows">
        {threadRows(found).map(({ comment, level, role }) => (
          <li class={`thread-row ${role}`} data-id={comment.id} style={{ "--level": level }}
            aria-current={role === "current" ? "true" : undefined}>
            <div class="thread-head">
              <span class="author">{comment.author?.displayName}</span>
              <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
              {comment.status && (
                <span class="thread-status">
                  {t("moderation.thread.status", { status: t(`moderation.status.${comment.status}` as MessageKey) })}
                </span>
              )}
              {role === "current" && <span class="thread-current">{t("moderation.thread.current")}</span>}
            </div>
            {comment.deleted ? <p class="deleted">{t("moderation.deleted")}</p>
              // the comment service's sanitizer already ran on this HTML, as on the queue's cards
              : <div class="comment-body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml ?? "" }} />}
          </li>
        ))}
      </ol>
      {more > 0 && <p class="thread-more">{t("moderation.thread.more", { count: more })}</p>}
    </section>
  );
}
