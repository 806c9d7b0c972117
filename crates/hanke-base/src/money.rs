//! Money and exact rates: `Money` (raha, euro cents), `Rate` (osuus, prosentti)
//! and `MoneyRange` (budjettiväli).
//!
//! # Rounding rule
//!
//! hanke rounds in exactly one way, wherever a result has to be brought to a
//! coarser unit: **half away from zero** ("kaupallinen pyöristys"). A money amount
//! times a rate is rounded to the cent; a rate shown as a percentage is rounded to
//! the requested number of decimals. Nothing else is ever rounded: parsing a
//! money amount with more than two decimals is an error, not a rounding. See
//! `docs/adr/0002-money-and-rounding.md`.
//!
//! ```
//! use hanke_base::{Money, Rate};
//!
//! let total: Money = "913 048 €".parse()?;
//! let eu: Money = "684 554".parse()?;
//! let share = Rate::ratio(eu, total)?;
//! assert_eq!(share.to_percent_string(2), "74,97 %");
//! assert_eq!(total.to_string(), "913 048,00 €");
//! # Ok::<(), hanke_base::MoneyError>(())
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a money amount, a rate or a budget band could not be parsed or computed.
///
/// Each variant has a stable [`code`](MoneyError::code).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The text was empty (after trimming white space and a currency sign).
    #[error("empty amount")]
    Empty,
    /// The text held a character that has no place in an amount.
    #[error("unexpected character {found:?} in amount {input:?}")]
    InvalidCharacter {
        /// The character that was not expected.
        found: char,
        /// The text that was parsed.
        input: crate::Echo,
    },
    /// Digits were grouped with spaces, but not in groups of three.
    #[error("thousands groups must have three digits in {input:?}")]
    BadGrouping {
        /// The text that was parsed.
        input: crate::Echo,
    },
    /// More than two decimals: hanke never rounds a parsed amount silently.
    #[error(
        "amount {input:?} has more than two decimals (thousands are grouped with spaces, not dots)"
    )]
    SubCent {
        /// The text that was parsed.
        input: crate::Echo,
    },
    /// The amount or a result of arithmetic does not fit in 64-bit cents.
    #[error("amount out of range")]
    Overflow,
    /// A ratio or rate was asked of a zero whole.
    #[error("division by a zero amount")]
    DivisionByZero,
    /// A rate with a negative value or a zero denominator.
    #[error("invalid rate {input:?}")]
    InvalidRate {
        /// The text or fraction that was given.
        input: crate::Echo,
    },
    /// An amount that must not be negative was.
    #[error("amount {input} must not be negative")]
    Negative {
        /// The amount given.
        input: crate::Echo,
    },
    /// A budget band whose lower bound is above its upper bound, or that is not a band.
    #[error("invalid budget band {input:?}")]
    InvalidBand {
        /// The text that was parsed.
        input: crate::Echo,
    },
    /// Decimals asked of a percentage that hanke does not write: fewer than 0
    /// or more than [`Rate::MAX_PERCENT_DECIMALS`].
    #[error("{asked} decimals asked; a percentage is written with 0 to {max}")]
    Decimals {
        /// The decimals asked for.
        asked: i64,
        /// The most hanke writes.
        max: u32,
    },
}

error_codes! {
    /// ```
    /// let err = "1.505".parse::<hanke_base::Money>().unwrap_err();
    /// assert_eq!(err.code(), "money.sub_cent");
    /// ```
    MoneyError {
        MoneyError::Empty => "money.empty": "The text was empty (after trimming white space and a currency sign).",
        MoneyError::InvalidCharacter { .. } => "money.invalid_character": "The text held a character that has no place in an amount.",
        MoneyError::BadGrouping { .. } => "money.bad_grouping": "Digits were grouped with spaces, but not in groups of three.",
        MoneyError::SubCent { .. } => "money.sub_cent": "More than two decimals: hanke never rounds a parsed amount silently.",
        MoneyError::Overflow => "money.overflow": "The amount or a result of arithmetic does not fit in 64-bit cents.",
        MoneyError::DivisionByZero => "money.division_by_zero": "A ratio or rate was asked of a zero whole.",
        MoneyError::InvalidRate { .. } => "money.invalid_rate": "A rate with a negative value or a zero denominator.",
        MoneyError::InvalidBand { .. } => "money.invalid_band": "A budget band whose lower bound is above its upper bound, or that is not a band.",
        MoneyError::Negative { .. } => "money.negative": "An amount that must not be negative was.",
        MoneyError::Decimals { .. } => "money.decimals": "Decimals asked of a percentage that hanke does not write: fewer than 0 or more than 30.",
    }
}

