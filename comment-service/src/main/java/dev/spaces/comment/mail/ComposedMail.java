package dev.spaces.comment.mail;

/** A mail's content: subject, the HTML part (formulas as MathML) and the plain-text part (formulas as TeX). */
public record ComposedMail(String subject, String html, String text) {
}
