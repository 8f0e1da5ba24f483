import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api/problems";
import { deleteTerm, listTerms, type Term, type TermKind } from "../api/terms";
import { ConfirmButton } from "../components/ConfirmButton";
import { ErrorBanner } from "../components/ErrorBanner";
import { t } from "../i18n/i18n";
import { TermForm } from "./TermForm";

/**
 * One kind of term: its list (name, slug, published articles), a form to create one, each row editable in place
 * and deletable after a question. Series rows also open their parts' order (`onOrder`).
 */
export function TermSection({ kind, onOrder }: { kind: TermKind; onOrder?(slug: string): void }) {
  const [terms, setTerms] = useState<Term[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState("");

  const reload = async () => {
    try {
      setTerms(await listTerms(kind));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  useEffect(() => {
    void reload();
  }, [kind]);

  const remove = async (term: Term) => {
    setError(null);
    try {
      await deleteTerm(kind, term.slug);
      setNotice(t("taxonomy.deleted", { name: term.label }));
      await reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  const saved = (message: string) => {
    setEditing(null);
    setNotice(message);
    void reload();
  };

  return (
    <section class="term-section" id={`section-${kind}`} aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{t(`taxonomy.heading.${kind}`)}</h2>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <p role="status" aria-live="polite" class="muted" id={`${kind}-notice`}>{notice}</p>
      {terms === null && !error && <p class="loading">{t("app.loading")}</p>}
      {terms?.length === 0 && <p class="muted">{t("taxonomy.empty")}</p>}
      {terms && terms.length > 0 && (
        <ul class="terms" id={`${kind}-list`}>
          {terms.map((term) => (
            <li key={term.slug} class="term" data-slug={term.slug}>
              {editing === term.slug ? (
                <TermForm kind={kind} slug={term.slug}
                  initial={{ label: term.label, slug: term.slug, description: term.description ?? "" }}
                  onSaved={() => saved(t("taxonomy.saved", { name: term.label }))} onCancel={() => setEditing(null)}
                  onSubmit={() => setNotice("")} />
              ) : (
                <div class="term-row">
                  <span class="term-name">{term.label}</span>
                  <code class="term-slug">{term.slug}</code>
                  <span class="muted">{t("taxonomy.count", { count: term.count })}</span>
                  <span class="term-actions">
                    {onOrder && (
                      <button type="button" id={`${kind}-${term.slug}-order`} onClick={() => onOrder(term.slug)}>
                        {t("taxonomy.orderParts")}
                      </button>
                    )}
                    <button type="button" id={`${kind}-${term.slug}-edit`} onClick={() => setEditing(term.slug)}>
                      {t("taxonomy.edit")}
                    </button>
                    <ConfirmButton id={`${kind}-${term.slug}-delete`} label={t("taxonomy.delete")}
                      question={t("taxonomy.confirmDelete", { name: term.label })} onConfirm={() => void remove(term)} />
                  </span>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <details class="term-new">
        <summary>{t(`taxonomy.new.${kind}`)}</summary>
        <TermForm kind={kind} slug={null} onSaved={() => saved(t("taxonomy.created"))} onSubmit={() => setNotice("")} />
      </details>
    </section>
  );
}
