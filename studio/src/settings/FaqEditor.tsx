import type { FaqWrite } from "../api/site";
import { t } from "../i18n/i18n";
import { Field } from "./Field";

interface Props {
  faq: FaqWrite[];
  onChange: (faq: FaqWrite[]) => void;
  errors: Record<string, string>;
}

/** FAQ entries: question and Markdown answer each; added, removed and moved with buttons (keyboard reachable). */
export function FaqEditor({ faq, onChange, errors }: Props) {
  const set = (i: number, patch: Partial<FaqWrite>) => onChange(faq.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...faq];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <fieldset class="faq">
      <legend>{t("settings.faq")}</legend>
      <ol>
        {faq.map((entry, i) => (
          <li key={i} class="faq-entry">
            <Field path={`faq[${i}].question`} label={t("settings.faqQuestion", { n: i + 1 })} value={entry.question}
              errors={errors} required onInput={(question) => set(i, { question })} />
            <Field path={`faq[${i}].answer`} label={t("settings.faqAnswer", { n: i + 1 })} value={entry.answer}
              errors={errors} required multiline hint={t("settings.faqAnswerHint")}
              onInput={(answer) => set(i, { answer })} />
            <div class="row-actions">
              <button type="button" disabled={i === 0} onClick={() => move(i, -1)}>{t("settings.up", { n: i + 1 })}</button>
              <button type="button" disabled={i === faq.length - 1} onClick={() => move(i, 1)}>
                {t("settings.down", { n: i + 1 })}
              </button>
              <button type="button" class="remove" onClick={() => onChange(faq.filter((_, j) => j !== i))}>
                {t("settings.faqRemove", { n: i + 1 })}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" class="add" id="faq-add" onClick={() => onChange([...faq, { question: "", answer: "" }])}>
        {t("settings.faqAdd")}
      </button>
    </fieldset>
  );
}
