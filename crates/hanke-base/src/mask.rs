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
/// or digit, in either case. Characters that show nothing (soft hyphens,
/// zero-width spaces and joiners, direction marks, variation selectors…) may
/// stand anywhere inside it, and its digits and letters may be full-width
/// (`１３１０５２－３０８Ｔ`) or the decimal digits of another script
/// (`٠١٠١٩٠-٩٠٠P`: every decimal digit of Unicode 14.0): what a reader reads as a code is one. Written
/// with no separator at all (`131052308T`), it is masked when its check
/// character is a letter that agrees; a ten-digit number is left a number —
/// date-based record numbers (`0103240001`) cannot be told from a code
/// without its sign (an interpretation: such a code is not found). A mistyped
/// code (a wrong check character) with a separator is hidden too. Spellings a
/// number or a version could also take are hidden when the check character
/// agrees (a real code, mistyped there): a slip of the key for the sign
/// (`010190.900P`, `010190,900P`, `:` or `;`), the sign typed twice
/// (`010190--900P`), a space before the check character (`010190-900 P`),
/// the date written as dates are (`01.01.90-900P`, `01 01 90`, `01/01/90`,
/// `01-01-90`: one separator twice). A code is
/// found inside longer text and numbers (`x010190-900P1`), except where its
/// last character is a digit and digits run on around it without the check
/// character agreeing (so that bands such as `100000-500000 €` and other
/// numbers are left alone). Every error that repeats its input, every
/// [`Finding`](crate::finding::Finding) message and the publication gate go
/// through this.
///
/// ```
/// use hanke_base::ids::redact;
/// assert_eq!(redact("bad value 131299-995X in column"), "bad value 131299-**** in column");
/// assert_eq!(redact("id 010190\u{2013}900P"), "id 010190\u{2013}****");
/// assert_eq!(redact("010190 -900p"), "010190 -****");
/// assert_eq!(redact("id 131052308T"), "id 131052****");
/// assert_eq!(redact("131052\u{200c}-308T"), "131052\u{200c}-****");
/// assert_eq!(redact("010190.900P, 010190--900P, 010190-900 P"), "010190.****, 010190--****, 010190-****");
/// assert_eq!(redact("01.01.90-900P; 01.01.90-900X"), "01.01.90-****; 01.01.90-900X");
/// assert_eq!(redact("\u{660}\u{661}\u{660}\u{661}\u{669}\u{660}-\u{669}\u{660}\u{660}P"), "\u{660}\u{661}\u{660}\u{661}\u{669}\u{660}-****");
/// assert_eq!(redact("versio 310120.5001"), "versio 310120.5001");
/// assert_eq!(redact("100000-500000 €"), "100000-500000 €");
/// assert_eq!(redact("0103240001"), "0103240001");
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
    let first = first_code_shaped(text)?;
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
    first_code_shaped(text).is_some()
}

/// The first code-shaped run of `text` ([`next_code_shaped`] from its
/// start), after a count that settles most texts at once: a code's nine
/// digits are each an ASCII digit or a digit of another script (full-width
/// `０`–`９`, Arabic-Indic…: a character whose lead byte is 0xD9 or above,
/// [`may_start_digit`]) — never an escape — so a text with fewer than nine
/// such bytes holds none. A participant id (`C0-0001`) is asked this on
/// every row read.
fn first_code_shaped(text: &str) -> Option<(usize, usize, usize)> {
    let digit_like = text.bytes().filter(|b| may_start_digit(*b)).take(9).count();
    if digit_like < 9 {
        return None;
    }
    next_code_shaped(text, 0)
}

/// Whether a code-shaped run starts at byte `start` (an ASCII digit) — what
/// [`redact`] masks from there. For the fast path of [`crate::echo::plain`],
/// which asks only at the last six digits of each run and where a date
/// written with separators (`01.01.90`) ends.
pub(crate) fn code_starts_at(text: &str, start: usize) -> bool {
    code_at(text, start).is_some()
}

