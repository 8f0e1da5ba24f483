import { defineConfig } from "vite";
import preact from "@preact/preset-vite";

// The build lands in the module's jar as META-INF/resources/studio/**: the gateway serves it at /studio (same origin
// as the API, so no CORS). Asset names carry content hashes, which is what lets the gateway mark /studio/assets/*
// immutable; index.html is the only file that must be revalidated.
export default defineConfig({
  base: "/studio/",
  plugins: [preact()],
  build: {
    outDir: "target/classes/META-INF/resources/studio",
    emptyOutDir: true,
    // read by scripts/budget.mjs: which files the first screen loads and which are lazy chunks
    manifest: "manifest.json",
    target: "es2022",
    sourcemap: false,
    // the editor chunk (CodeMirror with Markdown and its embedded HTML/CSS/JS grammars) is ~630 KB raw, ~215 KB
    // gzipped; it is lazy and outside the budget scripts/budget.mjs checks, so Vite's generic warning is noise
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      output: {
        // CodeMirror and its grammars in a chunk of their own name: the article and page editors share it, and
        // Rollup would otherwise name the shared chunk after whichever shared component it met first
        manualChunks: (id) => (/node_modules\/(@codemirror|@lezer|crelt|style-mod|w3c-keyname)\//.test(id) ? "codemirror" : undefined),
      },
    },
  },
  server: {
    // `npm run dev`: the API and /studio/config.json come from a gateway on :8080 (./spaces up)
    proxy: { "/api": "http://localhost:8080", "/media": "http://localhost:8080", "/studio/config.json": "http://localhost:8080" },
  },
});
