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
        "the century sign of the personal identity code is not one of + - Y X W V U A B C D E F (the hyphen-minus, not a dash or a minus sign)"
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

pub use crate::mask::CHECK_CHARS;

/// The thirteen century signs and the century each stands for, in the
/// order [`PersonalIdentityCode::key`] numbers them (DVV, *henkilötunnuksen
/// vuosisadan välimerkki*, from 1 January 2023: `+` for the 1800s, `-` and
/// `Y X W V U` for the 1900s, `A B C D E F` for the 2000s). The one list the
/// parser accepts and the key numbers: a sign the parser took that the key
/// did not number would give two codes one key.
const CENTURY_SIGNS: [(u8, i32); 13] = [
    (b'+', 1800),
    (b'-', 1900),
    (b'Y', 1900),
    (b'X', 1900),
    (b'W', 1900),
    (b'V', 1900),
    (b'U', 1900),
    (b'A', 2000),
    (b'B', 2000),
    (b'C', 2000),
    (b'D', 2000),
    (b'E', 2000),
    (b'F', 2000),
];

/// Each century sign's place in [`CENTURY_SIGNS`], by its byte (one load
/// where [`PersonalIdentityCode::key`] is made for millions of records).
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation,
    reason = "evaluated at compile time: an index out of range fails the build"
)]
const SIGN_NUMBER: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < CENTURY_SIGNS.len() {
        table[CENTURY_SIGNS[i].0 as usize] = i as u8;
        i += 1;
    }
    table
};

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
        if !trimmed.is_ascii() && trimmed.chars().count() == 11 {
            // Eleven characters, one of them past ASCII: the reason is the
            // part that holds it — most often an en dash or a minus sign a
            // word processor put for the sign (`010190–900P`), which "not 11
            // characters" would misname.
            let at = trimmed.chars().position(|c| !c.is_ascii()).unwrap_or(0);
            return Err(match at {
                0..=5 => HetuError::Date,
                6 => HetuError::CenturySign,
                7..=9 => HetuError::IndividualNumber,
                _ => HetuError::CheckCharacter,
            });
        }
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
        let century = code
            .get(6)
            .and_then(|s| CENTURY_SIGNS.iter().find(|(sign, _)| sign == s))
            .map(|&(_, century)| century)
            .ok_or(HetuError::CenturySign)?;
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

    /// The code as one number below 2<sup>[`KEY_BITS`](Self::KEY_BITS)</sup>,
    /// equal for two codes exactly when the codes are equal — for matching
    /// records in bulk (a sort or hash key of one word, with room beside it
    /// for a record number). It holds the whole code, so it is as personal as
    /// the code: never show or store it.
    ///
    /// The nine digits (`DDMMYY` and the individual number, below 10⁹) times
    /// sixteen, plus the century sign's place among the thirteen signs. The
    /// check character is left out because it follows from the nine digits:
    /// a code is only ever built by [`parse_allowing_temporary`](Self::parse_allowing_temporary),
    /// which refuses one whose check character is not the one the digits give
    /// (`hetu.check_character`), so two codes with the same digits and sign
    /// are the same code.
    ///
    /// ```
    /// use hanke_base::PersonalIdentityCode;
    /// let a = PersonalIdentityCode::parse_allowing_temporary("010190-900P")?;
    /// let b = PersonalIdentityCode::parse_allowing_temporary("010190Y900P")?;
    /// assert_eq!(a.key(), a.clone().key());
    /// assert_ne!(a.key(), b.key()); // another century sign is another code
    /// assert!(a.key() < 1 << PersonalIdentityCode::KEY_BITS);
    /// # Ok::<(), hanke_base::ids::HetuError>(())
    /// ```
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "nine checked digits: below 10^9, times 16 plus a sign below 13 stays below 2^34"
    )]
    pub fn key(&self) -> u64 {
        let digits = self
            .code
            .iter()
            .enumerate()
            .filter(|&(i, _)| i < 6 || (7..10).contains(&i))
            .fold(0u64, |acc, (_, d)| {
                acc * 10 + u64::from(d.wrapping_sub(b'0'))
            });
        let sign = self
            .code
            .get(6)
            .and_then(|&s| SIGN_NUMBER.get(usize::from(s)))
            .copied()
            .unwrap_or(0);
        (digits << 4) | u64::from(sign)
    }

    /// [`key`](Self::key) is below `1 << KEY_BITS`: nine digits (below 10⁹,
    /// under 2³⁰) and four bits of century sign.
    pub const KEY_BITS: u32 = 34;

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

    proptest::proptest! {
        /// `key` is one-to-one on codes and below `2^KEY_BITS`: two codes
        /// share a key exactly when they are the same code, over every
        /// century sign, dates of every month and individual numbers from
        /// 002 to 999 (the duplicate merge groups records by it).
        #[test]
        fn key_is_one_to_one_and_fits(
            a in (1u32..=28, 1u32..=12, 0u32..100, 0usize..13, 2u32..1000),
            other in (1u32..=28, 1u32..=12, 0u32..100, 0usize..13, 2u32..1000),
            keep in 0u8..32,
        ) {
            // `b` is `a` with the parts not kept taken from `other`: most
            // pairs differ in one or two parts only, where a key that lost
            // a part would collide.
            let pick = |bit: u8, x: u32, y: u32| if keep & (1 << bit) != 0 { x } else { y };
            let b = (
                pick(0, a.0, other.0),
                pick(1, a.1, other.1),
                pick(2, a.2, other.2),
                if keep & 8 != 0 { a.3 } else { other.3 },
                pick(4, a.4, other.4),
            );
            let code = |(d, m, y, s, n): (u32, u32, u32, usize, u32)| {
                let sign = char::from(CENTURY_SIGNS[s].0);
                PersonalIdentityCode::parse_allowing_temporary(&make(&format!("{d:02}{m:02}{y:02}"), sign, n)).unwrap()
            };
            let (ca, cb) = (code(a), code(b));
            proptest::prop_assert!(ca.key() < 1 << PersonalIdentityCode::KEY_BITS);
            proptest::prop_assert_eq!(ca.key() == cb.key(), ca == cb);
            proptest::prop_assert_eq!(ca.key() == cb.key(), a == b);
        }
    }

    /// Changing any one digit or the sign of a code (its check character
    /// recomputed) changes its key: no part of the code is left out of it.
    #[test]
    fn every_part_of_the_code_is_in_its_key() {
        let base =
            PersonalIdentityCode::parse_allowing_temporary(&make("150785", '-', 947)).unwrap();
        let mut checked = 0;
        for at in (0..6).chain(7..10) {
            for digit in b'0'..=b'9' {
                let mut nine: Vec<u8> = base.expose().bytes().collect();
                if nine[at] == digit {
                    continue;
                }
                nine[at] = digit;
                let date = std::str::from_utf8(&nine[..6]).unwrap();
                let n: u32 = std::str::from_utf8(&nine[7..10]).unwrap().parse().unwrap();
                let Ok(other) = PersonalIdentityCode::parse_allowing_temporary(&make(date, '-', n))
                else {
                    continue; // not a date, or individual number below 002
                };
                assert_ne!(other.key(), base.key(), "{at} {}", char::from(digit));
                checked += 1;
            }
        }
        assert!(checked > 40, "{checked}");
    }

    #[test]
    fn every_century_sign_has_its_own_key() {
        let keys: std::collections::HashSet<u64> = CENTURY_SIGNS
            .iter()
            .map(|&(s, _)| {
                PersonalIdentityCode::parse_allowing_temporary(&make("010190", char::from(s), 902))
                    .unwrap()
                    .key()
            })
            .collect();
        assert_eq!(keys.len(), 13);
        let largest =
            PersonalIdentityCode::parse_allowing_temporary(&make("311299", 'F', 999)).unwrap();
        assert!(largest.key() < 1 << PersonalIdentityCode::KEY_BITS);
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

    /// Eleven characters with one past ASCII are refused for the part that
    /// holds it, not for their length: an en dash or a minus sign for the
    /// sign, a full-width or Arabic-Indic digit in the date.
    #[test]
    fn a_character_past_ascii_is_refused_where_it_stands() {
        let code = make("010190", '-', 900);
        let at = |i: usize, c: char| {
            let mut chars: Vec<char> = code.chars().collect();
            chars[i] = c;
            PersonalIdentityCode::parse_allowing_temporary(&chars.into_iter().collect::<String>())
                .unwrap_err()
        };
        assert_eq!(at(6, '\u{2013}'), HetuError::CenturySign);
        assert_eq!(at(6, '\u{2212}'), HetuError::CenturySign);
        assert_eq!(at(0, '\u{ff10}'), HetuError::Date);
        assert_eq!(at(5, '\u{660}'), HetuError::Date);
        assert_eq!(at(8, '\u{669}'), HetuError::IndividualNumber);
        assert_eq!(at(10, '\u{ff30}'), HetuError::CheckCharacter);
        assert_eq!(
            PersonalIdentityCode::parse_allowing_temporary("010190\u{2013}900PX").unwrap_err(),
            HetuError::Length
        );
        assert!(HetuError::CenturySign.to_string().contains("not a dash"));
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
