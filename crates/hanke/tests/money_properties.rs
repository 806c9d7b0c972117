//! Property tests of money arithmetic and shares (issue 10; RELIABILITY.md).
//!
//! Every result is compared with a reference computed another way, in `i128`
//! where the crate works in `i64`: an operation either gives the exact answer
//! or an error — never a wrapped value, a rounded-away cent or a panic.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use hanke::funding::{Amounts, FundingPlan, FundingSource, Stage};
use hanke::{Money, MoneyError, MoneyRange, Rate};
use proptest::prelude::*;

/// Amounts of every size, with the edges drawn often.
fn money() -> impl Strategy<Value = Money> {
    prop_oneof![
        4 => -10_000_000_000_i64..10_000_000_000,
        2 => any::<i64>(),
        1 => prop_oneof![
            Just(i64::MIN),
            Just(i64::MIN + 1),
            Just(i64::MAX),
            Just(0),
            Just(-1),
            Just(1)
        ],
    ]
    .prop_map(Money::from_cents)
}

/// Rates as `(numerator, denominator)` given to `Rate::new`, valid or not.
fn fraction() -> impl Strategy<Value = (i64, i64)> {
    prop_oneof![
        3 => (0i64..1_000_000, 1i64..1_000_000),
        2 => (any::<i64>(), any::<i64>()),
        1 => (
            prop_oneof![Just(i64::MIN), Just(i64::MAX), Just(0), Just(-1)],
            prop_oneof![Just(i64::MIN), Just(i64::MAX), Just(1), Just(-1), Just(0)]
        ),
    ]
}

fn valid_rate() -> impl Strategy<Value = Rate> {
    fraction().prop_filter_map("not a valid rate", |(n, d)| Rate::new(n, d).ok())
}

fn cents(m: Money) -> i128 {
    i128::from(m.cents())
}

/// `Ok` with the exact value when it fits in `i64` cents, else `Overflow`.
fn expect_exact(got: Result<Money, MoneyError>, exact: i128) {
    match i64::try_from(exact) {
        Ok(v) => assert_eq!(got, Ok(Money::from_cents(v))),
        Err(_) => assert_eq!(got, Err(MoneyError::Overflow)),
    }
}

