//! Masking of personal identity codes — *henkilötunnusten peittäminen*: the
//! bottom of hanke's privacy. Every error that repeats its input ([`crate::echo`]),
//! every finding and everything hanke publishes ([`crate::publish`]) hides
//! what is shaped like a *henkilötunnus*, in any spelling, through [`redact`].
//! The codes themselves (parsing, validation) are [`crate::ids`].

use chrono::NaiveDate;

/// The check characters for remainders 0–30 (G, I, O, Q, Z are never used).
pub const CHECK_CHARS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// `text` with every identity-code-shaped part masked (`131299-****`), for
/// echoing user input in errors and findings and for everything hanke publishes.
///
/// Shape, not validity, decides, in **any spelling**: six digits that form a
/// date, then the century sign — or what a word processor, a spreadsheet or a
/// keyboard puts in its place: an en or em dash, a minus sign, a no-break or
/// other space, `_`, `/`, with spaces around it — then three digits and a letter
/// or digit, in either case. A mistyped code (a wrong check character) is
/// hidden too. A code is found inside longer text and numbers (`x010190-900P1`),
/// except where its last character is a digit and digits run on around it
/// without the check character agreeing (so that bands such as
/// `100000-500000 €` and other numbers are left alone). Every error that
/// repeats its input, every [`Finding`](crate::finding::Finding) message and the
/// publication gate go through this.
///
/// ```
/// use hanke_base::ids::redact;
/// assert_eq!(redact("bad value 131299-995X in column"), "bad value 131299-**** in column");
/// assert_eq!(redact("id 010190\u{2013}900P"), "id 010190\u{2013}****");
/// assert_eq!(redact("010190 -900p"), "010190 -****");
/// assert_eq!(redact("100000-500000 €"), "100000-500000 €");
/// ```
#[allow(
    clippy::arithmetic_side_effects,
    reason = "byte offsets of a match inside the text: below its length"
)]
pub fn redact(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(mut out) = redact_once(text) else {
        return std::borrow::Cow::Borrowed(text);
    };
    // Masking changes what stands beside a run: a digit-last run spared
    // because digits ran on before it (`9189110110 0950`) stands alone once
    // those digits are `****`. Mask again until nothing code-shaped is left;
    // each round turns at least three digits into `*`, so this ends.
    while let Some(again) = redact_once(&out) {
        out = again;
    }
    std::borrow::Cow::Owned(out)
}

/// One pass of [`redact`]: `None` when nothing is code-shaped.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "byte offsets of a match inside the text: below its length"
)]
fn redact_once(text: &str) -> Option<String> {
    let first = next_code_shaped(text, 0)?;
    // The individual part of every code-shaped run, from every start: runs can
    // overlap (`010190-010190-900P` holds one starting at 0 and one at 7), and
    // masking only the first would leave the second's `900P` in the clear.
    let mut hidden: Vec<(usize, usize)> = Vec::new();
    let mut at = Some(first);
    while let Some((start, keep, end)) = at {
        match hidden.last_mut() {
            Some(last) if keep <= last.1 => last.1 = last.1.max(end),
            _ => hidden.push((keep, end)),
        }
        at = next_code_shaped(text, start + 1);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (from, to) in hidden {
        // Offsets are char boundaries: the matcher steps by characters.
        out.push_str(text.get(copied..from).unwrap_or(""));
        out.push_str("****");
        copied = to;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    Some(out)
}

/// Whether `text` holds anything [`redact`] would mask.
///
/// ```
/// assert!(hanke_base::ids::holds_identity_code("id 131299-995P"));
/// assert!(hanke_base::ids::holds_identity_code("id 131299\u{a0}995P"));
/// assert!(!hanke_base::ids::holds_identity_code("P-0001"));
/// ```
pub fn holds_identity_code(text: &str) -> bool {
    next_code_shaped(text, 0).is_some()
}

/// Whether a code-shaped run starts at byte `start` (the first of six ASCII
/// digits) — what [`redact`] masks from there. For the fast path of
/// [`crate::echo::plain`], which asks only at the last six digits of each run.
pub(crate) fn code_starts_at(text: &str, start: usize) -> bool {
    code_at(text, start).is_some()
}

/// A character that stands between the date and the individual number in a
/// code as people and programs write it: the century signs, the dashes and
/// minus signs of Unicode, `_` and `/`.
fn is_sign(c: char) -> bool {
    matches!(
        c.to_ascii_uppercase(),
        '+' | '-' | 'Y' | 'X' | 'W' | 'V' | 'U' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | '_' | '/'
    ) || matches!(
        c,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '\u{00AD}'
    )
}

/// White space as it appears inside a code: any Unicode space, the no-break
/// ones included, and zero-width characters.
fn is_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// The next code-shaped run at or after byte `from`: (start, end of the kept
/// part — the date and the separator —, end of the run).
#[allow(
    clippy::arithmetic_side_effects,
    reason = "byte offsets inside the text: below its length"
)]
fn next_code_shaped(text: &str, from: usize) -> Option<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i + 6 <= bytes.len() {
        // Six ASCII digits: the only way a code starts, found bytewise.
        let Some(six) = bytes.get(i..i + 6) else {
            break;
        };
        if !six.iter().all(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        if let Some(found) = code_at(text, i) {
            return Some(found);
        }
        i += 1;
    }
    None
}

