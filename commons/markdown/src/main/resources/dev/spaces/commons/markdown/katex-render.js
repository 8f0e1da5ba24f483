// Renders one formula with KaTeX to MathML Core and returns {mathml, autoNumbers}, or the parse error {message, position}
// with its offset into the formula (-1 if unknown).
//
// trust:false keeps \href{javascript:...}, \url, \includegraphics, \htmlData and friends inert (KaTeX prints their
// names in red instead of producing a link or resource); maxExpand stops macro loops such as \def\a{\a\a}\a.
//
// KaTeX's MathML targets MathML 3 as Firefox reads it, plus KaTeX's own stylesheet. Browsers without that stylesheet,
// feed readers and mail clients implement MathML Core, which ignores the MathML 3 presentation attributes and has no
// <menclose>. So the tree KaTeX builds is serialized here, not with KaTeX's toMarkup:
//  - mathvariant (bold, double-struck, script, fraktur, sans-serif, monospace …) becomes the Unicode mathematical
//    alphanumeric characters, the way MathML Core spells \mathbb{R} (ℝ) and \boldsymbol{x} (𝒙);
//  - table attributes (columnalign, columnspacing, rowspacing, columnlines, rowlines, width) become inline styles on
//    the cells, so align/cases/matrices keep their alignment and rules;
//  - <menclose> (\boxed, \fbox, \cancel, \sout …) becomes an <mrow> with a border or a line-through;
//  - equation numbers: KaTeX leaves an empty cell that its stylesheet fills with a CSS counter, and drops explicit
//    \tag{…} labels inside environments. Here the explicit labels are read from the parse tree and written as text;
//    automatic numbers (equation, align, gather without a star) are written as U+0000, which the caller replaces with
//    the number in the document (CommonMark replaces U+0000 in the source, so the character cannot come from a
//    member's TeX);
//  - the annotation carries the TeX exactly as written.
// Only elements and attributes of MathML Core are written; the Java side sanitizes the result with an allow-list all
// the same.
//
// Two gaps of KaTeX against MathJax, which sites rendered with before, are bridged so that valid TeX is not reported:
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

function options(displayMode) {
    return {
        displayMode: displayMode, output: 'mathml', throwOnError: true, strict: 'ignore', trust: false,
        maxExpand: 1000, macros: Object.assign({}, macros)
    };
}

globalThis.renderTex = function (tex, displayMode) {
    const source = asGather(tex);
    try {
        const tags = /\\tag/.test(source) ? explicitTags(katex.__parse(source, options(displayMode))) : [];
        const root = katex.__renderToDomTree(source, options(displayMode)).children[0];
        const out = new Writer(tex, tags);
        out.node(root, {});
        return {mathml: out.text, autoNumbers: out.autoNumbers};
    } catch (e) {
        return {
            message: e.rawMessage || e.message || String(e),
            position: typeof e.position === 'number' ? e.position : -1
        };
    }
};

// ---- equation labels ---------------------------------------------------------------------------------------------

// The tags of every numbered row, in document order: a label string for \tag{…}, null for an automatic number.
function explicitTags(tree) {
    const tags = [];
    (function walk(value) {
        if (Array.isArray(value)) {
            value.forEach(walk);
        } else if (value && typeof value === 'object') {
            if (value.type === 'array' && Array.isArray(value.tags)) {
                value.tags.forEach(tag => {
                    if (Array.isArray(tag)) {
                        tags.push(plainText(tag));
                    } else if (tag) {
                        tags.push(null);
                    }
                });
            }
            for (const key in value) {
                if (key !== 'loc' && key !== 'tags' && Object.prototype.hasOwnProperty.call(value, key)) {
                    walk(value[key]);
                }
            }
        }
    })(tree);
    return tags;
}

