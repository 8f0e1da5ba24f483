import { t } from "../i18n/i18n";

/**
 * Why comment-service held a comment, in the screen's language. The server stores the reason as an English sentence
 * from a small fixed set (SpamGuard.holdReason, CommentWriter); those are translated here, and a reason this Studio
 * does not know (a newer server, an import) is shown as the server wrote it rather than hidden.
 */
export function holdReasonWords(reason: string): string {
  const links = /^more than (\d+) links$/.exec(reason);
  if (links) return t("moderation.hold.links", { max: links[1] });
  switch (reason) {
    case "contains a banned word":
      return t("moderation.hold.bannedWord");
    case "guest comment":
      return t("moderation.hold.guest");
    case "first comments are reviewed":
      return t("moderation.hold.firstComments");
    default:
      return reason;
  }
}
