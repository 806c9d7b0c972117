//! Text as public pages come: normalised line by line, so that the parsers see
//! the same thing whatever line endings, spaces and invisible characters a copy
//! picked up on its way from the web page.

/// One line of a document: its 1-based number in the original text and its
/// normalised content (trimmed, no-break and other odd spaces made ordinary,
/// runs of spaces kept — only labels are compared whitespace-insensitively).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    pub(crate) number: u64,
    pub(crate) text: String,
}

impl Line {
    pub(crate) fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Splits `text` into lines at `\r\n`, `\n` or a lone `\r`, replacing the spaces
/// copies from web pages carry (U+00A0 no-break, U+202F narrow no-break, U+2007
/// figure, U+2009 thin, tabs) with ordinary ones and dropping zero-width
/// characters and a byte-order mark, then trimming each line.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut number: u64 = 1;
    let mut chars = text.chars().peekable();
    let mut push = |current: &mut String, number: u64| {
        out.push(Line {
            number,
            text: current.trim().to_string(),
        });
        current.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                push(&mut current, number);
                number = number.saturating_add(1);
            }
            '\n' => {
                push(&mut current, number);
                number = number.saturating_add(1);
            }
            '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' | '\t' => current.push(' '),
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' => {}
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        push(&mut current, number);
    }
    out
}

/// A label compared loosely: lower case, inner white space folded, a trailing
/// colon dropped.
pub(crate) fn label_key(label: &str) -> String {
    label
        .trim()
        .trim_end_matches(':')
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits `Label: value` at the first colon; `None` when the line has no colon.
/// The value is trimmed; an empty value is `None` (a label with nothing after it).
pub(crate) fn split_label(line: &str) -> Option<(&str, Option<&str>)> {
    let (label, value) = line.split_once(':')?;
    let value = value.trim();
    Some((label.trim(), (!value.is_empty()).then_some(value)))
}

/// Joins the text of `lines` into paragraphs: lines of a paragraph joined with
/// `\n`, paragraphs (separated by any number of blank lines) with `\n\n`. `None`
/// when there is no text.
pub(crate) fn paragraphs<'a>(lines: impl IntoIterator<Item = &'a Line>) -> Option<String> {
    let mut out = String::new();
    let mut blank_before = false;
    for line in lines {
        if line.is_blank() {
            blank_before = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_before { "\n\n" } else { "\n" });
        }
        out.push_str(&line.text);
        blank_before = false;
    }
    (!out.is_empty()).then_some(out)
}

/// Normalises a free text the way [`paragraphs`] reads it back: lines trimmed,
/// runs of blank lines folded to one. Used so that rendering and reading agree.
pub(crate) fn normalise_paragraphs(text: &str) -> Option<String> {
    paragraphs(lines(text).iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_spaces() {
        let ls = lines("\u{feff}a\u{a0}b\r\n\r\n c\rd\u{200b}\n");
        let texts: Vec<_> = ls.iter().map(|l| (l.number, l.text.as_str())).collect();
        assert_eq!(texts, [(1, "a b"), (2, ""), (3, "c"), (4, "d")]);
    }

    #[test]
    fn labels_and_paragraphs() {
        assert_eq!(
            split_label("Y-tunnus: 2211414-8"),
            Some(("Y-tunnus", Some("2211414-8")))
        );
        assert_eq!(
            split_label("Hakijoiden lukumäärä:  "),
            Some(("Hakijoiden lukumäärä", None))
        );
        assert_eq!(label_key("  Hankkeen   NIMI: "), "hankkeen nimi");
        let ls = lines("a\nb\n\n\n\nc\n");
        assert_eq!(paragraphs(ls.iter()).as_deref(), Some("a\nb\n\nc"));
        assert_eq!(
            normalise_paragraphs(" x \r\n\r\n\r\ny"),
            Some("x\n\ny".to_string())
        );
        assert_eq!(normalise_paragraphs(" \n "), None);
    }
}