function plainText(value) {
    if (Array.isArray(value)) {
        return value.map(plainText).join('');
    }
    if (!value || typeof value !== 'object') {
        return '';
    }
    if (value.type === 'spacing') {
        return ' ';
    }
    let text = typeof value.text === 'string' && value.type !== 'styling' ? value.text : '';
    for (const key of ['body', 'base', 'sup', 'sub']) {
        if (value[key]) {
            text += plainText(value[key]);
        }
    }
    return text;
}

// ---- MathML Core serialization -----------------------------------------------------------------------------------

const TOKENS = ['mi', 'mn', 'mo', 'mtext', 'ms'];

const CORE_ATTRIBUTES = {
    '*': ['dir', 'displaystyle', 'scriptlevel', 'mathcolor', 'mathbackground', 'mathsize'],
    math: ['display', 'xmlns'],
    annotation: ['encoding'],
    mi: ['mathvariant'],
    mo: ['fence', 'separator', 'stretchy', 'symmetric', 'largeop', 'movablelimits', 'lspace', 'rspace', 'minsize',
        'maxsize', 'form'],
    mfrac: ['linethickness'],
    mover: ['accent'],
    munder: ['accentunder'],
    munderover: ['accent', 'accentunder'],
    mpadded: ['width', 'height', 'depth', 'lspace', 'voffset'],
    mspace: ['width', 'height', 'depth'],
    ms: [],
    mtd: ['columnspan', 'rowspan']
};

