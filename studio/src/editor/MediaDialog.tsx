import { useRef, useState } from "preact/hooks";
import { api, call, type Media } from "../api/client";
import { ApiError } from "../api/problems";
import { t } from "../i18n/i18n";
import { captionChange, imageMarkdown, placeholderText, replacePlaceholder } from "./placeholders";
import type { SourceHandle } from "./SourceEditor";

export interface MediaState {
  /** Names of the files on their way to the library. */
  uploading: string[];
  /** The uploaded image whose caption and alt text are asked for now (the others wait their turn). */
  describing: Media | null;
  /** Uploads images; their placeholders go at `at` (a drop point) or replace the selection. */
  upload(files: File[], at?: number): void;
  done(): void;
}

/**
 * Images from the file input, a drop or a paste go to the media library (POST /api/v1/media, multipart). Each gets a
 * placeholder in the source at once, which becomes ![](media:ID) when the upload succeeds, or goes away with a
 * message naming the file and the reason when it fails; then its caption and alt text are asked for.
 */
export function useMediaUpload(source: { current: SourceHandle | null }, onError: (e: ApiError) => void): MediaState {
  const [uploading, setUploading] = useState<string[]>([]);
  const [queue, setQueue] = useState<Media[]>([]);
  const errors = useRef(onError);
  errors.current = onError;

  const one = async (file: File, placeholder: string) => {
    const form = new FormData();
    form.append("file", file, file.name);
    try {
      const { data } = await call(() => api.POST("/api/v1/media", {
        body: form as never,
        bodySerializer: (body: unknown) => body as FormData, // the browser writes the multipart boundary
      }));
      // a placeholder the author deleted meanwhile means they no longer want the image there
      const placed = source.current?.change((doc) => replacePlaceholder(doc, placeholder, imageMarkdown(data.id!)));
      if (placed) setQueue((q) => [...q, data]);
    } catch (e) {
      source.current?.change((doc) => replacePlaceholder(doc, placeholder, ""));
      if (!(e instanceof ApiError)) throw e;
      errors.current(new ApiError(e.kind, e.status, t("media.failed", { name: file.name, reason: e.message }),
        e.fields, e.retryAfterSeconds, e.problem));
    } finally {
      setUploading((names) => {
        const i = names.indexOf(file.name);
        return i < 0 ? names : [...names.slice(0, i), ...names.slice(i + 1)];
      });
    }
  };

  const upload = (files: File[], at?: number) => {
    const images = files.filter((f) => f.type === "" || f.type.startsWith("image/"));
    if (images.length === 0) return;
    const placeholders = images.map((f) => placeholderText(t("media.placeholder"), f.name));
    // one paragraph each, so each becomes a figure
    source.current?.insertAt(placeholders.join("\n\n"), at);
    setUploading((names) => [...names, ...images.map((f) => f.name)]);
    images.forEach((file, i) => void one(file, placeholders[i]));
  };

  return { uploading, describing: queue[0] ?? null, upload, done: () => setQueue((q) => q.slice(1)) };
}

/**
 * The "insert image" control: a file input; then, for each uploaded image (already in the source), its caption
 * (written into the Markdown reference) and alt text (stored on the library item, PATCH /api/v1/media/{id}).
 */
export function MediaDialog({ state, source }: { state: MediaState; source: { current: SourceHandle | null } }) {
  const [caption, setCaption] = useState("");
  const [alt, setAlt] = useState("");
  const media = state.describing;

  const describe = async (item: Media) => {
    const id = item.id!;
    // the caption is the source's: written at once, not after the alt text's round trip (nor lost if that fails)
    if (caption.trim()) source.current?.change((doc) => captionChange(doc, id, caption));
    if (alt.trim() && alt.trim() !== (item.alt ?? "")) {
      // alt text is the library item's
      await call(() => api.PATCH("/api/v1/media/{id}", { params: { path: { id } }, body: { alt: alt.trim() } }))
        .catch(() => undefined);
    }
    setCaption("");
    setAlt("");
    state.done();
  };

  return (
    <div class="media-insert">
      <input id="image-file" class="visually-hidden" type="file" accept="image/*" aria-describedby="image-hint"
        multiple onChange={(e) => {
          const input = e.target as HTMLInputElement;
          state.upload(Array.from(input.files ?? []));
          input.value = "";
        }} />
      {/* the input stays in the tab order (visually hidden); its label is what shows, with the input's focus ring */}
      <label class="button" for="image-file">{t("media.add")}</label>
      <small id="image-hint" class="visually-hidden">{t("media.dropHint")}</small>
      {state.uploading.length > 0 && (
        <p role="status" id="media-uploading">{t("media.uploading", { name: state.uploading.join("、") })}</p>
      )}
      {media && (
        <form class="describe" id="media-describe" key={media.id}
          onSubmit={(e) => { e.preventDefault(); void describe(media); }}>
          <p role="status">{t("media.uploaded", { id: media.id ?? "" })}</p>
          {media.url && <img src={media.url} alt="" width={96} />}
          <label>{t("media.caption")}
            <input id="media-caption" autoFocus value={caption} onInput={(e) => setCaption((e.target as HTMLInputElement).value)} />
          </label>
          <label>{t("media.alt")}
            <input id="media-alt" value={alt} onInput={(e) => setAlt((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="primary" id="media-insert">{t("media.insert")}</button>
          <button type="button" id="media-skip" onClick={() => { setCaption(""); setAlt(""); state.done(); }}>
            {t("media.cancel")}
          </button>
        </form>
      )}
    </div>
  );
}