/// A character that stands between the date and the individual number in a
/// code as people and programs write it: the century signs, the dashes and
/// minus signs of Unicode, `_` and `/` — in ASCII or in full width.
fn is_sign(c: char) -> bool {
    matches!(
        narrow(c).to_ascii_uppercase(),
        '+' | '-' | 'Y' | 'X' | 'W' | 'V' | 'U' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | '_' | '/'
    ) || matches!(
        c,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// A character a typist may put in the sign's place by a slip — `.` and `,`,
/// the neighbours of `-` on the Finnish keyboard (SFS 5966: `, . -` side by
/// side on the bottom row), and `:` and `;`, their shifted forms there —
/// and what a reader still reads past as one (`010190.900P`). Weaker than a
/// sign: a run with one is a code only when its check character agrees
/// ([`code_at`]), so that numbers and versions (`310120.5001`) stay.
fn is_slip(c: char) -> bool {
    matches!(narrow(c), '.' | ',' | ':' | ';')
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
    while i < bytes.len() {
        let b = bytes.get(i).copied().unwrap_or(0);
        // A code starts with a digit: an ASCII one, or one of another
        // script (lead byte 0xD9 and up); anything else is stepped over a
        // byte at a time.
        if may_start_digit(b)
            && text.is_char_boundary(i)
            && let Some(found) = code_at(text, i)
        {
            return Some(found);
        }
        i += 1;
    }
    None
}

/// Characters that show nothing — Unicode's default-ignorable code points
/// (soft hyphen, zero-width spaces and joiners, direction marks and
/// embeddings, word joiner and invisible operators, variation selectors,
/// tags…): wherever they stand inside a code, a reader still sees the code.
/// Inside an id they make two ids that read the same differ (`P1` and
/// `P\u{200b}1`), so ids refuse them.
///
/// ```
/// use hanke_base::mask::is_invisible;
/// assert!(is_invisible('\u{200b}') && is_invisible('\u{feff}') && is_invisible('\u{202e}'));
/// assert!(!is_invisible(' ') && !is_invisible('ä'));
/// ```
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// The character at byte `at` of `text` as the mask reads it — an escape
/// (`\u{200b}`, `&#8203;`) as what it stands for — and its length in bytes.
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let rest = text.get(at..)?;
    let c = rest.chars().next()?;
    Some(escaped(rest).unwrap_or((c, c.len_utf8())))
}

/// Byte `at` moved past invisible characters.
#[allow(clippy::arithmetic_side_effects, reason = "inside the text")]
fn past_invisible(text: &str, mut at: usize) -> usize {
    while let Some((c, len)) = char_at(text, at) {
        if !is_invisible(c) {
            break;
        }
        at += len;
    }
    at
}

/// The ASCII character a full-width one (U+FF01–U+FF5E) stands for; any
/// other character as it is.
fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c).wrapping_sub(0xFEE0)).unwrap_or(c),
        _ => c,
    }
}

/// The ASCII form, in upper case, of a digit or letter written in ASCII or
/// in full width (`１`, `Ｔ`, as an East Asian keyboard types them), and of
/// a decimal digit of any script ([`decimal_digit`]: `٠١٩`, `०`, `𝟗`).
fn folded(c: char) -> Option<u8> {
    let c = narrow(c);
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_uppercase() as u8);
    }
    decimal_digit(c)
}

