package dev.spaces.commons.markdown;

import java.util.Set;

/**
 * Recognizes everyday TeX that KaTeX's parser certainly accepts, so that {@link KatexValidator} can skip KaTeX (which
 * runs in GraalJS's interpreter on a JDK without the Graal JIT, milliseconds per formula) for the common case.
 * <p>
 * It is one-sided: {@code true} means "KaTeX parses this", {@code false} only means "ask KaTeX". The subset is
 * deliberately small and strict — ASCII only; letters, digits and plain operators; braces; the commands in the
 * tables below with their fixed number of arguments; {@code \text} and {@code \operatorname} with plain words;
 * {@code \left…\right} with plain delimiters; and KaTeX's sub/superscript rules (one of each per base, primes count
 * as a superscript). Arguments are a braced group, one letter, digit or sign, or a symbol command, given without
 * spaces before them (as in {@code \frac12}, {@code x^{n}}). Anything else — environments, {@code \\}, {@code &},
 * optional arguments, macros, unknown commands, other text, deep nesting — goes to KaTeX, which also words every
 * error message.
 */
final class TexFastPath {

    private static final int MAX_LENGTH = 1_000;
    private static final int MAX_DEPTH = 16;

    /** Symbols (commands without arguments that KaTeX defines as one symbol): atoms, also allowed as arguments. */
    static final Set<String> SYMBOLS = Set.of(
            "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
            "kappa", "lambda", "mu", "nu", "xi", "pi", "varpi", "rho", "varrho", "sigma", "varsigma", "tau",
            "upsilon", "phi", "varphi", "chi", "psi", "omega",
            "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
            "le", "leq", "ge", "geq", "ne", "neq", "ll", "gg", "approx", "sim", "simeq", "cong", "equiv", "propto",
            "in", "ni", "subset", "subseteq", "supset", "supseteq", "cup", "cap", "setminus",
            "times", "div", "pm", "mp", "cdot", "circ", "ast", "star", "bullet", "oplus", "otimes", "odot",
            "wedge", "vee", "land", "lor", "lnot", "neg", "to", "rightarrow", "leftarrow", "Rightarrow", "Leftarrow",
            "leftrightarrow", "Leftrightarrow", "mapsto", "gets", "mid", "parallel", "perp",
            "infty", "partial", "nabla", "forall", "exists", "emptyset", "varnothing", "ell", "prime",
            "dagger", "top", "bot", "angle", "triangle",
            "langle", "rangle", "lvert", "rvert", "lVert", "rVert", "vert", "Vert", "lfloor", "rfloor", "lceil",
            "rceil");

    /**
     * Commands without arguments that KaTeX implements as functions or macros (big operators, named functions,
     * dots, some relations): atoms that may take scripts, but never arguments of other commands.
     */
    static final Set<String> OPERATORS = Set.of(
            "sum", "prod", "coprod", "int", "iint", "iiint", "oint", "bigcup", "bigcap", "bigoplus", "bigotimes",
            "lim", "limsup", "liminf", "max", "min", "sup", "inf", "log", "ln", "lg", "exp", "sin", "cos", "tan",
            "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "det", "arg", "dim", "ker",
            "Pr", "gcd", "deg", "hom", "notin", "iff", "implies", "cdots", "ldots", "dots", "vdots", "ddots",
            "colon", "hbar");

    /** Spacing: atoms without scripts. */
    static final Set<String> SPACING = Set.of(",", ";", ":", "!", " ", "quad", "qquad");

    /** Control symbols that are ordinary symbols. */
    static final Set<String> SYMBOL_CHARACTERS = Set.of("|", "{", "}");

    /** Commands with one argument: fonts, accents, {@code \sqrt} (without its optional index). */
    static final Set<String> ONE_ARGUMENT = Set.of(
            "mathbf", "mathrm", "mathit", "mathcal", "mathbb", "mathsf", "mathtt", "mathfrak", "boldsymbol",
            "hat", "bar", "tilde", "vec", "dot", "ddot", "check", "breve", "acute", "grave", "widehat", "widetilde",
            "overline", "underline", "overrightarrow", "sqrt");

    static final Set<String> TWO_ARGUMENTS = Set.of("frac", "dfrac", "tfrac", "binom");

    /** After {@code \left}/{@code \right}, besides the characters in {@link #DELIMITER_CHARS}. */
    static final Set<String> DELIMITER_COMMANDS = Set.of(
            "|", "{", "}", "langle", "rangle", "vert", "Vert", "lvert", "rvert", "lVert", "rVert",
            "lfloor", "rfloor", "lceil", "rceil");

    static final String DELIMITER_CHARS = "()[]|.";
    /** Atoms in math mode. */
    static final String PLAIN = "+-*/=<>,.;:!?()[]|";
    /** Signs that may stand alone as an argument or script, as in {@code x^*} or {@code x^+}. */
    static final String ARGUMENT_SIGNS = "*+-";
    /** Characters inside {@code \text{…}}. */
    static final String TEXT_PUNCTUATION = " ,.;:!?()-";

    private final String tex;
    private int pos;

    private TexFastPath(String tex) {
        this.tex = tex;
    }

    /** {@code true} if KaTeX certainly parses this formula (in either mode); {@code false} if KaTeX must decide. */
    static boolean certainlyParses(String tex) {
        if (tex.length() > MAX_LENGTH) {
            return false;
        }
        try {
            TexFastPath parser = new TexFastPath(tex);
            parser.expression(0, End.INPUT);
            return true;
        } catch (NotSimple e) {
            return false;
        }
    }

    private enum End {
        INPUT, BRACE, RIGHT
    }

