import { defineConfig } from "vitest/config";

// Unit tests of the parts with rules (problem+json in words, the API call wrapper, local drafts, messages), in jsdom;
// the screens are tested in a real browser against the real stack by e2e's StudioIT.
export default defineConfig({
  test: { environment: "jsdom", include: ["src/**/*.test.ts"] },
});
