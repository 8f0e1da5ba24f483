import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { t } from "../i18n/i18n";

/** Renders a component from a chunk loaded on first use (a dynamic import Vite splits off). */
export function Lazy<P extends object>({ load, props }: { load: () => Promise<ComponentType<P>>; props: P }) {
  const [Component, setComponent] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((c) => live && setComponent(() => c));
    return () => {
      live = false;
    };
  }, [load]);
  return Component ? <Component {...props} /> : <p class="loading">{t("editor.loading")}</p>;
}