/// Round half away from zero, written differently from the crate's
/// (which takes quotient and remainder): `(2|p| + d) / 2d` with the sign put back.
fn round_half_away(p: i128, d: i128) -> i128 {
    let magnitude = (2 * p.abs() + d) / (2 * d);
    if p < 0 { -magnitude } else { magnitude }
}

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn addition_subtraction_and_multiplication_are_exact_or_overflow(
        a in money(), b in money(), n in prop_oneof![any::<i64>(), -1000i64..1000],
    ) {
        expect_exact(a.checked_add(b), cents(a) + cents(b));
        expect_exact(a.checked_sub(b), cents(a) - cents(b));
        expect_exact(a.checked_mul_int(n), cents(a) * i128::from(n));
    }

    #[test]
    fn a_sum_is_exact_or_an_overflow_of_a_running_total(parts in prop::collection::vec(money(), 0..12)) {
        let mut running = 0i128;
        let mut overflowed = false;
        for p in &parts {
            running += cents(*p);
            overflowed |= i64::try_from(running).is_err();
        }
        match Money::sum(parts.iter().copied()) {
            Ok(total) => {
                prop_assert!(!overflowed);
                prop_assert_eq!(cents(total), running);
            }
            Err(e) => {
                prop_assert_eq!(e, MoneyError::Overflow);
                prop_assert!(overflowed);
            }
        }
    }

    #[test]
    fn from_euros_is_exact_or_overflow(euros in any::<i64>()) {
        expect_exact(Money::from_euros(euros), i128::from(euros) * 100);
    }

    /// `amount × rate` is the exact product rounded half away from zero: off by
    /// at most half a cent, never more.
    #[test]
    fn applying_a_rate_rounds_half_away_from_zero_and_nothing_else(m in money(), r in valid_rate()) {
        let (num, den) = r.as_fraction();
        let product = cents(m) * i128::from(num);
        let expected = round_half_away(product, i128::from(den));
        let got = m.apply_rate(r);
        expect_exact(got.clone(), expected);
        if let Ok(v) = got {
            let error = cents(v) * i128::from(den) - product;
            prop_assert!(2 * error.abs() <= i128::from(den));
        }
    }

    /// `Rate::new` never panics: it refuses a zero denominator and a negative
    /// value, and otherwise keeps the value exactly in lowest terms.
    #[test]
    fn a_rate_keeps_its_value_in_lowest_terms((n, d) in fraction()) {
        let (n128, d128) = (i128::from(n), i128::from(d));
        let valid = d != 0 && (n == 0 || (n < 0) == (d < 0));
        match Rate::new(n, d) {
            Ok(r) => {
                prop_assert!(valid);
                let (rn, rd) = r.as_fraction();
                prop_assert!(rn >= 0 && rd > 0);
                prop_assert_eq!(i128::from(rn) * d128, n128 * i128::from(rd));
                prop_assert_eq!(gcd(i128::from(rn), i128::from(rd)), 1);
            }
            Err(MoneyError::Overflow) => {
                // Only 2⁶³ (from i64::MIN) has no i64 form once reduced.
                let g = gcd(n128, d128);
                prop_assert!((n128 / g).abs() > i128::from(i64::MAX) || (d128 / g).abs() > i128::from(i64::MAX));
            }
            Err(e) => {
                prop_assert!(!valid, "{n}/{d} refused: {e}");
                prop_assert_eq!(e.code(), "money.invalid_rate");
            }
        }
    }

    /// A share of two amounts is exact, for amounts of any size.
    #[test]
    fn a_ratio_of_amounts_is_exact(part in money(), whole in money()) {
        match Rate::ratio(part, whole) {
            Ok(r) => {
                let (rn, rd) = r.as_fraction();
                prop_assert_eq!(i128::from(rn) * cents(whole), cents(part) * i128::from(rd));
            }
            Err(MoneyError::DivisionByZero) => prop_assert!(whole.is_zero()),
            Err(MoneyError::Overflow) => prop_assert!(part.cents() == i64::MIN || whole.cents() == i64::MIN),
            Err(e) => {
                prop_assert_eq!(e.code(), "money.invalid_rate");
                prop_assert!(part.is_negative() != whole.is_negative() && !part.is_zero());
            }
        }
    }

    #[test]
    fn rates_compare_by_value(a in valid_rate(), b in valid_rate()) {
        let (an, ad) = a.as_fraction();
        let (bn, bd) = b.as_fraction();
        let by_value = (i128::from(an) * i128::from(bd)).cmp(&(i128::from(bn) * i128::from(ad)));
        prop_assert_eq!(a.cmp(&b), by_value);
        prop_assert_eq!(a == b, by_value.is_eq());
    }

    /// Every amount, the smallest included, reads back from each of its written
    /// forms and from JSON.
    #[test]
    fn amounts_read_back_from_every_written_form(m in money()) {
        prop_assert_eq!(m.to_plain_string().parse::<Money>(), Ok(m));
        prop_assert_eq!(m.to_string().parse::<Money>(), Ok(m));
        prop_assert_eq!(m.format_fi(true).parse::<Money>(), Ok(m));
        let json = serde_json::to_string(&m).unwrap();
        prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
    }

    /// A rate reads back exactly from JSON; its two-decimal text reads back
    /// exactly when it is a two-decimal percentage.
    #[test]
    fn rates_read_back(r in valid_rate()) {
        let json = serde_json::to_string(&r).unwrap();
        prop_assert_eq!(serde_json::from_str::<Rate>(&json).unwrap(), r);
        let (n, d) = r.as_fraction();
        prop_assert_eq!(format!("{n}/{d}").parse::<Rate>(), Ok(r));
        if r.is_exact_percent(2) {
            prop_assert_eq!(r.to_string().parse::<Rate>(), Ok(r));
        }
    }

    #[test]
    fn a_band_holds_its_bounds_and_reads_back(a in money(), b in money(), x in money()) {
        match MoneyRange::new(a, b) {
            Ok(band) => {
                prop_assert!(a <= b);
                prop_assert_eq!(band.contains(x), a <= x && x <= b);
                prop_assert_eq!(band.to_string().parse::<MoneyRange>(), Ok(band));
                let json = serde_json::to_string(&band).unwrap();
                prop_assert_eq!(serde_json::from_str::<MoneyRange>(&json).unwrap(), band);
            }
            Err(e) => {
                prop_assert!(a > b);
                prop_assert_eq!(e.code(), "money.invalid_band");
            }
        }
    }

    /// The EU share of a plan is EU ÷ total exactly; applied back to the total it
    /// gives the EU money to the cent, and it is never above 100 % when the EU
    /// money is part of the total.
    #[test]
    fn the_eu_share_gives_back_the_eu_money(
        total in 1i64..1_000_000_000_000, eu_per_mille in 0i64..=1000, extra in 0i64..1000,
    ) {
        let eu = total / 1000 * eu_per_mille + extra.min(total % 1000);
        let plan = FundingPlan::default()
            .with_total(Amounts::default().planned(Money::from_cents(total)))
            .with_source(FundingSource::Eu, Amounts::default().planned(Money::from_cents(eu)));
        let share = plan.eu_share(Stage::Planned).unwrap().unwrap();
        prop_assert_eq!(share, Rate::ratio(Money::from_cents(eu), Money::from_cents(total)).unwrap());
        prop_assert_eq!(Money::from_cents(total).apply_rate(share), Ok(Money::from_cents(eu)));
        prop_assert!(share <= Rate::ONE);
    }

    /// Shares of the sources of a plan add up to the whole: the sum of
    /// `source ÷ total` over the sources is exactly one when the sources make
    /// up the total.
    #[test]
    fn source_shares_add_up_to_the_whole(
        eu in 0i64..100_000_000_000, state in 0i64..100_000_000_000, own in 1i64..100_000_000_000,
    ) {
        let plan = FundingPlan::default()
            .with_source(FundingSource::Eu, Amounts::default().granted(Money::from_cents(eu)))
            .with_source(FundingSource::State, Amounts::default().granted(Money::from_cents(state)))
            .with_source(FundingSource::Own, Amounts::default().granted(Money::from_cents(own)));
        let total = plan.total(Stage::Granted).unwrap().unwrap();
        prop_assert_eq!(cents(total), i128::from(eu) + i128::from(state) + i128::from(own));
        // Σ numerator_i × (den / den_i) = den, over a common denominator.
        let shares: Vec<(i128, i128)> = [FundingSource::Eu, FundingSource::State, FundingSource::Own]
            .iter()
            .map(|s| {
                let part = plan.source(*s, Stage::Granted).unwrap().unwrap();
                let (n, d) = Rate::ratio(part, total).unwrap().as_fraction();
                (i128::from(n), i128::from(d))
            })
            .collect();
        let (mut num, mut den) = (0i128, 1i128);
        for (n, d) in shares {
            num = num * d + n * den;
            den *= d;
            let g = gcd(num, den);
            num /= g;
            den /= g;
        }
        prop_assert_eq!((num, den), (1, 1));
    }
}