/// The first code point of each run of ten decimal digits (Unicode general
/// category `Nd`) past ASCII, zero to nine in order — every such digit of
/// Unicode 14.0, listed from Python 3.11's `unicodedata`
/// (`[c for c in range(0x80, 0x110000) if unicodedata.category(chr(c)) == "Nd"
/// and unicodedata.decimal(chr(c)) == 0]`; each run checked to hold the
/// digits 0–9, and no `Nd` character left outside the runs). Arabic-Indic
/// (U+0660), Devanagari (U+0966), mathematical bold (U+1D7CE)… A reader
/// reads a code in any of them as the code, and a program that prints
/// numbers in the user's script writes them so. Scripts added after
/// Unicode 14.0 (Kawi, Nag Mundari, …) are not listed.
const DIGIT_ZEROS: [u32; 65] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The lowest lead byte of a decimal digit past ASCII in UTF-8 (U+0660,
/// the first of [`DIGIT_ZEROS`], is `D9 A0`): a byte below it (and not an
/// ASCII digit) starts no digit.
const LOWEST_DIGIT_LEAD: u8 = 0xD9;

/// Whether byte `b` of a text may start a digit [`folded`] reads: an ASCII
/// digit, or the lead byte of a character from U+0660 up.
fn may_start_digit(b: u8) -> bool {
    b.is_ascii_digit() || b >= LOWEST_DIGIT_LEAD
}

/// The ASCII digit a decimal digit of another script stands for.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "the code point is at or above the run's first, so the difference is below ten"
)]
fn decimal_digit(c: char) -> Option<u8> {
    let code = u32::from(c);
    // The run whose first digit is the last at or below `code`.
    let run = DIGIT_ZEROS
        .partition_point(|&zero| zero <= code)
        .checked_sub(1)?;
    let zero = DIGIT_ZEROS.get(run)?;
    let value = code - zero;
    (value < 10).then(|| b'0' + value as u8)
}

/// `N` digits from byte `at` (the first right there, invisible characters
/// allowed between the others): their ASCII values and the byte after them.
#[allow(clippy::arithmetic_side_effects, reason = "inside the text")]
fn digits_at<const N: usize>(text: &str, at: usize) -> Option<([u8; N], usize)> {
    let mut out = [0u8; N];
    let mut at = at;
    for (k, slot) in out.iter_mut().enumerate() {
        if k > 0 {
            at = past_invisible(text, at);
        }
        // Digits as written: an escape stands only for a separator.
        let c = text.get(at..)?.chars().next()?;
        *slot = folded(c).filter(u8::is_ascii_digit)?;
        at += c.len_utf8();
    }
    Some((out, at))
}

/// Whether the character before byte `at`, past invisible ones, is a digit.
fn digit_before(text: &str, at: usize) -> bool {
    text.get(..at)
        .into_iter()
        .flat_map(|t| t.chars().rev())
        .find(|c| !is_invisible(*c))
        .and_then(folded)
        .is_some_and(|b| b.is_ascii_digit())
}

/// Whether the character from byte `at`, past invisible ones, is a digit.
fn digit_after(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|t| t.chars().find(|c| !is_invisible(*c)))
        .and_then(folded)
        .is_some_and(|b| b.is_ascii_digit())
}

/// The separators a date is written with inside it (`01.01.90`, `01 01 90`,
/// `01/01/90`, `01-01-90`), as [`date_at`] reads them and as the fast path
/// of [`crate::echo::plain`] looks for them.
pub(crate) const DATE_SEPARATORS: [u8; 4] = *b". /-";

/// The date of a code from byte `start`: six digits (invisible characters
/// allowed between them), or — as a date is written — two digits of the
/// day, a separator, two of the month, the same separator, two of the year
/// (`01.01.90`, `01 01 90`, `01/01/90`, `01-01-90`). Its digits, the byte
/// after it, and whether it had separators.
#[allow(clippy::arithmetic_side_effects, reason = "inside the text")]
fn date_at(text: &str, start: usize) -> Option<([u8; 6], usize, bool)> {
    if let Some((date, after)) = digits_at::<6>(text, start) {
        return Some((date, after, false));
    }
    // Invisible characters may stand on either side of a separator.
    let ([d0, d1], at) = digits_at::<2>(text, start)?;
    let at = past_invisible(text, at);
    let sep = text.get(at..)?.chars().next()?;
    if !u8::try_from(narrow(sep)).is_ok_and(|b| DATE_SEPARATORS.contains(&b)) {
        return None;
    }
    let ([m0, m1], at) = digits_at::<2>(text, past_invisible(text, at + sep.len_utf8()))?;
    let at = past_invisible(text, at);
    let at = at + text.get(at..)?.strip_prefix(sep).map(|_| sep.len_utf8())?;
    let ([y0, y1], at) = digits_at::<2>(text, past_invisible(text, at))?;
    Some(([d0, d1, m0, m1, y0, y1], at, true))
}

