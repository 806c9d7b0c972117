//! The Finnish personal identity code — *henkilötunnus* (hetu).
//!
//! Personal data by construction: the code never appears in `Debug`, `Display`,
//! errors or serde output. `Display` and `Debug` show it masked (`131052-****`);
//! the full code is reached only through [`PersonalIdentityCode::expose`], and
//! there is no `Serialize` impl — a caller who must store the code writes it
//! explicitly with [`serialize_exposed`].

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serializer};

/// Why a text is not a valid personal identity code. Messages say what is wrong
/// and never contain the code or any part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HetuError {
    /// Not 11 characters after trimming.
    #[error("a personal identity code has 11 characters (DDMMYYCNNNQ)")]
    Length,
    /// The first six characters are not a date that exists.
    #[error("the date part of the personal identity code is not a valid date")]
    Date,
    /// The seventh character is not a century sign (+ - Y X W V U A B C D E F).
    #[error(
        "the century sign of the personal identity code is not one of + - Y X W V U A B C D E F"
    )]
    CenturySign,
    /// The individual number is not three digits in 002–999.
    #[error("the individual number of the personal identity code is not in 002–999")]
    IndividualNumber,
    /// A temporary code (individual number 900–999) where only permanent ones are accepted.
    #[error(
        "the personal identity code is a temporary one (individual number 900–999), not accepted here"
    )]
    Temporary,
    /// The check character does not match.
    #[error("the check character of the personal identity code does not match")]
    CheckCharacter,
}

error_codes! {
    HetuError {
        HetuError::Length => "hetu.length": "Not 11 characters after trimming.",
        HetuError::Date => "hetu.date": "The first six characters are not a date that exists.",
        HetuError::CenturySign => "hetu.century_sign": "The seventh character is not a century sign (+ - Y X W V U A B C D E F).",
        HetuError::IndividualNumber => "hetu.individual_number": "The individual number is not three digits in 002–999.",
        HetuError::Temporary => "hetu.temporary": "A temporary code (individual number 900–999) where only permanent ones are accepted.",
        HetuError::CheckCharacter => "hetu.check_character": "The check character does not match.",
    }
}

/// The sex recorded in the population register when the number was issued
/// (odd individual number: male; even: female — DVV, RULES.md §5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegisterSex {
    /// Odd individual number.
    Male,
    /// Even individual number.
    Female,
}

/// The check characters for remainders 0–30 (G, I, O, Q, Z are never used).
pub const CHECK_CHARS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// A Finnish personal identity code — *henkilötunnus*: `DDMMYY` + century sign +
/// individual number + check character (RULES.md §5.1, DVV).
///
/// - Century signs: `+` 1800s; `-` and, from 1.1.2023, `Y X W V U` 1900s; `A` and
///   `B C D E F` 2000s. The sign is part of the identity: two codes differing only
///   in it are different people.
/// - Individual numbers 002–899 are permanent; 900–999 are temporary codes (not in
///   the population register), accepted only by
///   [`parse_allowing_temporary`](PersonalIdentityCode::parse_allowing_temporary).
/// - Input is trimmed and upper-cased before checking (people type codes on phones);
///   the stored form is canonical. See `docs/adr/0006-personal-identity-code.md`.
///
/// ```
/// use hanke_base::PersonalIdentityCode;
/// let code: PersonalIdentityCode = "131052-308T".parse()?;
/// assert_eq!(code.to_string(), "131052-****");
/// assert_eq!(format!("{code:?}"), "PersonalIdentityCode(131052-****)");
/// assert_eq!(code.birth_date().to_string(), "1952-10-13");
/// assert!("010190Y999W".parse::<PersonalIdentityCode>().is_err()); // temporary
/// assert!(PersonalIdentityCode::parse_allowing_temporary("010190Y999W").is_ok());
/// # Ok::<(), hanke_base::ids::HetuError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonalIdentityCode {
    /// The canonical 11 ASCII characters.
    code: [u8; 11],
    birth_date: NaiveDate,
}