proptest! {
    /// Every digit of a percentage is exact and the last one rounded half
    /// away from zero, for any decimals hanke writes (issue 23: a power of ten
    /// saturated and gave wrong digits, a formatting width panicked).
    #[test]
    fn percent_digits_are_exact(num in 0i64..1_000_000, den in 1i64..1_000_000, decimals in 0i64..=30) {
        let r = Rate::new(num, den).unwrap();
        let text = r.try_to_percent_string(decimals).unwrap();
        let digits = text.trim_end_matches(" %");
        let (whole, fraction) = digits.split_once(',').unwrap_or((digits, ""));
        prop_assert_eq!(fraction.len() as i64, decimals);
        // N = the written value × 10^decimals, exactly.
        let written: u128 = format!("{whole}{fraction}").parse().unwrap();
        let (n, d) = r.as_fraction();
        let truth = u128::try_from(n).unwrap() * 100 * 10u128.pow(decimals as u32);
        let d = u128::try_from(d).unwrap();
        // |written·den − truth| ≤ den/2, ties rounded up (away from zero).
        let diff = (written * d).abs_diff(truth);
        prop_assert!(diff * 2 <= d, "{num}/{den} at {decimals}: {text}");
        if diff * 2 == d {
            prop_assert!(written * d > truth, "a tie rounded down: {text}");
        }
    }

    #[test]
    fn decimals_outside_0_to_30_are_a_coded_error(decimals in prop_oneof![i64::MIN..0, 31i64..]) {
        let e = Rate::new(1, 3).unwrap().try_to_percent_string(decimals).unwrap_err();
        prop_assert_eq!(e.code(), "money.decimals");
    }
}

/// The forms of an amount `Money`'s `FromStr` documents, written as one
/// regular expression apart from the parser (issue 29's review: `--5` was
/// read as −5 and `100,50,-` as 100,50): an optional `€`/`EUR` before or a
/// currency word after, at most one sign, digits plain or grouped in threes by
/// a space (ordinary, no-break, narrow no-break, figure or thin), then one or
/// two decimals after `,` or `.`, or `,-` for whole euros. A lone `e` after
/// the amount counts only straight after a digit or after a space.
fn amount_grammar() -> &'static regex::Regex {
    static GRAMMAR: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(grammar_of_amounts);
    &GRAMMAR
}

fn grammar_of_amounts() -> regex::Regex {
    let gs = "[ \u{a0}\u{202f}\u{2007}\u{2009}]";
    let int = format!("(?:[0-9]+|[0-9]{{1,3}}(?:{gs}[0-9]{{3}})+)");
    let sign = "(?:[-−+]\\s*)?";
    // Ending in a digit, or in ",-".
    let digit_end = format!("{sign}{int}(?:[,.][0-9]{{1,2}})?");
    let dash_end = format!("{sign}{int},-");
    let word = "(?i:€|eur|euro|euroa)";
    let e = "(?i:e)";
    regex::Regex::new(&format!(
        "^\\s*(?:(?:€|EUR)\\s*(?:{digit_end}|{dash_end})\
         |{digit_end}|{dash_end}\
         |{digit_end}\\s*{word}|{digit_end}(?:\\s*{gs})?{e}\
         |{dash_end}\\s*{word}|{dash_end}\\s*{gs}{e})\\s*$"
    ))
    .unwrap()
}

