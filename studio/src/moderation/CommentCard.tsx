import { useEffect, useState } from "preact/hooks";
import { articleRef, type ArticleRef, type Comment } from "../api/moderation";
import { formatDate, t } from "../i18n/i18n";
import { holdReasonWords } from "./holdReason";
import { ReportList } from "./ReportList";
import { ThreadView } from "./ThreadView";

interface Props {
  comment: Comment;
  current: boolean;
  selected: boolean;
  busy: boolean;
  onSelect: (selected: boolean) => void;
  /** Clicking a card or tabbing into it makes it the one the shortcuts act on. */
  onFocus: () => void;
  onAct: (action: "approve" | "reject" | "spam") => void;
  /** The Reported queue: approving keeps an already approved comment (its reports are dismissed). */
  reported?: boolean;
  /** The thread is open under this card. */
  threadOpen?: boolean;
  onThread?: (open: boolean) => void;
}

/** One held comment: its article, author, time and the body exactly as the server rendered and sanitized it. */
export function CommentCard({ comment, current, selected, busy, onSelect, onFocus, onAct, reported, threadOpen,
  onThread }: Props) {
  const id = comment.id ?? 0;
  const article = useArticle(comment.articleId ?? 0);
  return (
    <li class={`comment${current ? " current" : ""}`} data-id={id} aria-current={current ? "true" : undefined}
      onClick={onFocus} onFocusIn={onFocus}>
      <div class="comment-head">
        <label class="select">
          <input type="checkbox" class="select-box" checked={selected} disabled={busy}
            onChange={(e) => onSelect((e.target as HTMLInputElement).checked)}
            aria-label={t("moderation.select", { id })} />
        </label>
        <span class="article">
          {article?.url ? <a href={article.url} target="_blank" rel="noopener">{article.title}</a>
            : <span>{article?.title ?? t("moderation.article", { id: comment.articleId ?? 0 })}</span>}
        </span>
        <span class="author">{comment.author?.displayName}</span>
        <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
        {comment.holdReason && <span class="reason">{t("moderation.reason", { reason: holdReasonWords(comment.holdReason) })}</span>}
      </div>
      {/* the comment service's own sanitizer policy already ran on this HTML (allow-listed tags, MathML Core) */}
      <div class="comment-body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml ?? "" }} />
      <ReportList comment={comment} />
      <div class="comment-actions">
        <button type="button" class="approve" disabled={busy} onClick={() => onAct("approve")}>
          {reported ? t("moderation.keep") : t("moderation.approve")}
        </button>
        <button type="button" class="reject" disabled={busy} onClick={() => onAct("reject")}>
          {t("moderation.reject")}
        </button>
        <button type="button" class="spam" disabled={busy} onClick={() => onAct("spam")}>{t("moderation.spam")}</button>
        {/* the thread belongs to the comment being judged: the toggle is on the current card only */}
        {(current || threadOpen) && onThread && (
          <button type="button" class="thread-toggle" aria-expanded={threadOpen ? "true" : "false"}
            aria-controls={`thread-${id}`} onClick={() => onThread(!threadOpen)}>
            {threadOpen ? t("moderation.hideThread") : t("moderation.showThread")}
          </button>
        )}
      </div>
      {threadOpen && <ThreadView id={id} />}
    </li>
  );
}

function useArticle(id: number): ArticleRef | null {
  const [ref, setRef] = useState<ArticleRef | null>(null);
  useEffect(() => {
    let live = true;
    void articleRef(id).then((r) => live && setRef(r));
    return () => {
      live = false;
    };
  }, [id]);
  return ref;
}
