import { PageEditor } from "./PageEditor";
import { PagesList } from "./PagesList";

/** #/pages lists the standalone pages, #/pages/new and #/pages/{slug} edit one (one lazy chunk for both). */
export function PagesScreen({ slug }: { slug: string | null | undefined }) {
  if (slug === undefined) return <PagesList />;
  return <PageEditor key={slug ?? "new"} slug={slug} />;
}
