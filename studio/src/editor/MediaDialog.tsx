import { useState } from "preact/hooks";
import { api, call, type Media } from "../api/client";
import { ApiError } from "../api/problems";
import { t } from "../i18n/i18n";

type Step = { kind: "idle" } | { kind: "uploading"; name: string } | { kind: "describe"; media: Media };

export interface MediaState {
  step: Step;
  upload(files: File[]): void;
  done(): void;
}

/** Images from the file input, a drop or a paste go to the media library (POST /api/v1/media, multipart). */
export function useMediaUpload(onError: (e: ApiError) => void): MediaState {
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const upload = (files: File[]) => {
    const file = files[0]; // one at a time: each gets its caption and alt text before the next
    if (!file) return;
    setStep({ kind: "uploading", name: file.name });
    const form = new FormData();
    form.append("file", file, file.name);
    call(() => api.POST("/api/v1/media", {
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData, // the browser writes the multipart boundary
    }))
      .then(({ data }) => setStep({ kind: "describe", media: data }))
      .catch((e: unknown) => {
        setStep({ kind: "idle" });
        if (e instanceof ApiError) onError(e);
      });
  };
  return { step, upload, done: () => setStep({ kind: "idle" }) };
}

/**
 * The "insert image" control: a file input, then the uploaded image's caption (written into the Markdown reference)
 * and alt text (stored on the library item, PATCH /api/v1/media/{id}); inserted at the cursor as
 * ![caption](media:ID).
 */
export function MediaDialog({ state, onInsert }: { state: MediaState; onInsert(text: string): void }) {
  const [caption, setCaption] = useState("");
  const [alt, setAlt] = useState("");
  const step = state.step;

  const insert = async (media: Media) => {
    const id = media.id!;
    if (alt.trim() && alt.trim() !== (media.alt ?? "")) {
      // alt text is the library item's; a failure here must not lose the insertion
      await call(() => api.PATCH("/api/v1/media/{id}", { params: { path: { id } }, body: { alt: alt.trim() } }))
        .catch(() => undefined);
    }
    onInsert(`![${caption.replace(/[[\]]/g, "")}](media:${id})`);
    setCaption("");
    setAlt("");
    state.done();
  };

  return (
    <div class="media-insert">
      <input id="image-file" class="visually-hidden" type="file" accept="image/*" aria-describedby="image-hint"
        onChange={(e) => {
          const input = e.target as HTMLInputElement;
          state.upload(Array.from(input.files ?? []));
          input.value = "";
        }} />
      {/* the input stays in the tab order (visually hidden); its label is what shows, with the input's focus ring */}
      <label class="button" for="image-file">{t("media.add")}</label>
      <small id="image-hint" class="visually-hidden">{t("media.dropHint")}</small>
      {step.kind === "uploading" && <p role="status">{t("media.uploading", { name: step.name })}</p>}
      {step.kind === "describe" && (
        <form class="describe" id="media-describe" onSubmit={(e) => { e.preventDefault(); void insert(step.media); }}>
          <p role="status">{t("media.uploaded", { id: step.media.id ?? "" })}</p>
          {step.media.url && <img src={step.media.url} alt="" width={96} />}
          <label>{t("media.caption")}
            <input id="media-caption" autoFocus value={caption} onInput={(e) => setCaption((e.target as HTMLInputElement).value)} />
          </label>
          <label>{t("media.alt")}
            <input id="media-alt" value={alt} onInput={(e) => setAlt((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="primary" id="media-insert">{t("media.insert")}</button>
          <button type="button" onClick={() => state.done()}>{t("media.cancel")}</button>
        </form>
      )}
    </div>
  );
}