impl PersonalIdentityCode {
    /// Parses a code, accepting temporary individual numbers 900–999 as well.
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "fixed-length input whose digits are checked: values below 10^6"
    )]
    pub fn parse_allowing_temporary(input: &str) -> Result<PersonalIdentityCode, HetuError> {
        let trimmed = input.trim();
        if trimmed.len() != 11 || !trimmed.is_ascii() {
            return Err(HetuError::Length);
        }
        let mut code = [0u8; 11];
        for (slot, b) in code.iter_mut().zip(trimmed.bytes()) {
            *slot = b.to_ascii_uppercase();
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = code.get(range)?;
            part.iter().all(u8::is_ascii_digit).then(|| {
                part.iter()
                    .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
            })
        };
        let century = match code.get(6) {
            Some(b'+') => 1800,
            Some(b'-' | b'Y' | b'X' | b'W' | b'V' | b'U') => 1900,
            Some(b'A' | b'B' | b'C' | b'D' | b'E' | b'F') => 2000,
            _ => return Err(HetuError::CenturySign),
        };
        let (Some(day), Some(month), Some(yy)) = (digits(0..2), digits(2..4), digits(4..6)) else {
            return Err(HetuError::Date);
        };
        let year = century + i32::try_from(yy).map_err(|_| HetuError::Date)?;
        let birth_date = NaiveDate::from_ymd_opt(year, month, day).ok_or(HetuError::Date)?;
        let individual = digits(7..10).ok_or(HetuError::IndividualNumber)?;
        if individual < 2 {
            return Err(HetuError::IndividualNumber);
        }
        let nine = digits(0..6)
            .zip(Some(individual))
            .map(|(d, n)| d * 1000 + n)
            .ok_or(HetuError::Date)?;
        let expected = CHECK_CHARS.get((nine % 31) as usize).copied();
        if code.get(10).copied() != expected {
            return Err(HetuError::CheckCharacter);
        }
        Ok(PersonalIdentityCode { code, birth_date })
    }

    /// A code with a temporary individual number (900–999) for a birth date, as
    /// synthetic and test data use: such a code cannot belong to a person in the
    /// population register. The century sign is `+`, `-` or `A`. `None` outside
    /// 900–999 or for years outside 1800–2099.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hanke_base::PersonalIdentityCode;
    /// let c = PersonalIdentityCode::temporary(NaiveDate::from_ymd_opt(1990, 1, 1).unwrap(), 900).unwrap();
    /// assert!(c.is_temporary());
    /// assert_eq!(c.masked(), "010190-****");
    /// assert!(PersonalIdentityCode::temporary(NaiveDate::from_ymd_opt(1990, 1, 1).unwrap(), 899).is_none());
    /// ```
    pub fn temporary(birth_date: NaiveDate, individual: u16) -> Option<PersonalIdentityCode> {
        use chrono::Datelike;
        if !(900..=999).contains(&individual) {
            return None;
        }
        let sign = match birth_date.year() {
            1800..=1899 => '+',
            1900..=1999 => '-',
            2000..=2099 => 'A',
            _ => return None,
        };
        let yy = birth_date.year() % 100;
        let date = format!("{:02}{:02}{:02}", birth_date.day(), birth_date.month(), yy);
        let nine: u32 = format!("{date}{individual:03}").parse().ok()?;
        let check = char::from(*CHECK_CHARS.get((nine % 31) as usize)?);
        PersonalIdentityCode::parse_allowing_temporary(&format!(
            "{date}{sign}{individual:03}{check}"
        ))
        .ok()
    }

    /// The date of birth the code carries.
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    #[allow(
        clippy::arithmetic_side_effects,
        reason = "three checked digits: below 1 000"
    )]
    fn individual_number(&self) -> u32 {
        self.code
            .get(7..10)
            .map(|p| {
                p.iter()
                    .fold(0u32, |acc, d| acc * 10 + u32::from(d.wrapping_sub(b'0')))
            })
            .unwrap_or(0)
    }

    /// Whether the code is a temporary one (individual number 900–999).
    pub fn is_temporary(&self) -> bool {
        self.individual_number() >= 900
    }

    /// The sex recorded in the population register when the number was issued.
    pub fn register_sex(&self) -> RegisterSex {
        if self.individual_number() % 2 == 1 {
            RegisterSex::Male
        } else {
            RegisterSex::Female
        }
    }

    /// The full code. Call only where the code itself must be used (pseudonymising,
    /// a register query); never log or display the result.
    pub fn expose(&self) -> &str {
        std::str::from_utf8(&self.code).unwrap_or("")
    }

    /// The masked form shown everywhere else: date and century sign, then `****`.
    pub fn masked(&self) -> String {
        let head = self
            .code
            .get(..7)
            .and_then(|h| std::str::from_utf8(h).ok())
            .unwrap_or("");
        format!("{head}****")
    }
}

impl FromStr for PersonalIdentityCode {
    type Err = HetuError;

    /// Strict: temporary individual numbers are rejected (`hetu.temporary`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let code = PersonalIdentityCode::parse_allowing_temporary(s)?;
        if code.is_temporary() {
            return Err(HetuError::Temporary);
        }
        Ok(code)
    }
}

impl fmt::Display for PersonalIdentityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl fmt::Debug for PersonalIdentityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PersonalIdentityCode({})", self.masked())
    }
}

