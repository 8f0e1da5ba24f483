import type { SiteBlock, SiteLink } from "../api/site";
import { t } from "../i18n/i18n";
import { Field } from "./Field";

interface Props {
  path: "sponsor" | "participation";
  legend: string;
  block: SiteBlock | undefined;
  onChange: (block: SiteBlock) => void;
  errors: Record<string, string>;
}

/** A heading, a text and links (the sponsor and participation blocks of the reader site). */
export function BlockEditor({ path, legend, block, onChange, errors }: Props) {
  const current: SiteBlock = block ?? { links: [] };
  const links = current.links;
  const setLink = (i: number, patch: Partial<SiteLink>) =>
    onChange({ ...current, links: links.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  return (
    <fieldset class="block">
      <legend>{legend}</legend>
      <Field path={`${path}.heading`} label={t("settings.blockHeading")} value={current.heading} errors={errors}
        onInput={(heading) => onChange({ ...current, heading })} />
      <Field path={`${path}.text`} label={t("settings.blockText")} value={current.text} errors={errors} multiline
        onInput={(text) => onChange({ ...current, text })} />
      <ol class="links">
        {links.map((link, i) => (
          <li key={i}>
            <Field path={`${path}.links[${i}].text`} label={t("settings.linkText", { n: i + 1 })} value={link.text}
              errors={errors} required onInput={(text) => setLink(i, { text })} />
            <Field path={`${path}.links[${i}].url`} label={t("settings.linkUrl", { n: i + 1 })} value={link.url}
              errors={errors} onInput={(url) => setLink(i, { url: url || undefined })} />
            <button type="button" class="remove" onClick={() => onChange({ ...current, links: links.filter((_, j) => j !== i) })}>
              {t("settings.linkRemove", { n: i + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" class="add" onClick={() => onChange({ ...current, links: [...links, { text: "" }] })}>
        {t("settings.linkAdd")}
      </button>
    </fieldset>
  );
}