function escapeText(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text) {
    return escapeText(text).replace(/"/g, '&quot;');
}

function list(value) {
    return value ? String(value).trim().split(/\s+/) : [];
}

function nth(values, index) {
    return values.length === 0 ? undefined : values[Math.min(index, values.length - 1)];
}

function halfOf(length) {
    const match = /^(-?[\d.]+)([a-z%]*)$/.exec(length || '');
    return match ? (parseFloat(match[1]) / 2) + match[2] : undefined;
}

class Writer {
    constructor(tex, tags) {
        this.tex = tex;
        this.tags = tags;
        this.nextTag = 0;
        this.autoNumbers = 0;
        this.text = '';
    }

    node(node, context) {
        // KaTeX's tree (katex.min.js mangles class names, so nodes are told apart by their fields): MathNode has a
        // type; TextNode a text; SpaceNode a width and maybe a space character; DocumentFragment only children
        if (node.type === undefined) {
            if (typeof node.text === 'string') {
                this.text += escapeText(this.variant(node.text, context.variant));
            } else if (typeof node.width === 'number') {
                this.text += node.character ? '<mtext>' + escapeText(node.character) + '</mtext>'
                    : '<mspace width="' + escapeAttribute(node.width + 'em') + '"></mspace>';
            } else {
                for (const child of node.children || []) {
                    this.node(child, context);
                }
            }
            return;
        }
        switch (node.type) {
            case 'annotation':
                this.text += '<annotation encoding="application/x-tex">' + escapeText(this.tex) + '</annotation>';
                return;
            case 'menclose':
                return this.enclose(node, context);
            case 'mtable':
                return this.table(node, context);
            default:
                // KaTeX puts an <mrow> inside an <mi> for \boldsymbol of several symbols; token elements hold text only
                return this.element(TOKENS.includes(node.type) && (node.children || []).some(c => c.type !== undefined)
                    ? 'mrow' : node.type, node, context, {});
        }
    }

    element(name, node, context, styles) {
        const attributes = node.attributes || {};
        let variant = context.variant;
        if ('mathvariant' in attributes) {
            variant = attributes.mathvariant;
        }
        this.text += '<' + name;
        const allowed = (CORE_ATTRIBUTES[name] || []).concat(CORE_ATTRIBUTES['*']);
        for (const attribute of Object.keys(attributes)) {
            if (!allowed.includes(attribute)) {
                continue;
            }
            if (attribute === 'mathvariant' && attributes[attribute] !== 'normal') {
                continue; // written as characters below
            }
            this.text += ' ' + attribute + '="' + escapeAttribute(String(attributes[attribute])) + '"';
        }
        const style = Object.keys(styles).filter(k => styles[k] !== undefined).map(k => k + ': ' + styles[k]);
        if (style.length > 0) {
            this.text += ' style="' + escapeAttribute(style.join('; ')) + '"';
        }
        this.text += '>';
        const inner = Object.assign({}, context, {variant: variant});
        for (const child of node.children || []) {
            this.node(child, inner);
        }
        this.text += '</' + name + '>';
    }

    variant(text, variant) {
        return variant && variant !== 'normal' ? mathAlphanumerics(text, variant) : text;
    }

    enclose(node, context) {
        const notation = list((node.attributes || {}).notation);
        const styles = {};
        const rule = '0.06em solid';
        if (notation.includes('box') || notation.includes('roundedbox') || notation.includes('circle')) {
            styles.border = rule;
            styles.padding = '0.15em';
        }
        for (const side of ['top', 'bottom', 'left', 'right']) {
            if (notation.includes(side)) {
                styles['border-' + side] = rule;
            }
        }
        if (notation.includes('madruwb')) {
            styles['border-bottom'] = rule;
            styles['border-right'] = rule;
        }
        if (notation.some(n => /strike$/.test(n))) {
            styles['text-decoration'] = 'line-through';
        }
        this.element('mrow', {attributes: {}, children: node.children}, context, styles);
    }

    table(node, context) {
        const attributes = node.attributes || {};
        const align = list(attributes.columnalign);
        const spacing = list(attributes.columnspacing);
        const columnLines = list(attributes.columnlines);
        const rowLines = list(attributes.rowlines);
        const rowSpacing = halfOf(nth(list(attributes.rowspacing), 0));
        const tableStyles = {};
        if (attributes.width) {
            tableStyles.width = attributes.width;
        }
        this.text += '<mtable' + styleAttribute(tableStyles) + '>';
        const rows = node.children || [];
        rows.forEach((row, r) => {
            this.text += '<mtr>';
            const cells = row.children || [];
            const data = cells.filter(cell => !isGlue(cell) && !isNumber(cell));
            cells.forEach(cell => {
                if (isGlue(cell)) {
                    this.text += '<mtd style="width: 50%"></mtd>';
                    return;
                }
                if (isNumber(cell)) {
                    this.text += '<mtd style="text-align: right"><mtext>' + this.number() + '</mtext></mtd>';
                    return;
                }
                const j = data.indexOf(cell);
                const styles = {};
                const side = nth(align, j);
                if (side && side !== 'center') {
                    styles['text-align'] = side;
                }
                if (spacing.length > 0 || rowSpacing !== undefined) {
                    // one shorthand (top right bottom left); what is not given keeps MathML Core's default cell padding
                    const vertical = rowSpacing !== undefined ? rowSpacing : '0.5ex';
                    const left = spacing.length === 0 ? '0.4em' : j === 0 ? '0em' : halfOf(nth(spacing, j - 1));
                    const right = spacing.length === 0 ? '0.4em'
                        : j === data.length - 1 ? '0em' : halfOf(nth(spacing, j));
                    styles.padding = [vertical, right, vertical, left].join(' ');
                }
                const columnLine = j < data.length - 1 ? nth(columnLines, j) : undefined;
                if (columnLine === 'solid' || columnLine === 'dashed') {
                    styles['border-right'] = '0.06em ' + columnLine;
                }
                const rowLine = r < rows.length - 1 ? nth(rowLines, r) : undefined;
                if (rowLine === 'solid' || rowLine === 'dashed') {
                    styles['border-bottom'] = '0.06em ' + rowLine;
                }
                if (cell.attributes && cell.attributes.width) {
                    styles.width = cell.attributes.width;
                }
                this.element('mtd', cell, context, styles);
            });
            this.text += '</mtr>';
        });
        this.text += '</mtable>';
    }

    number() {
        const label = this.nextTag < this.tags.length ? this.tags[this.nextTag] : null;
        this.nextTag++;
        if (label !== null) {
            return escapeText(label);
        }
        this.autoNumbers++;
        return '(\u0000)';
    }
}

function isGlue(cell) {
    return (cell.classes || []).includes('mtr-glue');
}

function isNumber(cell) {
    return (cell.classes || []).includes('mml-eqn-num');
}

function styleAttribute(styles) {
    const style = Object.keys(styles).map(k => k + ': ' + styles[k]);
    return style.length > 0 ? ' style="' + escapeAttribute(style.join('; ')) + '"' : '';
}

// ---- mathematical alphanumeric symbols ---------------------------------------------------------------------------

// First code point of A, a, 0, Α and α in each style (Unicode block 1D400–1D7FF); 0 where the style has none.
const ALPHANUMERICS = {
    'bold': [0x1D400, 0x1D41A, 0x1D7CE, 0x1D6A8, 0x1D6C2],
    'italic': [0x1D434, 0x1D44E, 0, 0x1D6E2, 0x1D6FC],
    'bold-italic': [0x1D468, 0x1D482, 0x1D7CE, 0x1D71C, 0x1D736],
    'script': [0x1D49C, 0x1D4B6, 0, 0, 0],
    'bold-script': [0x1D4D0, 0x1D4EA, 0, 0, 0],
    'fraktur': [0x1D504, 0x1D51E, 0, 0, 0],
    'double-struck': [0x1D538, 0x1D552, 0x1D7D8, 0, 0],
    'bold-fraktur': [0x1D56C, 0x1D586, 0, 0, 0],
    'sans-serif': [0x1D5A0, 0x1D5BA, 0x1D7E2, 0, 0],
    'bold-sans-serif': [0x1D5D4, 0x1D5EE, 0x1D7EC, 0x1D756, 0x1D770],
    'sans-serif-italic': [0x1D608, 0x1D622, 0, 0, 0],
    'sans-serif-bold-italic': [0x1D63C, 0x1D656, 0x1D7EC, 0x1D790, 0x1D7AA],
    'monospace': [0x1D670, 0x1D68A, 0x1D7F6, 0, 0]
};

// Letters that Unicode encoded earlier, in the Letterlike Symbols block; their places in 1D400–1D7FF are empty.
const HOLES = {
    'italic': {h: 0x210E},
    'script': {B: 0x212C, E: 0x2130, F: 0x2131, H: 0x210B, I: 0x2110, L: 0x2112, M: 0x2133, R: 0x211B,
        e: 0x212F, g: 0x210A, o: 0x2134},
    'fraktur': {C: 0x212D, H: 0x210C, I: 0x2111, R: 0x211C, Z: 0x2128},
    'double-struck': {C: 0x2102, H: 0x210D, N: 0x2115, P: 0x2119, Q: 0x211A, R: 0x211D, Z: 0x2124}
};

function mathAlphanumerics(text, variant) {
    const bases = ALPHANUMERICS[variant];
    if (!bases) {
        return text;
    }
    const holes = HOLES[variant] || {};
    let out = '';
    for (const ch of text) {
        const c = ch.codePointAt(0);
        let mapped = 0;
        if (holes[ch]) {
            mapped = holes[ch];
        } else if (c >= 0x41 && c <= 0x5A) {
            mapped = bases[0] + (c - 0x41);
        } else if (c >= 0x61 && c <= 0x7A) {
            mapped = bases[1] + (c - 0x61);
        } else if (c >= 0x30 && c <= 0x39 && bases[2]) {
            mapped = bases[2] + (c - 0x30);
        } else if (c >= 0x391 && c <= 0x3A9 && bases[3]) {
            mapped = bases[3] + (c - 0x391);
        } else if (c >= 0x3B1 && c <= 0x3C9 && bases[4]) {
            mapped = bases[4] + (c - 0x3B1);
        }
        out += mapped ? String.fromCodePoint(mapped) : ch;
    }
    return out;
}