/// An exact amount of euros — *rahamäärä*, in whole cents.
///
/// Arithmetic is checked: an overflow is a [`MoneyError::Overflow`], never a
/// wrap or a panic. `Display` prints the Finnish form (`12 167 957,00 €`, spaces
/// between thousands), which `FromStr` reads back; [`Money::to_plain_string`]
/// prints `12167957.00`.
///
/// `FromStr` accepts the forms real documents use: `101 500`,
/// `12 167 957 euroa`, `89 660,50 €`, `69433.66`, `100,-`, with ordinary,
/// no-break (U+00A0), narrow no-break (U+202F), figure (U+2007) or thin
/// (U+2009) spaces between thousands, and `-` or `−` for a negative amount.
///
/// ```
/// use hanke_base::Money;
/// let m: Money = "89 660,50 €".parse()?;
/// assert_eq!(m.cents(), 8_966_050);
/// assert_eq!(m.to_plain_string(), "89660.50");
/// assert_eq!("12\u{a0}167\u{a0}957 euroa".parse::<Money>()?.to_string(), "12 167 957,00 €");
/// # Ok::<(), hanke_base::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(i64);

impl Money {
    /// Zero euros.
    pub const ZERO: Money = Money(0);

    /// An amount from a number of cents.
    ///
    /// ```
    /// assert_eq!(hanke_base::Money::from_cents(150).to_plain_string(), "1.50");
    /// ```
    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    /// An amount from whole euros; fails only if it does not fit.
    ///
    /// ```
    /// assert_eq!(hanke_base::Money::from_euros(101_500)?.cents(), 10_150_000);
    /// # Ok::<(), hanke_base::MoneyError>(())
    /// ```
    pub fn from_euros(euros: i64) -> Result<Money, MoneyError> {
        euros
            .checked_mul(100)
            .map(Money)
            .ok_or(MoneyError::Overflow)
    }

    /// The amount in cents.
    pub const fn cents(self) -> i64 {
        self.0
    }

    /// Whether the amount is below zero.
    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Whether the amount is exactly zero.
    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// `self + other`, or an overflow error.
    ///
    /// ```
    /// use hanke_base::Money;
    /// assert!(Money::from_cents(i64::MAX).checked_add(Money::from_cents(1)).is_err());
    /// ```
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.0
            .checked_add(other.0)
            .map(Money)
            .ok_or(MoneyError::Overflow)
    }

    /// `self - other`, or an overflow error.
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.0
            .checked_sub(other.0)
            .map(Money)
            .ok_or(MoneyError::Overflow)
    }

    /// `self × n` for a whole number `n`, or an overflow error.
    pub fn checked_mul_int(self, n: i64) -> Result<Money, MoneyError> {
        self.0.checked_mul(n).map(Money).ok_or(MoneyError::Overflow)
    }

    /// The sum of amounts, or an overflow error.
    ///
    /// ```
    /// use hanke_base::Money;
    /// let parts = [Money::from_cents(1), Money::from_cents(2)];
    /// assert_eq!(Money::sum(parts)?, Money::from_cents(3));
    /// # Ok::<(), hanke_base::MoneyError>(())
    /// ```
    pub fn sum<I: IntoIterator<Item = Money>>(items: I) -> Result<Money, MoneyError> {
        items
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }

    /// `self × rate`, rounded to the cent half away from zero (the crate's one
    /// rounding rule).
    ///
    /// ```
    /// use hanke_base::{Money, Rate};
    /// let staff: Money = "120 000".parse()?;
    /// assert_eq!(staff.apply_rate(Rate::percent(40))?.to_string(), "48 000,00 €");
    /// // 0.05 € × 50 % = 0.025 € → 0.03 €
    /// assert_eq!(Money::from_cents(5).apply_rate(Rate::percent(50))?.cents(), 3);
    /// # Ok::<(), hanke_base::MoneyError>(())
    /// ```
    pub fn apply_rate(self, rate: Rate) -> Result<Money, MoneyError> {
        let product = i128::from(self.0)
            .checked_mul(i128::from(rate.num))
            .ok_or(MoneyError::Overflow)?;
        let rounded = div_round_half_away(product, i128::from(rate.den));
        i64::try_from(rounded)
            .map(Money)
            .map_err(|_| MoneyError::Overflow)
    }

    /// The plain machine form: `-1234.50`, two decimals, no grouping.
    pub fn to_plain_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// The Finnish form without the euro sign and, for whole euros, without
    /// decimals when `whole_without_decimals` is set: `100 000` rather than
    /// `100 000,00`.
    ///
    /// ```
    /// let m = hanke_base::Money::from_euros(100_000)?;
    /// assert_eq!(m.format_fi(true), "100 000");
    /// assert_eq!(m.format_fi(false), "100 000,00");
    /// # Ok::<(), hanke_base::MoneyError>(())
    /// ```
    pub fn format_fi(self, whole_without_decimals: bool) -> String {
        let abs = self.0.unsigned_abs();
        let euros = group_thousands(abs / 100);
        let sign = if self.0 < 0 { "-" } else { "" };
        if whole_without_decimals && abs % 100 == 0 {
            format!("{sign}{euros}")
        } else {
            format!("{sign}{euros},{:02}", abs % 100)
        }
    }
}

