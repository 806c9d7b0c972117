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

/// Seconds in a day.
const DAY_SECONDS: i64 = 86_400;

/// Days since 1970-01-01 of `d`.
fn days_since_1970(d: NaiveDate) -> i64 {
    d.signed_duration_since(NaiveDate::default()).num_days()
}

/// The last Sunday of `month` in `year`, as days since 1970-01-01.
fn last_sunday(year: i32, month: u32) -> i64 {
    use chrono::Datelike;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year.saturating_add(1), 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month.saturating_add(1), 1)
    };
    let Some(last) = next.and_then(|d| d.pred_opt()) else {
        return 0;
    };
    let back = i64::from(last.weekday().num_days_from_sunday());
    days_since_1970(last).saturating_sub(back)
}

/// Seconds east of UTC on Helsinki's clocks at the instant `t` (seconds since
/// 1970-01-01 UTC): the zone `Europe/Helsinki` of the IANA time-zone database —
/// Helsinki mean time (+1:39:49) until 1 May 1921; EET (+2) since, with
/// summer time (+3) from 2 April to 4 October 1942, in 1981–1982 from the last
/// Sunday of March 02:00 to the last Sunday of September 03:00 local time, and
/// from 1983 by the EU rule — the last Sunday of March to the last Sunday of
/// September (October from 1996), 01:00 UTC both (Directive 2000/84/EC Arts
/// 2–3; earlier EU directives). Tests check instants against Python's
/// `zoneinfo` on the same database.
///
/// ```
/// use hanke_base::day::helsinki_offset;
/// assert_eq!(helsinki_offset(1_704_067_200), 2 * 3600); // 2024-01-01 00:00 UTC: EET
/// assert_eq!(helsinki_offset(1_719_792_000), 3 * 3600); // 2024-07-01 00:00 UTC: EEST
/// ```
#[allow(
    clippy::arithmetic_side_effects,
    reason = "day numbers of years within chrono's range times 86 400: far inside i64"
)]
pub fn helsinki_offset(t: i64) -> i64 {
    use chrono::Datelike;
    const EET: i64 = 2 * 3600;
    const EEST: i64 = 3 * 3600;
    // 1921-05-01 00:00 HMT.
    if t < -1_535_938_789 {
        return 5989;
    }
    let Some(day) = chrono::DateTime::from_timestamp(t.div_euclid(DAY_SECONDS) * DAY_SECONDS, 0)
        .map(|d| d.date_naive())
    else {
        return EET;
    };
    let year = day.year();
    let summer = |start: i64, end: i64| if (start..end).contains(&t) { EEST } else { EET };
    let at = |days: i64, hour_utc: i64| days * DAY_SECONDS + hour_utc * 3600;
    match year {
        1942 => {
            let d = |m, dd| NaiveDate::from_ymd_opt(1942, m, dd).map_or(0, days_since_1970);
            // 2 April 24:00 EET = 2 April 22:00 UTC; 4 October 01:00 EEST = 3 October 22:00 UTC.
            summer(at(d(4, 2), 22), at(d(10, 3), 22))
        }
        1981 | 1982 => summer(at(last_sunday(year, 3), 0), at(last_sunday(year, 9), 0)),
        1983..=1995 => summer(at(last_sunday(year, 3), 1), at(last_sunday(year, 9), 1)),
        y if y >= 1996 => summer(at(last_sunday(year, 3), 1), at(last_sunday(year, 10), 1)),
        _ => EET,
    }
}

/// The day on Helsinki's clocks at the instant `t` (seconds since 1970-01-01
/// UTC) — *Helsingin päivä*: what day it is in Finland, whatever zone the
/// machine runs in (a server in UTC reads 30 June 00:30 in Helsinki as 29
/// June). `None` past chrono's dates.
///
/// ```
/// use chrono::NaiveDate;
/// use hanke_base::day::helsinki_day;
/// // 2024-06-29 21:30 UTC is 30 June 00:30 in Helsinki.
/// assert_eq!(helsinki_day(1_719_696_600), NaiveDate::from_ymd_opt(2024, 6, 30));
/// ```
pub fn helsinki_day(t: i64) -> Option<NaiveDate> {
    let local = t.saturating_add(helsinki_offset(t));
    chrono::DateTime::from_timestamp(local, 0).map(|d| d.date_naive())
}

/// Today in Helsinki, by the machine's clock ([`helsinki_day`] of now): the
/// day a Finnish project's "today" is, whatever the machine's own zone.
pub fn today_in_helsinki() -> NaiveDate {
    helsinki_day(chrono::Utc::now().timestamp()).unwrap_or_default()
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

    /// Instants around Helsinki's clock changes, with the day Python's
    /// `zoneinfo` gives (the Python suite checks many more against it
    /// through the table readers).
    #[test]
    fn helsinki_days() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let utc = |y, m, d, h: i64| days_since_1970(day(y, m, d).unwrap()) * DAY_SECONDS + h * 3600;
        // 2024-01-31 22:00 UTC is 2024-02-01 00:00 in Helsinki (EET).
        assert_eq!(helsinki_day(utc(2024, 1, 31, 22)), day(2024, 2, 1));
        assert_eq!(helsinki_day(utc(2024, 1, 31, 21)), day(2024, 1, 31));
        // Summer: 2024-06-30 21:00 UTC is 2024-07-01 00:00 EEST.
        assert_eq!(helsinki_day(utc(2024, 6, 30, 21)), day(2024, 7, 1));
        assert_eq!(helsinki_day(utc(2024, 6, 30, 20)), day(2024, 6, 30));
        // 1990: summer time ended on the last Sunday of September (30th).
        assert_eq!(helsinki_day(utc(1990, 10, 5, 21)), day(1990, 10, 5));
        assert_eq!(helsinki_day(utc(1990, 9, 5, 21)), day(1990, 9, 6));
        // 1975: no summer time.
        assert_eq!(helsinki_day(utc(1975, 7, 1, 21)), day(1975, 7, 1));
        assert_eq!(helsinki_day(utc(1975, 7, 1, 22)), day(1975, 7, 2));
        // Before 1921: Helsinki mean time, +1:39:49.
        assert_eq!(helsinki_offset(utc(1900, 1, 1, 0)), 5989);
    }
}
