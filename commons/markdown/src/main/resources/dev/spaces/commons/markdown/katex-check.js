// Parses one formula with KaTeX and returns null, or the parse error with its offset into the formula (-1 if unknown).
// trust:false keeps \href{javascript:...} and friends inert; maxExpand stops macro loops such as \def\a{\a\a}\a.
//
// Two gaps of KaTeX against MathJax, which the site may render with, are bridged so that valid TeX is not reported:
// \label is accepted and ignored, and multline is parsed as gather (same grammar: one column, lines split by \\),
// renamed in place with padding so that error offsets still point into the original formula.
const macros = {
    '\\label': function (context) {
        context.consumeArgs(1);
        return '';
    }
};

function asGather(tex) {
    return tex.replace(/\\(begin|end)\{multline(\*?)\}/g,
        (match, command, star) => '\\' + command + '{gather' + star + '}' + '  ');
}

globalThis.checkTex = function (tex, displayMode) {
    try {
        katex.__parse(asGather(tex), {
            displayMode: displayMode, throwOnError: true, strict: 'ignore', trust: false, maxExpand: 1000,
            macros: Object.assign({}, macros)
        });
        return null;
    } catch (e) {
        return {
            message: e.rawMessage || e.message || String(e),
            position: typeof e.position === 'number' ? e.position : -1
        };
    }
};