fn group_thousands(mut n: u64) -> String {
    let mut groups = Vec::new();
    loop {
        if n < 1000 {
            groups.push(n.to_string());
            break;
        }
        groups.push(format!("{:03}", n % 1000));
        n /= 1000;
    }
    groups.reverse();
    groups.join(" ")
}

/// Integer division of `n` by a positive `d`, rounded half away from zero.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "d > 0; n is a product of i64 values, so q ± 1 stays in i128"
)]
fn div_round_half_away(n: i128, d: i128) -> i128 {
    let q = n / d;
    let r = n % d;
    // |r| * 2 >= d means the fractional part is at least one half.
    if r.unsigned_abs().saturating_mul(2) >= d.unsigned_abs() {
        if n < 0 { q - 1 } else { q + 1 }
    } else {
        q
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} €", self.format_fi(false))
    }
}

const GROUP_SPACES: [char; 5] = [' ', '\u{a0}', '\u{202f}', '\u{2007}', '\u{2009}'];

/// Strip a currency marker from either end: `€`, `e`, `eur`, `euro`, `euroa`.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "the suffix is at the end of `s`: no longer than it"
)]
fn strip_currency(s: &str) -> &str {
    let s = s.trim();
    let lower = s.to_lowercase();
    // Longest first, so that "euroa" is not cut to "euro" + "a".
    for suffix in ["euroa", "euro", "eur", "€", "e"] {
        if lower.ends_with(suffix) && lower.len() == s.len() {
            let cut = s.len() - suffix.len();
            if let Some(rest) = s.get(..cut) {
                // A lone "e" only counts after a digit or a space ("100 e", "100e").
                if suffix == "e"
                    && !rest
                        .chars()
                        .last()
                        .is_some_and(|c| c.is_ascii_digit() || GROUP_SPACES.contains(&c))
                {
                    continue;
                }
                return rest.trim_end_matches(&GROUP_SPACES[..]).trim();
            }
        }
    }
    for prefix in ["€", "EUR"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return rest.trim();
        }
    }
    s
}

#[allow(
    clippy::arithmetic_side_effects,
    reason = "checked ASCII digits; `cents` is non-negative and built with checked operations, so its negation fits"
)]
fn parse_money(input: &str) -> Result<Money, MoneyError> {
    let s = strip_currency(input);
    if s.is_empty() {
        return Err(MoneyError::Empty);
    }
    let bad_char = |found| MoneyError::InvalidCharacter {
        found,
        input: crate::Echo::new(input),
    };
    // One sign at most: "--5" is a typing slip, not minus five (nor plus).
    let (sign, s) = match s.chars().next() {
        Some(c @ ('-' | '−' | '+')) => {
            (Some(c), s.get(c.len_utf8()..).unwrap_or("").trim_start())
        }
        _ => (None, s),
    };
    let negative = sign.is_some_and(|c| c != '+');
    // "100,-" is the Finnish way of writing whole euros — of a whole amount
    // only: "100,50,-" is not 100,50.
    let s = match s.strip_suffix(",-") {
        Some(whole) if whole.contains([',', '.']) => return Err(bad_char(',')),
        Some(whole) => whole,
        None => s,
    };
    let (int_part, frac_part) = match s.find([',', '.']) {
        Some(pos) => (s.get(..pos).unwrap_or(""), s.get(pos + 1..)),
        None => (s, None),
    };
    // Integer part: digits, optionally grouped by single spaces in threes.
    let groups: Vec<&str> = int_part.split(&GROUP_SPACES[..]).collect();
    if groups.iter().all(|g| g.is_empty()) {
        // A sign or decimals without euros (",50", "-") is not an empty text.
        return Err(match s.chars().next().or(sign) {
            Some(c) => bad_char(c),
            None => MoneyError::Empty,
        });
    }
    // The magnitude is gathered in i128 and signed before it is narrowed, so
    // that the smallest amount (`i64::MIN` cents, whose magnitude is not an
    // i64) reads back like every other.
    let mut cents: i128 = 0;
    for (i, group) in groups.iter().enumerate() {
        if let Some(c) = group.chars().find(|c| !c.is_ascii_digit()) {
            return Err(bad_char(c));
        }
        let grouped = groups.len() > 1;
        let ok_len = if i == 0 {
            !group.is_empty() && (!grouped || group.len() <= 3)
        } else {
            group.len() == 3
        };
        if !ok_len {
            return Err(MoneyError::BadGrouping {
                input: crate::Echo::new(input),
            });
        }
        for d in group.bytes() {
            cents = cents
                .checked_mul(10)
                .and_then(|c| c.checked_add(i128::from(d - b'0')))
                .filter(|c| *c <= MAX_MAGNITUDE)
                .ok_or(MoneyError::Overflow)?;
        }
    }
    cents = cents.checked_mul(100).ok_or(MoneyError::Overflow)?;
    if let Some(frac) = frac_part {
        if let Some(c) = frac.chars().find(|c| !c.is_ascii_digit()) {
            return Err(bad_char(c));
        }
        let frac_cents = match frac.len() {
            0 => return Err(bad_char(s.chars().last().unwrap_or(','))),
            1 => i128::from(frac.as_bytes().first().copied().unwrap_or(b'0') - b'0') * 10,
            2 => frac.parse::<i128>().map_err(|_| bad_char(','))?,
            _ => {
                return Err(MoneyError::SubCent {
                    input: crate::Echo::new(input),
                });
            }
        };
        cents = cents.checked_add(frac_cents).ok_or(MoneyError::Overflow)?;
    }
    i64::try_from(if negative { -cents } else { cents })
        .map(Money)
        .map_err(|_| MoneyError::Overflow)
}