/// The code-shaped run starting at byte `start` (a digit there), if there is
/// one.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "byte offsets inside the text and checked ASCII digits"
)]
fn code_at(text: &str, start: usize) -> Option<(usize, usize, usize)> {
    let (date, after_date, spaced) = date_at(text, start)?;
    if !is_date(&date) {
        return None;
    }
    // The separator: gaps, at most one sign, gaps. Invisible characters
    // count as gaps, without bound; visible white space up to four. A
    // separator written out as an escape (`\u{a0}` in a `Debug` string,
    // `\xa0` in a Python repr, `\u2013` in JSON, `&nbsp;` in HTML) is the
    // same separator: a message built with `{:?}` must not hide a code from
    // the mask ([`char_at`]).
    //
    // Spellings a reader still reads as the code, but a number or a version
    // could take too, count as a code only when the check character agrees
    // (`weak`): a sign typed twice (`010190--900P`), a slip of the key
    // ([`is_slip`]: `010190.900P`), a space before the check character
    // (`010190-900 P`).
    //
    // A date written with separators inside it (`01.01.90-900P`,
    // [`date_at`]) is weak too: `DD.MM.YY` followed by a sign and four
    // characters is read as a code only when its check character agrees.
    let (mut signs, mut gaps, mut invisible, mut weak) = (0, 0, 0, spaced);
    let mut keep = after_date;
    while let Some((c, len)) = char_at(text, keep) {
        if is_invisible(c) {
            invisible += 1;
        } else if c.is_whitespace() && gaps < 4 {
            gaps += 1;
        } else if (is_sign(c) || is_slip(c)) && signs < 2 && !c.is_ascii_digit() {
            weak |= signs == 1 || is_slip(c);
            signs += 1;
        } else {
            break;
        }
        keep += len;
    }
    let (number, after_number) = digits_at::<3>(text, keep)?;
    let mut check_at = past_invisible(text, after_number);
    if let Some((c, len)) = char_at(text, check_at)
        && c.is_whitespace()
        && c != '\n'
        && c != '\r'
    {
        check_at = past_invisible(text, check_at + len);
        weak = true;
    }
    let check_char = text.get(check_at..)?.chars().next()?;
    let check = folded(check_char)?;
    let end = check_at + check_char.len_utf8();
    let agrees = || {
        let nine: u32 = date
            .iter()
            .chain(&number)
            .fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
        CHECK_CHARS
            .get((nine % 31) as usize)
            .is_some_and(|c| *c == check)
    };
    if weak && !agrees() {
        return None;
    }
    if signs + gaps + invisible == 0 {
        // Written without a separator (`131052308T`): a code when its check
        // character is a letter that agrees and no digit runs on before it.
        // A ten-digit number stays a number: date-based record numbers
        // (`0103240001`) cannot be told from a code without its sign.
        if check.is_ascii_digit() || digit_before(text, start) || !agrees() {
            return None;
        }
        return Some((start, keep, end));
    }
    if check.is_ascii_digit() {
        // A digit last: spare a number running on (a band `100000-500000`)
        // unless the check character agrees with the rest.
        if (digit_before(text, start) || digit_after(text, end)) && !agrees() {
            return None;
        }
    }
    Some((start, keep, end))
}

