import { t } from "../i18n/i18n";

/** The element id of the input for a server field path: "faq[1].answer" → "site-faq-1-answer". */
export const fieldId = (path: string, prefix = "site") => `${prefix}-${path.replace(/[[\].]+/g, "-").replace(/-$/, "")}`;

interface Props {
  path: string;
  label: string;
  value: string | undefined;
  onInput: (value: string) => void;
  /** The server's 422 messages by field path. */
  errors: Record<string, string>;
  hint?: string;
  multiline?: boolean;
  required?: boolean;
  type?: "text" | "url";
  /** The ids' prefix, for forms other than the site settings (the taxonomy's). */
  prefix?: string;
}

/** One labelled input with its hint and the server's message for its path right under it. */
export function Field({ path, label, value, onInput, errors, hint, multiline, required, type = "text", prefix }: Props) {
  const id = fieldId(path, prefix);
  const error = errors[path];
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const common = {
    id, value: value ?? "", required, "aria-invalid": error ? true : undefined, "aria-describedby": described,
    onInput: (e: Event) => onInput((e.target as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}{required && <span aria-hidden="true"> *</span>}</label>
      {multiline ? <textarea rows={4} {...common} /> : <input type={type} {...common} />}
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {error && <p class="field-error" id={`${id}-error`}>{t("settings.fieldError", { message: error })}</p>}
    </div>
  );
}