/// The value of a text the grammar accepts, in cents: its sign, its integer
/// digits and up to two decimals, read with a second expression.
fn grammar_value(text: &str) -> i128 {
    static NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            "([-−+])?\\s*([0-9][0-9 \u{a0}\u{202f}\u{2007}\u{2009}]*)(?:[,.]([0-9]{1,2}))?",
        )
        .unwrap()
    });
    let c = NUMBER.captures(text).unwrap();
    let digits: String = c[2].chars().filter(char::is_ascii_digit).collect();
    let frac = c
        .get(3)
        .map_or("00".to_string(), |f| format!("{:0<2}", f.as_str()));
    let cents = format!("{digits}{frac}").parse::<i128>().unwrap();
    match c.get(1).map(|s| s.as_str()) {
        Some("-" | "−") => -cents,
        _ => cents,
    }
}

/// Texts near the forms of an amount: pieces of amounts, signs, separators,
/// spaces and currency words strung together, and real forms with a piece
/// put in anywhere.
fn amount_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "0", "1", "7", "12", "123", "1234", "000", "-", "−", "+", "--", ",", ".", ",-", ",5",
        ",50", ".05", " ", "\u{a0}", "\u{2009}", "\t", "€", "EUR", "eur", "e", "E", "euroa",
        "euro", "x", "(", "'", "%",
    ]);
    let form = (
        prop::sample::select(vec!["", "€", "EUR ", "-", "−", "+", "€ -", "- "]),
        prop::sample::select(vec![
            "0",
            "5",
            "89 660",
            "12\u{a0}167\u{a0}957",
            "101500",
            "1 000",
        ]),
        prop::sample::select(vec!["", ",5", ",50", ".05", ",-"]),
        prop::sample::select(vec!["", " €", "€", " euroa", "e", " e", " EUR"]),
    )
        .prop_map(|(a, b, c, d)| format!("{a}{b}{c}{d}"));
    prop_oneof![
        prop::collection::vec(piece.clone(), 1..8).prop_map(|p| p.concat()),
        form.clone(),
        (form, any::<prop::sample::Index>(), piece).prop_map(|(f, at, p)| {
            let cuts: Vec<usize> = (0..=f.len()).filter(|&i| f.is_char_boundary(i)).collect();
            let i = cuts[at.index(cuts.len())];
            format!("{}{p}{}", &f[..i], &f[i..])
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8192))]

    /// An amount is read exactly when its text is one of the documented forms,
    /// and then as the value that form says; every other text is refused with
    /// a coded reason — never read as another amount.
    #[test]
    fn an_amount_is_read_only_in_its_documented_forms(text in amount_text()) {
        let grammar = amount_grammar();
        match text.parse::<Money>() {
            Ok(m) => {
                prop_assert!(grammar.is_match(&text), "{text:?} read as {m:?}, not a documented form");
                prop_assert_eq!(i128::from(m.cents()), grammar_value(&text), "{:?}", text);
            }
            Err(e) => {
                prop_assert!(!grammar.is_match(&text), "{text:?} is a documented form, refused: {e}");
                prop_assert!(e.code().starts_with("money."));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// A percentage is read exactly when it is digits, at most nine decimals
    /// after `,` or `.`, and `%` (a space before it allowed) — `50,%` is a
    /// slip, refused, not 50 % — and then as that fraction.
    #[test]
    fn a_percentage_is_read_only_in_its_documented_form(
        pieces in prop::collection::vec(
            prop::sample::select(vec!["0", "5", "17", "100", ",", ".", "5", "%", " ", "\u{a0}", "-", "+", "e"]),
            1..7,
        )
    ) {
        static PERCENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(
                "^\\s*([0-9]+)(?:[,.]([0-9]{1,9}))?[ \u{a0}\u{202f}\u{2007}\u{2009}]*%\\s*$",
            )
            .unwrap()
        });
        let text = pieces.concat();
        match (text.parse::<Rate>(), PERCENT.captures(&text)) {
            (Ok(r), Some(c)) => {
                let frac = c.get(2).map_or("", |f| f.as_str());
                let num: i128 = format!("{}{frac}", &c[1]).parse().unwrap();
                let den: i128 = 100 * 10i128.pow(frac.len() as u32);
                let (n, d) = r.as_fraction();
                prop_assert_eq!(i128::from(n) * den, num * i128::from(d), "{:?}", text);
            }
            (Ok(r), None) => prop_assert!(false, "{text:?} read as {r:?}, not a percentage"),
            (Err(e), Some(_)) => prop_assert!(false, "{text:?} is a percentage, refused: {e}"),
            (Err(_), None) => {}
        }
    }
}