/// The largest magnitude of cents worth reading on: `|i64::MIN|`, so that the
/// i128 accumulator can never overflow however many digits follow.
const MAX_MAGNITUDE: i128 = 1 << 63;

impl FromStr for Money {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_money(s)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_plain_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// An exact non-negative rate or share — *osuus* / *prosentti* — kept as a reduced
/// fraction, so that 74.97 % of a budget is computed from the exact 684 554 / 913 048
/// and never from a float.
///
/// `FromStr` reads percentages (`40 %`, `17,5 %`, `74.97%`) and fractions
/// (`684554/913048`); `Display` shows the percentage rounded to two decimals
/// (`74,97 %`). Rates compare exactly.
///
/// ```
/// use hanke_base::Rate;
/// let r: Rate = "17,5 %".parse()?;
/// assert_eq!(r, Rate::new(7, 40)?);
/// assert_eq!(r.to_string(), "17,50 %");
/// assert!(Rate::percent(40) > r);
/// # Ok::<(), hanke_base::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rate {
    num: i64,
    den: i64,
}

#[allow(clippy::arithmetic_side_effects, reason = "b ≠ 0 in the loop")]
fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

impl Rate {
    /// Zero.
    pub const ZERO: Rate = Rate { num: 0, den: 1 };
    /// One: 100 %.
    pub const ONE: Rate = Rate { num: 1, den: 1 };

