import { useEffect, useRef } from "preact/hooks";
import { drawSelection, dropCursor, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers }
  from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { markdown } from "@codemirror/lang-markdown";
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic as Lint } from "@codemirror/lint";
import type { Diagnostic } from "../api/client";
import type { Change } from "./placeholders";

export interface SourceHandle {
  /** Inserts at a position (a drop point) or, without one, replaces the selection; keeps the cursor after it. */
  insertAt(text: string, at?: number): void;
  /** Applies the change `find` computes from the current text (an upload's placeholder); false when it found none. */
  change(find: (doc: string) => Change | null): boolean;
}

interface Props {
  value: string;
  /**
   * Changed by the parent when it replaces the text from outside (the server's version taken in a conflict): only
   * then is the document set to `value`. Echoes of the editor's own changes come back through `value` a render
   * later, possibly older than what has been typed since; following them would undo keystrokes (and loop).
   */
  revision: number;
  label: string;
  diagnostics: Diagnostic[];
  onChange(value: string): void;
  /**
   * Image files dropped on (at the drop point) or pasted into (at the cursor: no `at`) the source; without it (pages)
   * they are not taken.
   */
  onFiles?(files: File[], at?: number): void;
  /** For inserting and changing text from outside (uploads, the media dialog); optional where nothing does. */
  handle?: { current: SourceHandle | null };
}

/** The Markdown source in CodeMirror 6, with the server's formula diagnostics as lint markers at line and column. */
export function SourceEditor({ value, revision, label, diagnostics, onChange, onFiles, handle }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // the latest callbacks, read by listeners registered once
  const callbacks = useRef({ onChange, onFiles });
  callbacks.current = { onChange, onFiles };

  useEffect(() => {
    const images = (list: FileList | null | undefined) =>
      Array.from(list ?? []).filter((f) => f.type.startsWith("image/"));
    const editor = new EditorView({
      doc: value,
      parent: host.current!,
      // basicSetup without closeBrackets and autocompletion: an editor that types "}" for the author fights TeX
      // habits (and a typed "}" would be swallowed), and completions have nothing useful to offer in prose
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        dropCursor(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        bracketMatching(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap]),
        markdown(),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": label, "aria-multiline": "true" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
        }),
        EditorView.domEventHandlers({
          drop(event, v) {
            const files = images(event.dataTransfer?.files);
            if (files.length === 0 || !callbacks.current.onFiles) return false;
            event.preventDefault();
            // the placeholder, then the image, lands where the image was dropped, wherever the cursor is
            const at = v.posAtCoords({ x: event.clientX, y: event.clientY });
            callbacks.current.onFiles(files, at ?? undefined);
            return true;
          },
          paste(event) {
            const files = images(event.clipboardData?.files);
            if (files.length === 0 || !callbacks.current.onFiles) return false;
            event.preventDefault();
            callbacks.current.onFiles(files);
            return true;
          },
        }),
      ],
    });
    view.current = editor;
    if (handle) handle.current = {
      insertAt(text, at) {
        const { from, to } = at === undefined ? editor.state.selection.main : { from: at, to: at };
        editor.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
      },
      change(find) {
        const change = find(editor.state.doc.toString());
        if (change) editor.dispatch({ changes: change });
        return change !== null;
      },
    };
    return () => {
      editor.destroy();
      view.current = null;
      if (handle) handle.current = null;
    };
  }, []);

  // a text set from outside replaces the document (see revision)
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [revision]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch(setDiagnostics(editor.state, diagnostics.map((d) => toLint(editor, d))));
  }, [diagnostics]);

  return <div class="source" ref={host} />;
}

/** line and column are 1-based positions in the Markdown source, as the server reports them. */
function toLint(editor: EditorView, d: Diagnostic): Lint {
  const doc = editor.state.doc;
  const line = doc.line(Math.min(Math.max(1, d.line ?? 1), doc.lines));
  const from = Math.min(line.from + Math.max(0, (d.column ?? 1) - 1), line.to);
  // the marker spans the formula when it is on this line, else the rest of the line
  const length = d.tex ? d.tex.length : line.to - from;
  return { from, to: Math.max(from, Math.min(line.to, from + length)), severity: "error", message: d.message ?? "",
    source: "LaTeX" };
}