    /** A sequence of atoms up to its end: the input, a closing brace, or {@code \right} and its delimiter. */
    private void expression(int depth, End end) {
        if (depth > MAX_DEPTH) {
            throw NotSimple.INSTANCE;
        }
        while (true) {
            skipSpaces();
            if (pos == tex.length()) {
                require(end == End.INPUT);
                return;
            }
            char c = tex.charAt(pos);
            if (c == '}') {
                require(end == End.BRACE);
                pos++;
                return;
            }
            if (c == '\\' && tex.startsWith("\\right", pos) && !letterAt(pos + 6)) {
                require(end == End.RIGHT);
                pos += 6;
                skipSpaces();
                delimiter();
                return;
            }
            if (atom(depth)) {
                scripts(depth);
            }
        }
    }

    /** One atom; {@code false} if it may not carry scripts (spacing). */
    private boolean atom(int depth) {
        char c = tex.charAt(pos);
        if (isAsciiLetterOrDigit(c) || PLAIN.indexOf(c) >= 0) {
            pos++;
            return true;
        }
        if (c == '{') {
            pos++;
            expression(depth + 1, End.BRACE);
            return true;
        }
        require(c == '\\');
        String name = command();
        if (SPACING.contains(name)) {
            return false;
        }
        if (SYMBOL_CHARACTERS.contains(name) || SYMBOLS.contains(name) || OPERATORS.contains(name)) {
            return true;
        }
        if (name.equals("left")) {
            delimiter();
            expression(depth + 1, End.RIGHT);
            return true;
        }
        if (name.equals("text")) {
            text(TEXT_PUNCTUATION);
            return true;
        }
        if (name.equals("operatorname")) {
            text("");
            return true;
        }
        if (ONE_ARGUMENT.contains(name)) {
            require(!(name.equals("sqrt") && pos < tex.length() && tex.charAt(pos) == '['));
            argument(depth);
            return true;
        }
        if (TWO_ARGUMENTS.contains(name)) {
            argument(depth);
            argument(depth);
            return true;
        }
        throw NotSimple.INSTANCE;
    }

    /**
     * KaTeX's rules: at most one superscript and one subscript per base; primes are a superscript, and only a
     * {@code ^} right after them joins it.
     */
    private void scripts(int depth) {
        boolean sup = false;
        boolean sub = false;
        while (true) {
            skipSpaces();
            if (pos == tex.length()) {
                return;
            }
            char c = tex.charAt(pos);
            if (c == '^') {
                require(!sup);
                sup = true;
                pos++;
                argument(depth);
            } else if (c == '_') {
                require(!sub);
                sub = true;
                pos++;
                argument(depth);
            } else if (c == '\'') {
                require(!sup);
                sup = true;
                while (pos < tex.length() && tex.charAt(pos) == '\'') {
                    pos++;
                }
                if (pos < tex.length() && tex.charAt(pos) == '^') {
                    pos++;
                    argument(depth);
                }
            } else {
                return;
            }
        }
    }

    /**
     * An argument of a command or script: a braced group, one letter, digit or sign, or a symbol command, right
     * after the command or script sign.
     */
    private void argument(int depth) {
        require(pos < tex.length());
        char c = tex.charAt(pos);
        if (c == '{') {
            pos++;
            expression(depth + 1, End.BRACE);
        } else if (isAsciiLetterOrDigit(c) || ARGUMENT_SIGNS.indexOf(c) >= 0) {
            pos++;
        } else {
            require(c == '\\');
            String name = command();
            require(SYMBOLS.contains(name) || SYMBOL_CHARACTERS.contains(name));
        }
    }

    private void delimiter() {
        require(pos < tex.length());
        char c = tex.charAt(pos);
        if (DELIMITER_CHARS.indexOf(c) >= 0) {
            pos++;
            return;
        }
        require(c == '\\');
        require(DELIMITER_COMMANDS.contains(command()));
    }

    /**
     * The braced argument of {@code \text} or {@code \operatorname}: letters, digits and the given punctuation only (no
     * commands, groups or special characters).
     */
    private void text(String punctuation) {
        require(pos < tex.length() && tex.charAt(pos) == '{');
        pos++;
        while (pos < tex.length() && tex.charAt(pos) != '}') {
            char c = tex.charAt(pos);
            require(isAsciiLetterOrDigit(c) || punctuation.indexOf(c) >= 0);
            pos++;
        }
        require(pos < tex.length());
        pos++;
    }

    /**
     * Reads a command after its backslash: a control word (letters; the spaces after it belong to it, as in TeX) or
     * a control symbol (one character).
     */
    private String command() {
        pos++;
        require(pos < tex.length());
        int start = pos;
        if (!isAsciiLetter(tex.charAt(pos))) {
            pos++;
            return tex.substring(start, pos);
        }
        while (pos < tex.length() && isAsciiLetter(tex.charAt(pos))) {
            pos++;
        }
        String name = tex.substring(start, pos);
        skipSpaces();
        return name;
    }

    private void skipSpaces() {
        while (pos < tex.length()) {
            char c = tex.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean letterAt(int index) {
        return index < tex.length() && isAsciiLetter(tex.charAt(index));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    private static void require(boolean condition) {
        if (!condition) {
            throw NotSimple.INSTANCE;
        }
    }

    /** Outside the subset; thrown without a stack trace, since it is an answer, not a failure. */
    private static final class NotSimple extends RuntimeException {
        static final NotSimple INSTANCE = new NotSimple();

        private NotSimple() {
            super("outside the fast path's subset", null, false, false);
        }
    }
}