    /// `num / den`, reduced. Fails for a zero denominator or a negative rate,
    /// and with [`MoneyError::Overflow`] for the one fraction whose reduced form
    /// does not fit (a numerator or denominator of 2⁶³, from `i64::MIN`).
    ///
    /// ```
    /// use hanke_base::Rate;
    /// assert_eq!(Rate::new(-3, -6)?.as_fraction(), (1, 2));
    /// assert_eq!(Rate::new(i64::MIN, i64::MIN)?, Rate::ONE);
    /// assert_eq!(Rate::new(i64::MIN, -1).unwrap_err().code(), "money.overflow");
    /// assert_eq!(Rate::new(1, 0).unwrap_err().code(), "money.invalid_rate");
    /// # Ok::<(), hanke_base::MoneyError>(())
    /// ```
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "g ≥ 1 divides both; the quotients of i128 values are no larger"
    )]
    pub fn new(num: i64, den: i64) -> Result<Rate, MoneyError> {
        if den == 0 || ((num < 0) != (den < 0) && num != 0) {
            return Err(MoneyError::InvalidRate {
                input: format!("{num}/{den}").into(),
            });
        }
        // Magnitudes as u64: `i64::MIN.abs()` would overflow.
        let (num, den) = (
            u128::from(num.unsigned_abs()),
            u128::from(den.unsigned_abs()),
        );
        let g = gcd(num, den).max(1);
        match (i64::try_from(num / g), i64::try_from(den / g)) {
            (Ok(num), Ok(den)) => Ok(Rate { num, den }),
            _ => Err(MoneyError::Overflow),
        }
    }

    /// A whole percentage: `Rate::percent(40)` is 40 %.
    #[allow(clippy::arithmetic_side_effects, reason = "g ≥ 1 divides p and 100")]
    pub const fn percent(p: u32) -> Rate {
        // Reduction is not needed for equality: `PartialEq` compares reduced
        // forms, which `percent` produces by dividing by the gcd below.
        let p = p as i64;
        let g = const_gcd(p, 100);
        Rate {
            num: p / g,
            den: 100 / g,
        }
    }

    /// The share `part / whole` of two amounts, exactly.
    ///
    /// ```
    /// use hanke_base::{Money, Rate};
    /// let share = Rate::ratio(Money::from_euros(52_473)?, Money::from_euros(69_965)?)?;
    /// assert_eq!(share.to_percent_string(2), "75,00 %");
    /// # Ok::<(), hanke_base::MoneyError>(())
    /// ```
    pub fn ratio(part: Money, whole: Money) -> Result<Rate, MoneyError> {
        if whole.is_zero() {
            return Err(MoneyError::DivisionByZero);
        }
        Rate::new(part.cents(), whole.cents())
    }

    /// The numerator of the reduced fraction.
    pub const fn numerator(self) -> i64 {
        self.num
    }

    /// The denominator of the reduced fraction (always positive).
    pub const fn denominator(self) -> i64 {
        self.den
    }

    /// The reduced fraction `(numerator, denominator)`.
    ///
    /// ```
    /// assert_eq!("17,5 %".parse::<hanke_base::Rate>()?.as_fraction(), (7, 40));
    /// # Ok::<(), hanke_base::MoneyError>(())
    /// ```
    pub fn as_fraction(self) -> (i64, i64) {
        (self.num, self.den)
    }

    /// The percentage scaled by `10^decimals` and rounded half away from zero:
    /// 684 554 / 913 048 gives `7497` for two decimals; `None` where the
    /// scaled value does not fit (never a saturated, wrong number).
    ///
    /// ```
    /// let r = hanke_base::Rate::new(684_554, 913_048)?;
    /// assert_eq!(r.percent_scaled(2), Some(7497));
    /// assert_eq!(hanke_base::Rate::new(1, 2)?.percent_scaled(37), None);
    /// # Ok::<(), hanke_base::MoneyError>(())
    /// ```
    pub fn percent_scaled(self, decimals: u32) -> Option<i128> {
        let scale = 10i128.checked_pow(decimals)?;
        let n = i128::from(self.num).checked_mul(100)?.checked_mul(scale)?;
        Some(div_round_half_away(n, i128::from(self.den)))
    }

    /// The most decimals [`Rate::to_percent_string`] writes.
    pub const MAX_PERCENT_DECIMALS: u32 = 30;

    /// The percentage as Finnish text with `decimals` decimals: `74,97 %`,
    /// every digit exact (long division) and the last rounded half away from
    /// zero. Fewer than 0 or more than [`Rate::MAX_PERCENT_DECIMALS`] is an
    /// error (`money.decimals`), never a panic or a wrong digit.
    ///
    /// ```
    /// use hanke_base::Rate;
    /// let half = Rate::new(1, 2)?;
    /// assert_eq!(half.try_to_percent_string(3)?, "50,000 %");
    /// assert_eq!(Rate::new(1, 3)?.try_to_percent_string(30)?, format!("33,{} %", "3".repeat(30)));
    /// assert_eq!(half.try_to_percent_string(65_536).unwrap_err().code(), "money.decimals");
    /// assert_eq!(half.try_to_percent_string(-1).unwrap_err().code(), "money.decimals");
    /// # Ok::<(), hanke_base::MoneyError>(())
    /// ```
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "|num|·100 and a remainder below the denominator times 10 fit i128; digits below 10"
    )]
    pub fn try_to_percent_string(self, decimals: i64) -> Result<String, MoneyError> {
        let max = Rate::MAX_PERCENT_DECIMALS;
        if !(0..=i64::from(max)).contains(&decimals) {
            return Err(MoneyError::Decimals {
                asked: decimals,
                max,
            });
        }
        let den = i128::from(self.den);
        let n = i128::from(self.num).abs() * 100;
        let mut whole = n / den;
        let mut rest = n % den;
        let mut digits: Vec<u8> = Vec::new();
        for _ in 0..decimals {
            rest *= 10;
            digits.push(u8::try_from(rest / den).unwrap_or(0));
            rest %= den;
        }
        // Half away from zero on what is left.
        if rest * 2 >= den {
            let mut carry = true;
            for d in digits.iter_mut().rev() {
                if *d == 9 {
                    *d = 0;
                } else {
                    *d += 1;
                    carry = false;
                    break;
                }
            }
            if carry {
                whole += 1;
            }
        }
        let sign = if self.num < 0 && (whole != 0 || digits.iter().any(|d| *d != 0)) {
            "-"
        } else {
            ""
        };
        if digits.is_empty() {
            return Ok(format!("{sign}{whole} %"));
        }
        let fraction: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        Ok(format!("{sign}{whole},{fraction} %"))
    }

    /// [`Rate::try_to_percent_string`] for the fixed decimals hanke's own
    /// outputs use (0–30); more than 30 are written as 30.
    pub fn to_percent_string(self, decimals: u32) -> String {
        let decimals = decimals.min(Rate::MAX_PERCENT_DECIMALS);
        self.try_to_percent_string(i64::from(decimals))
            .unwrap_or_default()
    }

    /// Whether this rate is exactly a decimal percentage with at most `decimals`
    /// decimals (17,5 % is; 684 554 / 913 048 is not).
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "the denominator of a Rate is positive"
    )]
    pub fn is_exact_percent(self, decimals: u32) -> bool {
        let n = i128::from(self.num)
            .saturating_mul(100)
            .saturating_mul(10i128.saturating_pow(decimals));
        n % i128::from(self.den) == 0
    }
}

