//! The publication gate — *julkaisuportti*: every text hanke writes for others
//! (Markdown and HTML reports, CSV and XML exports, tables) passes one of these
//! functions, so that none of it carries an identity code in any spelling, live
//! markup or a spreadsheet formula:
//!
//! - identity codes are masked as [`crate::mask::redact`] masks them (any
//!   spelling: dashes, spaces, separators, case);
//! - Markdown cells and HTML escape `&`, `<` and `>` (and quotes in HTML), so
//!   that a name such as `X<img src=x onerror=alert(1)>` is shown, never run;
//!   Markdown also escapes `|` and flattens line breaks;
//! - CSV cells are neutralised as the OWASP *CSV Injection* guidance
//!   recommends (owasp.org/www-community/attacks/CSV_Injection): a cell that
//!   begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a single
//!   quote in front and is quoted, so that a spreadsheet shows it as text; the
//!   participant reader reads that quote back off (`docs/participant-csv.md`);
//! - XML text escapes the five XML entities.
//!
//! A project whose own texts hold a code is also told so: [`text_findings`]
//! gives a `PUB-CODE-001` finding for each field, so that the source can be
//! corrected rather than only masked on the way out.
//!
//! ```
//! use hanke_base::publish;
//! assert_eq!(publish::markdown("A | B <b>"), "A \\| B &lt;b&gt;");
//! assert_eq!(publish::csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
//! assert_eq!(publish::html("id 010190\u{2013}900P"), "id 010190\u{2013}****");
//! ```

use std::borrow::Cow;

use crate::finding::{Finding, rules};

/// Text with identity codes masked, control characters (but tab and line
/// breaks) removed: the base of every other form.
pub fn text(s: &str) -> Cow<'_, str> {
    cleaned_then_masked(s, false)
}

/// Every change to the text is made before the mask, never after: removing a
/// control character can join a code (`010190_90\0\00P` is `010190_900P`
/// once the NULs are gone), and so can a line break turned into a space
/// (`010190\n900P` is `010190 900P`, a space standing for the sign).
fn cleaned_then_masked(s: &str, one_line: bool) -> Cow<'_, str> {
    let kept = |c: &char| !c.is_control() || matches!(c, '\t' | '\n' | '\r');
    let changed = |c: char| !kept(&c) || (one_line && matches!(c, '\n' | '\r'));
    if !s.chars().any(changed) {
        return crate::mask::redact(s);
    }
    let clean: String = s
        .chars()
        .filter(kept)
        .map(|c| {
            if one_line && matches!(c, '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect();
    Cow::Owned(crate::mask::redact(&clean).into_owned())
}

/// `base` with each character that `entity` names written as that entity:
/// the one escaping loop of the Markdown, HTML and XML forms.
fn escaped(base: &str, entity: impl Fn(char) -> Option<&'static str>) -> String {
    let mut out = String::with_capacity(base.len());
    for c in base.chars() {
        match entity(c) {
            Some(e) => out.push_str(e),
            None => out.push(c),
        }
    }
    out
}

/// `&`, `<` and `>`, which every markup form escapes.
fn markup_entity(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        _ => None,
    }
}

/// A value inside Markdown (a table cell, a heading, a line of text): codes
/// masked, `&`, `<`, `>` as entities (no raw HTML reaches a renderer), `|`
/// escaped, line breaks flattened to spaces.
pub fn markdown(s: &str) -> String {
    escaped(&cleaned_then_masked(s, true), |c| match c {
        '|' => Some("\\|"),
        c => markup_entity(c),
    })
}

/// An identifier inside Markdown as a code span (a field path such as
/// `funding_plan.sources[0]`): codes masked, line breaks flattened, a
/// backtick as `'`, `|` escaped for tables. A code span is literal text in
/// every CommonMark renderer, so nothing in it is markup.
///
/// ```
/// assert_eq!(hanke_base::publish::markdown_code("a|b`c"), "`a\\|b'c`");
/// ```
pub fn markdown_code(s: &str) -> String {
    let flat = cleaned_then_masked(s, true);
    let mut out = String::from("`");
    for c in flat.chars() {
        match c {
            '`' => out.push('\''),
            '|' => out.push_str("\\|"),
            c => out.push(c),
        }
    }
    out.push('`');
    out
}

/// A value inside HTML text or an attribute: codes masked, `& < > " '` escaped.
pub fn html(s: &str) -> String {
    escaped(&text(s), |c| match c {
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        c => markup_entity(c),
    })
}

/// A value inside XML text or an attribute: codes masked, the five entities
/// escaped.
pub fn xml(s: &str) -> String {
    escaped(&text(s), |c| match c {
        '"' => Some("&quot;"),
        '\'' => Some("&apos;"),
        c => markup_entity(c),
    })
}

/// The characters that make a spreadsheet read a cell as a formula when one
/// begins it: OWASP's *CSV Injection* list (`= + - @`, tab, carriage return)
/// with the NUL of ASVS 5.0 requirement 1.2.10, and — defensively, *not
/// verified against a spreadsheet here* — their full-width forms
/// (`＝ ＋ － ＠`), which input methods for East Asian scripts type and a
/// spreadsheet may fold to the ASCII sign.
const FORMULA_STARTS: [char; 11] = [
    '=', '+', '-', '@', '\t', '\r', '\0', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// Whether a CSV cell would be read by a spreadsheet as a formula: one of
/// `= + - @`, tab, carriage return, NUL or `＝ ＋ － ＠` first (the list and
/// its sources are at `FORMULA_STARTS`), or first after white space — a spreadsheet that
/// trims the spaces of a cell on import (LibreOffice's "Trim spaces") would
/// then run it, so ` =1+1` is neutralised too (defensive, as the full-width
/// forms are).
///
/// ```
/// use hanke_base::publish::is_formula;
/// assert!(is_formula("=1+1") && is_formula(" \u{3000}@SUM(A1)") && is_formula("＝1+1"));
/// assert!(!is_formula("1-1") && !is_formula("'=1") && !is_formula(""));
/// ```
pub fn is_formula(s: &str) -> bool {
    s.starts_with(FORMULA_STARTS) || s.trim_start().starts_with(FORMULA_STARTS)
}

/// A CSV cell of a publication (the Kohesio export), comma-separated: codes
/// masked and tag openers defanged as in [`crate::echo::plain`] (a CSV is
/// often shown in a web page), a formula neutralised with a leading `'`
/// (OWASP), quoted where it holds a delimiter, a quote, a line break or was
/// neutralised.
pub fn csv_cell(s: &str) -> String {
    quote_csv(crate::echo::plain(s))
}

/// A CSV cell of a data file hanke reads back itself (the participant file):
/// written as given — the identity-code column is written as its owner asked,
/// and the reader gives back every value as it was — but a formula is
/// neutralised all the same, and the reader takes that quote back off.
pub fn data_csv_cell(s: &str) -> String {
    quote_csv(Cow::Borrowed(s))
}

/// What [`data_csv_cell`] was given, from the cell a reader found: the
/// leading `'` of a neutralised formula taken off (`'=SUM(A1)` → `=SUM(A1)`),
/// anything else as it is. Every record reader applies it (the CSV file and a
/// table read from it by pandas or polars give the same record).
///
/// ```
/// assert_eq!(hanke_base::publish::from_data_csv_cell("'+1+2"), "+1+2");
/// assert_eq!(hanke_base::publish::from_data_csv_cell("'quoted"), "'quoted");
/// ```
pub fn from_data_csv_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if guarded(cell) => rest,
        _ => cell,
    }
}