/// The character an escape at the start of `s` stands for, and the escape's
/// length in bytes: `\u{HEX}` (Rust `Debug`), `\uHHHH` (JSON, Java,
/// Python), `\xHH` (Python `repr`), `&#DDD;`, `&#xHH;`, the named HTML
/// entities of spaces and dashes, and the percent-encoding of a URL (`%2D`,
/// `%E2%80%93`: a link in a report). Only what a separator can be is asked for.
fn escaped(s: &str) -> Option<(char, usize)> {
    if let Some(r) = s.strip_prefix('%') {
        return percent_encoded(r);
    }
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

/// The character whose UTF-8 bytes are percent-encoded at the start of `r`
/// (after its first `%`), and the length of the whole escape: `2D` is `-`,
/// `E2%80%93` an en dash (RFC 3986 §2.1; a character of several bytes is
/// its bytes each encoded).
fn percent_encoded(r: &str) -> Option<(char, usize)> {
    let byte = |at: usize| {
        r.get(at..at.checked_add(2)?)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u8::from_str_radix(h, 16).ok())
    };
    let first = byte(0)?;
    let len = match first {
        0x00..=0x7F => 1,
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = [first, 0, 0, 0];
    for (k, slot) in bytes.iter_mut().enumerate().take(len).skip(1) {
        // Each further byte is `%HH` again: at 2, 5, 8 of `r`.
        let at = k.checked_mul(3)?;
        if r.get(at.checked_sub(1)?..at)? != "%" {
            return None;
        }
        *slot = byte(at)?;
    }
    let c = std::str::from_utf8(bytes.get(..len)?)
        .ok()?
        .chars()
        .next()?;
    Some((c, len.checked_mul(3)?))
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every digit of the table reads as its value, the characters around
    /// each run as no digit, and the table is in order (it is searched by
    /// halves); every such digit is numeric to Rust's newer Unicode too, and
    /// its lead byte is at least [`LOWEST_DIGIT_LEAD`].
    #[test]
    fn every_other_digit_reads_as_its_value() {
        assert!(DIGIT_ZEROS.windows(2).all(|w| w[0] + 10 <= w[1]));
        for zero in DIGIT_ZEROS {
            for k in 0..10u8 {
                let c = char::from_u32(zero + u32::from(k)).unwrap();
                assert_eq!(folded(c), Some(b'0' + k), "{c:?}");
                assert!(c.is_numeric(), "{c:?}");
                let mut buf = [0u8; 4];
                assert!(
                    may_start_digit(c.encode_utf8(&mut buf).as_bytes()[0]),
                    "{c:?}"
                );
            }
            for outside in [zero - 1, zero + 10] {
                let c = char::from_u32(outside).unwrap();
                if !DIGIT_ZEROS.iter().any(|&z| (z..z + 10).contains(&outside)) {
                    assert_eq!(decimal_digit(c), None, "{c:?}");
                }
            }
        }
        assert_eq!(decimal_digit('ä'), None);
        assert_eq!(
            decimal_digit('\u{2460}'),
            None,
            "a circled one is no decimal digit"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The count before the search changes no answer: texts of digits
        /// (ASCII and full width), every kind of separator and its escapes,
        /// invisible characters and letters find the same run with it as
        /// without it.
        #[test]
        fn the_digit_count_changes_no_answer(
            parts in proptest::collection::vec(prop_oneof![
                "[0-9]{1,7}",
                "[０-９]{1,4}",
                "[٠-٩०-९𝟎-𝟗]{1,4}",
                Just("01.01.90".to_string()), Just("31 12 99".to_string()),
                prop_oneof![
                    Just("-"), Just("\u{2013}"), Just(" "), Just("\u{a0}"), Just("\\u{2013}"),
                    Just("&nbsp;"), Just("\\xa0"), Just("\u{200b}"), Just("\u{ad}"), Just("－"),
                    Just("A"), Just("+"), Just("Y"), Just("ｙ"),
                ].prop_map(String::from),
                "[A-Ya-yＡ-Ｙ]{1,2}",
                any::<char>().prop_map(String::from),
            ], 0..10),
        ) {
            let text: String = parts.concat();
            prop_assert_eq!(first_code_shaped(&text), next_code_shaped(&text, 0), "{:?}", text);
        }
    }
}
