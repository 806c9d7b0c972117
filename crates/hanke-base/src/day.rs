//! A calendar day written as text — *päivämäärä*: the one grammar every
//! reader of hanke takes a day in ([`parse_day`]).

use chrono::NaiveDate;

/// Reads a day written as text: `2016-03-01` (ISO 8601, four-digit year,
/// two-digit month and day) or `1.3.2016` (the Finnish form, day and month
/// with or without a leading zero); `Err` with the reason for anything else
/// or a day that does not exist. A two-digit year (`5.3.21`) is refused: its
/// century is a guess. Nothing else is read — no sign, no spaces inside, no
/// `2016-3-1` — so that every reader of a day in hanke (a participant file,
/// a workbook's text cell, a table's string column, a device's re-entry
/// answer, a cut-off given as text, the command's `--on`) takes the same
/// texts and refuses the same ones. The caller trims.
///
/// ```
/// use chrono::NaiveDate;
/// use hanke_base::day::parse_day;
/// assert_eq!(parse_day("1.3.2016"), Ok(NaiveDate::from_ymd_opt(2016, 3, 1).unwrap()));
/// assert_eq!(parse_day("2016-03-01"), parse_day("01.03.2016"));
/// assert_eq!(parse_day("29.2.2023"), Err("no such day"));
/// assert!(parse_day("2016-3-1").is_err() && parse_day("+2016-03-01").is_err());
/// ```
#[allow(
    clippy::arithmetic_side_effects,
    reason = "at most four checked ASCII digits: below 10 000"
)]
pub fn parse_day(s: &str) -> Result<NaiveDate, &'static str> {
    // The ISO form as files write it (YYYY-MM-DD), digit by digit; anything
    // else goes the general way below, which gives the same answer for it.
    if let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = s.as_bytes() {
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |ds: &[u8]| ds.iter().fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
            let year = i32::try_from(n(&[y0, y1, y2, y3])).map_err(|_| "not a date")?;
            return NaiveDate::from_ymd_opt(year, n(&[m0, m1]), n(&[d0, d1])).ok_or("no such day");
        }
    }
    let num = |t: &str, max_len: usize| -> Option<u32> {
        if t.is_empty() || t.len() > max_len || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    };
    let mut iso = s.split('-');
    if let (Some(y), Some(m), Some(d), None) = (iso.next(), iso.next(), iso.next(), iso.next()) {
        if y.len() == 4 && m.len() == 2 && d.len() == 2 {
            let year = num(y, 4)
                .and_then(|y| i32::try_from(y).ok())
                .ok_or("not a date")?;
            let (m, d) = (
                num(m, 2).ok_or("not a date")?,
                num(d, 2).ok_or("not a date")?,
            );
            return NaiveDate::from_ymd_opt(year, m, d).ok_or("no such day");
        }
        return Err("not a date");
    }
    let mut fi = s.split('.');
    if let (Some(d), Some(m), Some(y), None) = (fi.next(), fi.next(), fi.next(), fi.next()) {
        let (d, m) = (
            num(d, 2).ok_or("not a date")?,
            num(m, 2).ok_or("not a date")?,
        );
        if y.len() == 2 && num(y, 2).is_some() {
            return Err("a two-digit year, whose century would be a guess");
        }
        if y.len() == 4 {
            let year = num(y, 4)
                .and_then(|y| i32::try_from(y).ok())
                .ok_or("not a date")?;
            return NaiveDate::from_ymd_opt(year, m, d).ok_or("no such day");
        }
    }
    Err("not a date")
}

/// Why `text` is no day, as a reader that refuses it says it: [`parse_day`]'s
/// reason and what is accepted (the text itself is not repeated).
///
/// ```
/// let why = hanke_base::day::parse_day("2024-2-3").unwrap_err();
/// assert_eq!(hanke_base::day::refusal(why), "not a date: a day is YYYY-MM-DD or D.M.YYYY");
/// ```
pub fn refusal(why: &str) -> String {
    format!("{why}: a day is YYYY-MM-DD or D.M.YYYY")
}

/// A day in JSON, for `#[serde(with = "…")]`: written `YYYY-MM-DD`, read by
/// [`parse_day`] — so that a record's JSON takes the same texts as its CSV
/// (serde's own reading of a `NaiveDate` is chrono's, which also takes
/// `2024-2-3`, `+2024-02-03` and year 0).
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct Day(#[serde(with = "hanke_base::day::json")] chrono::NaiveDate);
/// assert!(serde_json::from_str::<Day>("\"2024-02-03\"").is_ok());
/// assert!(serde_json::from_str::<Day>("\"3.2.2024\"").is_ok());
/// assert!(serde_json::from_str::<Day>("\"2024-2-3\"").is_err());
/// ```
pub mod json {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the day as `YYYY-MM-DD` (chrono's form).
    pub fn serialize<S: Serializer>(day: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(day)
    }

    /// Reads a day by [`super::parse_day`]; the error says what is accepted
    /// and never repeats the text.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        read(&std::borrow::Cow::<'de, str>::deserialize(d)?)
    }

    /// A JSON string's day, or serde's error of [`super::refusal`].
    fn read<E: serde::de::Error>(text: &str) -> Result<NaiveDate, E> {
        super::parse_day(text.trim()).map_err(|why| E::custom(super::refusal(why)))
    }

    /// [`json`](self) for an optional day (`null` or absent is `None`; give
    /// the field `#[serde(default)]`).
    pub mod option {
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serializer};

        /// Writes the day as `YYYY-MM-DD`, or `null`.
        pub fn serialize<S: Serializer>(day: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            match day {
                Some(d) => s.collect_str(d),
                None => s.serialize_none(),
            }
        }

        /// Reads `null` as `None` and a day as [`super::deserialize`] does.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            Option::<std::borrow::Cow<'de, str>>::deserialize(d)?
                .map(|text| super::read(&text))
                .transpose()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("no such day");
        assert_eq!(parse_day("2016-03-01"), d(2016, 3, 1));
        assert_eq!(parse_day("1.3.2016"), d(2016, 3, 1));
        assert_eq!(parse_day("01.03.2016"), d(2016, 3, 1));
        assert_eq!(parse_day("29.2.2023"), Err("no such day"));
        assert_eq!(parse_day("2016-3-1"), Err("not a date"));
        assert_eq!(
            parse_day("5.3.21"),
            Err("a two-digit year, whose century would be a guess")
        );
        assert_eq!(parse_day("+1.3.2016"), Err("not a date"));
        for lenient in [
            "2016 -03-01",
            "+2016-03-01",
            "-0001-01-01",
            "2016-03-1",
            " 2016-03-01",
        ] {
            assert_eq!(parse_day(lenient), Err("not a date"), "{lenient}");
        }
    }
}
