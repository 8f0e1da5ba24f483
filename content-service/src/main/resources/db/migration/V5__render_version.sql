-- Which version of the Markdown pipeline (MarkdownPipeline.VERSION) wrote an article's HTML, excerpt and formulas.
-- Articles written by an older one are re-rendered from their Markdown in the background (ArticleRerenderer), so an
-- upgrade of the renderer (round 2: formulas as MathML instead of TeX for the browser) reaches stored articles without
-- an operator's step. Existing rows start unknown ('') and are re-rendered once.
ALTER TABLE article ADD COLUMN render_version TEXT NOT NULL DEFAULT '';