/// The code-shaped run starting at byte `start` (six ASCII digits there), if
/// there is one.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "byte offsets inside the text and checked ASCII digits"
)]
fn code_at(text: &str, start: usize) -> Option<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let date = bytes.get(start..start + 6)?;
    if !is_date(date) {
        return None;
    }
    // The separator: gaps, at most one sign, gaps — at least one of them.
    let rest = text.get(start + 6..)?;
    let mut signs = 0;
    let mut gaps = 0;
    let mut keep = start + 6;
    let mut off = 0;
    while let Some(c) = rest.get(off..).and_then(|r| r.chars().next()) {
        // A separator written out as an escape (`\u{a0}` in a `Debug` string,
        // `\xa0` in a Python repr, `\u2013` in JSON, `&nbsp;` in HTML) is
        // the same separator: a message built with `{:?}` must not hide a
        // code from the mask.
        let (c, len) = escaped(rest.get(off..).unwrap_or("")).unwrap_or((c, c.len_utf8()));
        if is_gap(c) && gaps < 4 {
            gaps += 1;
        } else if is_sign(c) && signs == 0 && !c.is_ascii_digit() {
            signs += 1;
        } else {
            break;
        }
        off += len;
        keep = start + 6 + off;
    }
    if signs + gaps == 0 {
        return None;
    }
    let after = keep;
    let tail = bytes.get(after..after + 4)?;
    let [n0, n1, n2, check] = tail else {
        return None;
    };
    if !(n0.is_ascii_digit() && n1.is_ascii_digit() && n2.is_ascii_digit()) {
        return None;
    }
    if !check.is_ascii_alphanumeric() {
        return None;
    }
    let end = after + 4;
    if check.is_ascii_digit() {
        // A digit last: spare a number running on (a band `100000-500000`)
        // unless the check character agrees with the rest.
        let before = start > 0 && bytes.get(start - 1).is_some_and(u8::is_ascii_digit);
        let beyond = bytes.get(end).is_some_and(u8::is_ascii_digit);
        if before || beyond {
            let nine: u32 = date
                .iter()
                .chain([n0, n1, n2])
                .fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
            let agrees = CHECK_CHARS
                .get((nine % 31) as usize)
                .is_some_and(|c| c == check);
            if !agrees {
                return None;
            }
        }
    }
    Some((start, keep, end))
}

/// The character an escape at the start of `s` stands for, and the escape's
/// length in bytes: `\u{HEX}` (Rust `Debug`), `\uHHHH` (JSON, Java,
/// Python), `\xHH` (Python `repr`), `&#DDD;`, `&#xHH;` and the named HTML
/// entities of spaces and dashes. Only what a separator can be is asked for.
fn escaped(s: &str) -> Option<(char, usize)> {
    let hex = |digits: &str| {
        u32::from_str_radix(digits, 16)
            .ok()
            .and_then(char::from_u32)
    };
    let run = |s: &str, radix: u32, max: usize| {
        s.char_indices()
            .take_while(|&(i, c)| i < max && c.is_digit(radix))
            .last()
            .map_or(0, |(i, c)| i.saturating_add(c.len_utf8()))
    };
    if let Some(r) = s.strip_prefix("\\u{") {
        let n = run(r, 16, 6);
        let c = hex(r.get(..n)?)?;
        return r
            .get(n..)?
            .starts_with('}')
            .then_some((c, n.saturating_add(4)));
    }
    if let Some(r) = s.strip_prefix("\\u") {
        return (run(r, 16, 4) == 4).then(|| hex(r.get(..4)?).map(|c| (c, 6)))?;
    }
    if let Some(r) = s.strip_prefix("\\x") {
        return (run(r, 16, 2) == 2).then(|| hex(r.get(..2)?).map(|c| (c, 4)))?;
    }
    if let Some(r) = s.strip_prefix("&#x").or_else(|| s.strip_prefix("&#X")) {
        let n = run(r, 16, 6);
        let c = hex(r.get(..n)?)?;
        return r
            .get(n..)?
            .starts_with(';')
            .then_some((c, n.saturating_add(4)));
    }
    if let Some(r) = s.strip_prefix("&#") {
        let n = run(r, 10, 7);
        let c = r.get(..n)?.parse().ok().and_then(char::from_u32)?;
        return r
            .get(n..)?
            .starts_with(';')
            .then_some((c, n.saturating_add(3)));
    }
    for (name, c) in [
        ("&nbsp;", '\u{a0}'),
        ("&ndash;", '\u{2013}'),
        ("&mdash;", '\u{2014}'),
        ("&minus;", '\u{2212}'),
        ("&hyphen;", '\u{2010}'),
        ("&dash;", '\u{2010}'),
        ("&thinsp;", '\u{2009}'),
        ("&ensp;", '\u{2002}'),
        ("&emsp;", '\u{2003}'),
        ("&lowbar;", '_'),
        ("&sol;", '/'),
    ] {
        if s.starts_with(name) {
            return Some((c, name.len()));
        }
    }
    None
}

/// `DDMMYY`: a day that exists in some century.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "two checked ASCII digits: below 100; years 1900–2099"
)]
fn is_date(w: &[u8]) -> bool {
    let [d0, d1, m0, m1, y0, y1] = w else {
        return false;
    };
    let two = |a: &u8, b: &u8| u32::from(a - b'0') * 10 + u32::from(b - b'0');
    let (day, month, yy) = (two(d0, d1), two(m0, m1), two(y0, y1));
    // Year 2000 is a leap year: any day that exists in some century passes.
    NaiveDate::from_ymd_opt(2000 + i32::try_from(yy).unwrap_or(0), month, day).is_some()
        || NaiveDate::from_ymd_opt(1900 + i32::try_from(yy).unwrap_or(0), month, day).is_some()
}
