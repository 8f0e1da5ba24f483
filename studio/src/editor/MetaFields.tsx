import type { Term } from "../api/taxonomy";
import { t, type MessageKey } from "../i18n/i18n";
import type { Form } from "./drafts";

interface Props {
  form: Form;
  /** 422 messages by field name, shown under their input */
  fields: Record<string, string>;
  categories: Term[];
  series: Term[];
  onChange(patch: Partial<Form>): void;
}

export function MetaFields({ form, fields, categories, series, onChange }: Props) {
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  const field = (name: keyof Form, label: MessageKey, input: preact.JSX.Element, hint?: MessageKey) => (
    <div class={`field field-${name}`}>
      <label for={`f-${name}`}>{t(label)}</label>
      {input}
      {hint && <small id={`f-${name}-hint`}>{t(hint)}</small>}
      {fields[name] && <p class="field-error" id={`f-${name}-error`} role="alert">{fields[name]}</p>}
    </div>
  );
  const described = (name: keyof Form, hint?: boolean) =>
    [hint ? `f-${name}-hint` : "", fields[name] ? `f-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="meta">
      {field("title", "editor.title", (
        <input id="f-title" value={form.title} maxLength={200} required aria-invalid={Boolean(fields.title)}
          aria-describedby={described("title")} onInput={(e) => onChange({ title: value(e) })} />
      ))}
      {field("slug", "editor.slug", (
        <input id="f-slug" value={form.slug} aria-invalid={Boolean(fields.slug)}
          aria-describedby={described("slug", true)} onInput={(e) => onChange({ slug: value(e) })} />
      ), "editor.slugHint")}
      {field("category", "editor.category", (
        <select id="f-category" value={form.category} aria-describedby={described("category")}
          onChange={(e) => onChange({ category: value(e) })}>
          <option value="">{t("editor.none")}</option>
          {withCurrent(categories, form.category).map((c) => <option value={c.slug}>{c.label}</option>)}
        </select>
      ))}
      {field("tags", "editor.tags", (
        <input id="f-tags" value={form.tags} aria-describedby={described("tags", true)}
          onInput={(e) => onChange({ tags: value(e) })} />
      ), "editor.tagsHint")}
      {field("series", "editor.series", (
        <select id="f-series" value={form.series} aria-describedby={described("series")}
          onChange={(e) => onChange({ series: value(e) })}>
          <option value="">{t("editor.none")}</option>
          {withCurrent(series, form.series).map((s) => <option value={s.slug}>{s.label}</option>)}
        </select>
      ))}
      {form.series && field("seriesPosition", "editor.seriesPosition", (
        <input id="f-seriesPosition" type="number" min={1} value={form.seriesPosition}
          aria-describedby={described("seriesPosition")} onInput={(e) => onChange({ seriesPosition: value(e) })} />
      ))}
    </div>
  );
}

/** The article's own term stays selectable while the list loads (or if it is missing from it). */
function withCurrent(terms: Term[], current: string): Term[] {
  return !current || terms.some((term) => term.slug === current) ? terms : [{ slug: current, label: current }, ...terms];
}