/// Whether a cell gets (or, read back, carries) the leading `'`: a formula,
/// or quotes before one (`'=A1` is written `''=A1`, so that every value reads
/// back as it was).
fn guarded(s: &str) -> bool {
    is_formula(s.trim_start_matches('\''))
}

fn quote_csv(base: Cow<'_, str>) -> String {
    let formula = guarded(&base);
    let needs_quotes = formula || base.contains([',', ';', '"', '\n', '\r']);
    if !needs_quotes {
        return base.into_owned();
    }
    let mut out = String::with_capacity(base.len().saturating_add(4));
    out.push('"');
    if formula {
        out.push('\'');
    }
    out.push_str(&base.replace('"', "\"\""));
    out.push('"');
    out
}

/// Every string of a JSON value (keys too) through [`crate::echo::plain`]
/// (codes masked, tag openers defanged, control characters written out): what
/// a JSON output of hanke passes before it is written.
pub fn mask_json(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => {
            if let Cow::Owned(masked) = crate::echo::plain(s) {
                *s = masked;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(mask_json),
        serde_json::Value::Object(map) => {
            let old = std::mem::take(map);
            for (k, mut v) in old {
                mask_json(&mut v);
                map.insert(crate::echo::plain(&k).into_owned(), v);
            }
        }
        _ => {}
    }
}

/// The findings of the publication gate for every string of `value` (a
/// project's or any record's JSON form), each with its path, so that the owner
/// corrects the source; the published forms are safe regardless:
///
/// - `PUB-CODE-001` where a text holds an identity code (masked in everything
///   published);
/// - `PUB-MARKUP-001` where a text holds markup — an HTML or XML tag, a
///   comment (escaped in Markdown, HTML and XML, its `<` shown as `‹` in JSON
///   and CSV).
///
/// ```
/// let p = serde_json::json!({"name": "Hanke 131299-995P <b>"});
/// let f = hanke_base::publish::text_findings(&p);
/// assert_eq!(f[0].rule_id, "PUB-CODE-001");
/// assert_eq!(f[0].path, "name");
/// assert!(!f[0].message_en.contains("995P"));
/// assert_eq!(f[1].rule_id, "PUB-MARKUP-001");
/// ```
pub fn text_findings(value: &serde_json::Value) -> Vec<Finding> {
    fn walk(v: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<Finding>) {
        match v {
            serde_json::Value::String(s) => {
                let at = || path.join(".").replace(".[", "[");
                if crate::mask::holds_identity_code(s) {
                    out.push(
                        Finding::new(
                            &rules::PUBLICATION_IDENTITY_CODE,
                            at(),
                            "this text holds what looks like a personal identity code; it is masked in everything published, correct the source",
                            "tekstissä on henkilötunnukselta näyttävä merkkijono; se peitetään kaikessa julkaistavassa, korjaa lähde", "texten innehåller något som ser ut som en personbeteckning; den maskeras i allt som publiceras, rätta källan"),
                    );
                }
                if crate::echo::holds_markup(s) {
                    out.push(
                        Finding::new(
                            &rules::PUBLICATION_MARKUP,
                            at(),
                            "this text holds markup (a tag); it is published as text, never run, correct the source",
                            "tekstissä on merkintäkieltä (tagi); se julkaistaan tekstinä eikä sitä suoriteta, korjaa lähde", "texten innehåller märkspråk (en tagg); den publiceras som text och körs aldrig, rätta källan"),
                    );
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(format!("[{i}]"));
                    walk(item, path, out);
                    path.pop();
                }
            }
            serde_json::Value::Object(map) => {
                for (k, item) in map {
                    path.push(crate::echo::plain(k).into_owned());
                    walk(item, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut Vec::new(), &mut out);
    out
}

/// Markdown as HTML, never passing raw HTML through: markup in the text
/// (the core's Markdown escapes it already) is rendered as text, so a name
/// from the data cannot run in a notebook or a browser.
///
/// ```
/// let html = hanke_base::publish::markdown_to_html("| a |\n|---|\n| <b>1</b> [x](javascript:alert(1)) |");
/// assert!(html.starts_with("<table>"));
/// assert!(!html.contains("<b>") && !html.contains("javascript:"));
/// ```
pub fn markdown_to_html(md: &str) -> String {
    use pulldown_cmark::{Event, Tag};
    // Through the publication gate first: codes masked in the text itself.
    let md = text(md);
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    let parser = pulldown_cmark::Parser::new_ext(&md, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        // A link or an image runs nothing: `javascript:`, `data:` and any
        // scheme but http(s) and mailto lead nowhere.
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

/// `url` if it is relative or http(s)/mailto, else `#` (OWASP XSS cheat
/// sheet: allow-list the schemes of links built from data).
fn safe_url(url: pulldown_cmark::CowStr<'_>) -> pulldown_cmark::CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme = lower
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains(['/', '?', '#']));
    match scheme {
        None | Some("http" | "https" | "mailto") => url,
        Some(_) => pulldown_cmark::CowStr::Borrowed("#"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_masks_and_escapes() {
        let evil = "X<img src=x onerror=alert(1)> & 010190 -900P |";
        let md = markdown(evil);
        assert!(
            !md.contains('<') && !md.contains("900P") && md.contains("\\|"),
            "{md}"
        );
        let h = html(evil);
        assert!(!h.contains('<') && !h.contains("900P"), "{h}");
        let x = xml("a \"b\" <c> 'd' & 131299-995P");
        assert_eq!(
            x,
            "a &quot;b&quot; &lt;c&gt; &apos;d&apos; &amp; 131299-****"
        );
        for f in [
            "=1+1",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            " =1+1",
            "\u{a0}\u{3000}+1",
            "＝1+1",
            "＠SUM(A1)",
        ] {
            let c = csv_cell(f);
            assert!(c.starts_with("\"'"), "{f:?} → {c}");
            assert!(data_csv_cell(f).starts_with("\"'"), "{f:?}");
        }
        // A carriage return is a control character: written out, not kept.
        assert_eq!(csv_cell("\rx"), "\\u{d}x");
        assert_eq!(csv_cell("plain"), "plain");
        // Every value of a data file reads back as it was, a quote before a
        // formula included.
        for v in [
            "=1", "'=1", "''=1", "'", "'x", "x'", "-", "'-", "", " =1", "' =1", "＝1", "'＋1", " ",
            "\u{0}",
        ] {
            let cell = data_csv_cell(v);
            let unquoted = cell
                .strip_prefix('"')
                .and_then(|c| c.strip_suffix('"'))
                .map_or_else(|| cell.clone(), |c| c.replace("\"\"", "\""));
            assert!(!is_formula(&unquoted), "{v:?} → {cell:?}");
            assert_eq!(from_data_csv_cell(&unquoted), v, "{v:?} → {cell:?}");
        }
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(text("a\u{0}b\u{7}c\nd"), "abc\nd");
        // A code joined by removing control characters is masked (fuzz
        // finding of output_gate).
        assert!(!text("010190_90\u{0}\u{0}0P").contains("900P"));
    }
}