#[allow(clippy::arithmetic_side_effects, reason = "b ≠ 0 in the loop")]
const fn const_gcd(mut a: i64, mut b: i64) -> i64 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    if a == 0 { 1 } else { a }
}

impl PartialOrd for Rate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rate {
    #[allow(clippy::arithmetic_side_effects, reason = "i64 × i64 fits i128")]
    fn cmp(&self, other: &Self) -> Ordering {
        let a = i128::from(self.num) * i128::from(other.den);
        let b = i128::from(other.num) * i128::from(self.den);
        a.cmp(&b)
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_percent_string(2))
    }
}

#[allow(
    clippy::arithmetic_side_effects,
    reason = "at most nine decimals: 100 × 10^9; g ≥ 1"
)]
fn parse_rate(input: &str) -> Result<Rate, MoneyError> {
    let invalid = || MoneyError::InvalidRate {
        input: crate::Echo::new(input),
    };
    let s = input.trim();
    if let Some((n, d)) = s.split_once('/') {
        let n: i64 = n.trim().parse().map_err(|_| invalid())?;
        let d: i64 = d.trim().parse().map_err(|_| invalid())?;
        return Rate::new(n, d);
    }
    let body = s
        .strip_suffix('%')
        .ok_or_else(invalid)?
        .trim_end_matches(&GROUP_SPACES[..]);
    let (int_part, frac) = match body.split_once([',', '.']) {
        // "50,%" is a slip, not 50 %: a separator needs its decimals.
        Some((_, "")) => return Err(invalid()),
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    if int_part.is_empty()
        || !int_part.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 9
    {
        return Err(invalid());
    }
    // In i128 and reduced before narrowing: the percentage of a rate as large
    // as `i64::MAX` has more digits than an i64 holds, yet the rate fits.
    let digits = format!("{int_part}{frac}");
    let num: u128 = digits.parse().map_err(|_| invalid())?;
    let den = 100 * 10u128.pow(frac.len() as u32);
    let g = gcd(num, den).max(1);
    match (i64::try_from(num / g), i64::try_from(den / g)) {
        (Ok(num), Ok(den)) => Rate::new(num, den),
        _ => Err(MoneyError::Overflow),
    }
}

impl FromStr for Rate {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_rate(s)
    }
}

impl Serialize for Rate {
    /// Exact decimal percentages as `"17.5%"`; anything else as `"num/den"`.
    #[allow(clippy::arithmetic_side_effects, reason = "scale = 10^decimals ≥ 1")]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = (0..=6)
            .find(|&d| self.is_exact_percent(d))
            .and_then(|d| {
                // Six decimals of an i64 numerator fit i128.
                let scaled = self.percent_scaled(d)?;
                Some(if d == 0 {
                    format!("{scaled}%")
                } else {
                    let scale = 10i128.pow(d);
                    format!(
                        "{}.{:0width$}%",
                        scaled / scale,
                        scaled % scale,
                        width = d as usize
                    )
                })
            })
            .unwrap_or_else(|| format!("{}/{}", self.num, self.den));
        serializer.serialize_str(&text)
    }
}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A budget band as public listings print it — *budjettiluokka*, e.g.
/// `100000-500000 €` on a project page.
///
/// ```
/// use hanke_base::{Money, MoneyRange};
/// let band: MoneyRange = "100000-500000 €".parse()?;
/// assert_eq!(band.min(), Money::from_euros(100_000)?);
/// assert_eq!(band.to_string(), "100 000–500 000 €");
/// assert!(band.contains(Money::from_euros(250_000)?));
/// # Ok::<(), hanke_base::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MoneyRange {
    min: Money,
    max: Money,
}

impl MoneyRange {
    /// A band from `min` to `max` inclusive; fails if `min > max`.
    pub fn new(min: Money, max: Money) -> Result<MoneyRange, MoneyError> {
        if min > max {
            return Err(MoneyError::InvalidBand {
                input: format!("{min}–{max}").into(),
            });
        }
        Ok(MoneyRange { min, max })
    }