impl<'de> Deserialize<'de> for PersonalIdentityCode {
    /// Reads a code strictly (temporary codes rejected). The error never holds the code.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

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
            let agrees = super::hetu::CHECK_CHARS
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

/// Writes the full code, for a caller who must store it and says so explicitly:
/// `#[serde(serialize_with = "hanke_base::ids::serialize_exposed")]`.
pub fn serialize_exposed<S: Serializer>(
    code: &PersonalIdentityCode,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(code.expose())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a valid code from its parts, for tests.
    fn make(date: &str, sign: char, n: u32) -> String {
        let nine: u32 = format!("{date}{n:03}").parse().unwrap();
        let check = CHECK_CHARS[(nine % 31) as usize] as char;
        format!("{date}{sign}{n:03}{check}")
    }

    #[test]
    fn the_dvv_example_and_the_telp_illustration() {
        let c: PersonalIdentityCode = "131052-308T".parse().unwrap();
        assert_eq!(c.register_sex(), RegisterSex::Female);
        assert_eq!(c.expose(), "131052-308T");
        // telp.fi's 010190Y999K fails the checksum; W is right (RULES.md §5.1).
        assert_eq!(
            PersonalIdentityCode::parse_allowing_temporary("010190Y999K").unwrap_err(),
            HetuError::CheckCharacter
        );
        let w = PersonalIdentityCode::parse_allowing_temporary("010190Y999W").unwrap();
        assert!(w.is_temporary());
        assert_eq!(w.birth_date().to_string(), "1990-01-01");
    }

    #[test]
    fn every_century_sign() {
        for (sign, year) in [
            ('+', 1890),
            ('-', 1990),
            ('Y', 1990),
            ('X', 1990),
            ('W', 1990),
            ('V', 1990),
            ('U', 1990),
            ('A', 2090),
            ('B', 2090),
            ('C', 2090),
            ('D', 2090),
            ('E', 2090),
            ('F', 2090),
        ] {
            let s = make("010190", sign, 902);
            let c = PersonalIdentityCode::parse_allowing_temporary(&s).unwrap();
            assert_eq!(
                c.birth_date().to_string(),
                format!("{year}-01-01"),
                "{sign}"
            );
        }
        assert_eq!(
            PersonalIdentityCode::parse_allowing_temporary(&make("010190", 'G', 902)).unwrap_err(),
            HetuError::CenturySign
        );
        // The sign distinguishes people: same date and number, different codes.
        let a = PersonalIdentityCode::parse_allowing_temporary(&make("010100", 'A', 950)).unwrap();
        let b = PersonalIdentityCode::parse_allowing_temporary(&make("010100", 'B', 950)).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let e = |s: &str| {
            PersonalIdentityCode::parse_allowing_temporary(s)
                .unwrap_err()
                .code()
        };
        assert_eq!(e("131052-308"), "hetu.length");
        assert_eq!(e("311152-308T"), "hetu.date");
        assert_eq!(e("290223A9"), "hetu.length");
        assert_eq!(
            e(&make("290223", 'A', 950)), // 29.2.2023 does not exist
            "hetu.date"
        ); // 2023 is not a leap year
        let leap =
            PersonalIdentityCode::parse_allowing_temporary(&make("290224", 'A', 950)).unwrap();
        assert_eq!(leap.birth_date().to_string(), "2024-02-29");
        assert_eq!(e("131052-001T"), "hetu.individual_number");
        assert_eq!(e("131052-3O8T"), "hetu.individual_number");
        assert_eq!(e("131052-308U"), "hetu.check_character");
        assert_eq!(
            "010190Y999W"
                .parse::<PersonalIdentityCode>()
                .unwrap_err()
                .code(),
            "hetu.temporary"
        );
    }

    #[test]
    fn lower_case_and_white_space_are_normalised() {
        let c = PersonalIdentityCode::parse_allowing_temporary(&format!(
            " {} ",
            make("010105", 'b', 903).to_lowercase()
        ))
        .unwrap();
        assert_eq!(c.expose(), make("010105", 'B', 903));
    }

    #[test]
    fn the_code_never_leaks() {
        let s = make("150390", '-', 914);
        let c = PersonalIdentityCode::parse_allowing_temporary(&s).unwrap();
        let individual_and_check = &s[7..];
        for shown in [c.to_string(), format!("{c:?}"), format!("{:?}", Some(&c))] {
            assert!(!shown.contains(individual_and_check), "{shown}");
        }
        // Errors of a near-miss never echo it.
        let bad = format!("{}X", &s[..10]);
        let err = PersonalIdentityCode::parse_allowing_temporary(&bad).unwrap_err();
        assert!(!err.to_string().contains(&bad[..6]), "{err}");
        assert!(!format!("{err:?}").contains(&bad[..6]));
        let json_err =
            serde_json::from_str::<PersonalIdentityCode>(&format!("\"{bad}\"")).unwrap_err();
        assert!(!json_err.to_string().contains(&bad[..6]), "{json_err}");
        // Only the explicit helper writes the code.
        let mut out = Vec::new();
        serialize_exposed(&c, &mut serde_json::Serializer::new(&mut out)).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), format!("\"{s}\""));
    }
}
