// The JavaScript budget (issue #20), checked by every build: what the first screen loads — the entry chunk and
// every chunk it imports statically — must stay within 300 KB gzipped. Chunks reached only through dynamic
// import() (the editor with CodeMirror) are loaded when an editing screen opens and are reported, not counted.
// Exits non-zero, failing `npm run build` and so the Maven build, when the budget is exceeded.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const BUDGET_BYTES = Number(process.env.STUDIO_JS_BUDGET_BYTES ?? 300 * 1024);
const out = "target/classes/META-INF/resources/studio";
const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));

const gz = (file) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;
const entries = Object.values(manifest).filter((chunk) => chunk.isEntry);
const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
const lazy = [...new Set(Object.values(manifest).map((c) => c.file))]
  .filter((file) => file.endsWith(".js") && !initial.has(file));

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const initialBytes = [...initial].filter((f) => f.endsWith(".js")).reduce((sum, f) => sum + gz(f), 0);
const lazyBytes = lazy.reduce((sum, f) => sum + gz(f), 0);
const report = {
  budgetBytes: BUDGET_BYTES,
  initialJsGzipBytes: initialBytes,
  initialFiles: [...initial],
  lazyJsGzipBytes: lazyBytes,
  lazyFiles: lazy,
};
writeFileSync("target/js-budget.json", JSON.stringify(report, null, 2));
console.log(`studio: initial JavaScript ${kb(initialBytes)} gzipped (budget ${kb(BUDGET_BYTES)}), `
  + `lazy chunks ${kb(lazyBytes)} gzipped (${lazy.join(", ")})`);
if (entries.length === 0) {
  console.error("studio: the manifest lists no entry chunk");
  process.exit(1);
}
if (initialBytes > BUDGET_BYTES) {
  console.error(`studio: initial JavaScript ${kb(initialBytes)} gzipped exceeds the budget of ${kb(BUDGET_BYTES)}`);
  process.exit(1);
}