    /// The lower bound.
    pub const fn min(self) -> Money {
        self.min
    }

    /// The upper bound.
    pub const fn max(self) -> Money {
        self.max
    }

    /// Whether `amount` lies in the band (bounds included).
    pub fn contains(self, amount: Money) -> bool {
        self.min <= amount && amount <= self.max
    }
}

impl fmt::Display for MoneyRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}–{} €",
            self.min.format_fi(true),
            self.max.format_fi(true)
        )
    }
}

impl FromStr for MoneyRange {
    type Err = MoneyError;

    #[allow(
        clippy::arithmetic_side_effects,
        reason = "offsets of a separator found in `s`: inside it"
    )]
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let s = strip_currency(input);
        let invalid = || MoneyError::InvalidBand {
            input: crate::Echo::new(input),
        };
        // A leading minus would be a negative bound, not a separator: skip the first char.
        let first_len = s.chars().next().map(char::len_utf8).ok_or_else(invalid)?;
        let rest = s.get(first_len..).ok_or_else(invalid)?;
        let pos = rest.find(['-', '–', '—']).ok_or_else(invalid)?;
        let sep_len = rest
            .get(pos..)
            .and_then(|t| t.chars().next())
            .map(char::len_utf8)
            .ok_or_else(invalid)?;
        let lo = s.get(..first_len + pos).ok_or_else(invalid)?;
        let hi = s.get(first_len + pos + sep_len..).ok_or_else(invalid)?;
        MoneyRange::new(lo.trim().parse()?, hi.trim().parse()?)
    }
}

impl Serialize for MoneyRange {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format!(
            "{}-{}",
            self.min.to_plain_string(),
            self.max.to_plain_string()
        ))
    }
}

impl<'de> Deserialize<'de> for MoneyRange {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        s.parse().unwrap()
    }

    #[test]
    fn parses_the_forms_of_the_seed_documents() {
        assert_eq!(m("101 500").cents(), 10_150_000);
        assert_eq!(m("12 167 957 euroa").cents(), 1_216_795_700);
        assert_eq!(m("89 660,50 €").cents(), 8_966_050);
        assert_eq!(m("69433.66").cents(), 6_943_366);
        assert_eq!(m("913\u{202f}048").cents(), 91_304_800);
        assert_eq!(m("913\u{2009}048 €").cents(), 91_304_800);
        assert_eq!(m("1\u{a0}290").cents(), 129_000);
        assert_eq!(m("100,-").cents(), 10_000);
        assert_eq!(m("12,5").cents(), 1_250);
        assert_eq!(m("−1 000,00 €").cents(), -100_000);
        assert_eq!(m("100 e").cents(), 10_000);
        assert_eq!(m("EUR 5").cents(), 500);
    }

    #[test]
    fn rejects_what_it_cannot_read_exactly() {
        let code = |s: &str| s.parse::<Money>().unwrap_err().code();
        assert_eq!(code(""), "money.empty");
        assert_eq!(code(" € "), "money.empty");
        assert_eq!(code("12 5"), "money.bad_grouping");
        assert_eq!(code("1234 567"), "money.bad_grouping");
        assert_eq!(code("1.500"), "money.sub_cent");
        assert_eq!(code("1,005"), "money.sub_cent");
        assert_eq!(code("12a"), "money.invalid_character");
        assert_eq!(code("1,2,3"), "money.invalid_character");
        assert_eq!(code("99999999999999999999"), "money.overflow");
    }

    #[test]
    fn formats_in_finnish_and_plain_and_round_trips() {
        for s in ["0,00 €", "1,05 €", "-1 234 567,89 €", "12 167 957,00 €"] {
            assert_eq!(m(s).to_string(), s);
        }
        assert_eq!(m("-0,05").to_plain_string(), "-0.05");
        assert_eq!(
            Money::from_cents(i64::MIN).to_string(),
            "-92 233 720 368 547 758,08 €"
        );
    }

    #[test]
    fn arithmetic_is_checked() {
        let max = Money::from_cents(i64::MAX);
        assert_eq!(
            max.checked_add(Money::from_cents(1)),
            Err(MoneyError::Overflow)
        );
        assert_eq!(
            Money::from_cents(i64::MIN).checked_sub(Money::from_cents(1)),
            Err(MoneyError::Overflow)
        );
        assert_eq!(max.checked_mul_int(2), Err(MoneyError::Overflow));
        assert_eq!(Money::from_euros(i64::MAX), Err(MoneyError::Overflow));
        assert_eq!(Money::sum([max, max]), Err(MoneyError::Overflow));
    }

    #[test]
    fn rounding_is_half_away_from_zero_at_the_cent() {
        let half = Rate::percent(50);
        assert_eq!(Money::from_cents(5).apply_rate(half).unwrap().cents(), 3);
        assert_eq!(Money::from_cents(-5).apply_rate(half).unwrap().cents(), -3);
        assert_eq!(Money::from_cents(3).apply_rate(half).unwrap().cents(), 2);
        assert_eq!(
            Money::from_cents(1)
                .apply_rate(Rate::new(1, 3).unwrap())
                .unwrap()
                .cents(),
            0
        );
        assert_eq!(
            Money::from_cents(2)
                .apply_rate(Rate::new(1, 3).unwrap())
                .unwrap()
                .cents(),
            1
        );
    }

    #[test]
    fn seed_shares_to_two_decimals() {
        let share = |a: i64, b: i64| {
            Rate::ratio(Money::from_euros(a).unwrap(), Money::from_euros(b).unwrap())
                .unwrap()
                .to_percent_string(2)
        };
        assert_eq!(share(684_554, 913_048), "74,97 %");
        assert_eq!(share(52_473, 69_965), "75,00 %");
        assert_eq!(share(10_588_811, 12_167_957), "87,02 %");
        assert_eq!(share(126_492, 158_115), "80,00 %");
        assert_eq!(share(89_660, 101_500), "88,33 %");
    }

    #[test]
    fn rates_parse_compare_and_serialise_exactly() {
        assert_eq!("40 %".parse::<Rate>().unwrap(), Rate::percent(40));
        assert_eq!(
            "74.97%".parse::<Rate>().unwrap(),
            Rate::new(7497, 10000).unwrap()
        );
        assert_eq!("2/3".parse::<Rate>().unwrap(), Rate::new(4, 6).unwrap());
        assert!("40".parse::<Rate>().is_err());
        assert!("-5 %".parse::<Rate>().is_err());
        assert!(Rate::new(1, 0).is_err());
        assert!(Rate::new(-1, 2).is_err());
        assert!(Rate::new(1, 3).unwrap() < Rate::percent(34));
        let json = serde_json::to_string(&Rate::new(7, 40).unwrap()).unwrap();
        assert_eq!(json, "\"17.5%\"");
        let odd = Rate::new(684_554, 913_048).unwrap();
        let back: Rate = serde_json::from_str(&serde_json::to_string(&odd).unwrap()).unwrap();
        assert_eq!(back, odd);
    }

    #[test]
    fn budget_bands() {
        let band: MoneyRange = "100000-500000 €".parse().unwrap();
        assert_eq!(band.max(), Money::from_euros(500_000).unwrap());
        let band2: MoneyRange = "100 000 – 500 000 euroa".parse().unwrap();
        assert_eq!(band, band2);
        assert_eq!(band.to_string().parse::<MoneyRange>().unwrap(), band);
        assert_eq!(
            "500-100".parse::<MoneyRange>().unwrap_err().code(),
            "money.invalid_band"
        );
        assert_eq!(
            "500".parse::<MoneyRange>().unwrap_err().code(),
            "money.invalid_band"
        );
        let json = serde_json::to_string(&band).unwrap();
        assert_eq!(serde_json::from_str::<MoneyRange>(&json).unwrap(), band);
    }

    /// Found by `tests/money_properties.rs` (RELIABILITY.md): `i64::MIN`
    /// panicked in `Rate::new` (`abs` overflows), the smallest amount did not
    /// read back from its own text, and a rate of `i64::MAX` wrote a percentage
    /// too long to read back.
    #[test]
    fn the_extremes_neither_panic_nor_fail_to_read_back() {
        assert_eq!(Rate::new(i64::MIN, -1).unwrap_err(), MoneyError::Overflow);
        assert_eq!(Rate::new(i64::MIN, -2).unwrap().as_fraction(), (1 << 62, 1));
        assert_eq!(
            Rate::ratio(Money::from_cents(i64::MIN), Money::from_cents(-2))
                .unwrap()
                .as_fraction(),
            (1 << 62, 1)
        );
        let min = Money::from_cents(i64::MIN);
        assert_eq!(min.to_plain_string(), "-92233720368547758.08");
        assert_eq!(min.to_plain_string().parse::<Money>(), Ok(min));
        assert_eq!(
            "92233720368547758.08".parse::<Money>(),
            Err(MoneyError::Overflow)
        );
        let max = Rate::new(i64::MAX, 1).unwrap();
        let json = serde_json::to_string(&max).unwrap();
        assert_eq!(json, "\"922337203685477580700%\"");
        assert_eq!(serde_json::from_str::<Rate>(&json).unwrap(), max);
        assert_eq!(
            "922337203685477580800 %".parse::<Rate>(),
            Err(MoneyError::Overflow)
        );
    }
}
