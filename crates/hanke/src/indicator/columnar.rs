//! The common indicators over participant columns — the fast path of
//! [`CommonIndicators`]: the same rules as [`CommonIndicators::add`], evaluated
//! 64 records at a time as bitmaps.
//!
//! Each block of 64 rows is read column by column into bitmaps of facts (entered
//! by the cut-off, complete, unemployed, left, …); each indicator is then a few
//! `and`/`or` of those bitmaps, and its counts by gender are population counts
//! of the result against the three gender bitmaps. Nothing is allocated per
//! record or per block; calendar arithmetic (age at entry, six and twelve months
//! after the start of unemployment) comes from a table of the days 1900–2099
//! built once, with chrono for any other day. ADR 0012.

use std::sync::OnceLock;

use chrono::{Datelike, Months, NaiveDate};

use super::catalogue::Measure;
use super::compute::{CommonIndicators, Tally};
use crate::participant::columns::Code;
use crate::participant::columns::{
    Bitmap, CodeColumn, ColumnsError, DateColumn, FlagColumn, INVALID, ParticipantColumns,
    date_from_days, days_from_date, labour, low_bits,
};
use crate::participant::{Answer, ExitSituation, Gender, LtuDefinition, ParticipantRules};

/// Rows per block: one bit each in a `u64`.
const BLOCK: usize = 64;

/// Day numbers of dates, and `year·512 + month·32 + day` keys whose difference,
/// shifted right by 9, is the age in whole years (the month-and-day part never
/// reaches 512).
struct Calendar {
    base: i32,
    key: Vec<i32>,
    plus6: Vec<i32>,
    plus12: Vec<i32>,
    min_day: i32,
    max_day: i32,
}

fn key_of(d: NaiveDate) -> i32 {
    // Month ≤ 12 and day ≤ 31, so the sum stays below 512 and the cast is exact.
    d.year() * 512 + (d.month() * 32 + d.day()) as i32
}

/// The day `months` after `days`, as chrono adds months (clamped to the end of a
/// shorter month); `i32::MAX` past the last representable day, which no entry
/// date reaches — as the record path's `checked_add_months(..).is_some_and(..)`.
fn plus_months(days: i32, months: u32) -> i32 {
    date_from_days(days)
        .and_then(|d| d.checked_add_months(Months::new(months)))
        .map_or(i32::MAX, days_from_date)
}

impl Calendar {
    fn build() -> Calendar {
        let first = NaiveDate::from_ymd_opt(1900, 1, 1).map_or(0, days_from_date);
        let last = NaiveDate::from_ymd_opt(2099, 12, 31).map_or(0, days_from_date);
        let days = first..=last;
        Calendar {
            base: first,
            key: days
                .clone()
                .map(|d| date_from_days(d).map_or(0, key_of))
                .collect(),
            plus6: days.clone().map(|d| plus_months(d, 6)).collect(),
            plus12: days.map(|d| plus_months(d, 12)).collect(),
            min_day: days_from_date(NaiveDate::MIN),
            max_day: days_from_date(NaiveDate::MAX),
        }
    }

    fn index(&self, day: i32) -> usize {
        // Days before the base wrap to huge indices and miss the table.
        day.wrapping_sub(self.base) as u32 as usize
    }

    fn key(&self, day: i32) -> i32 {
        match self.key.get(self.index(day)) {
            Some(&k) => k,
            None => date_from_days(day).map_or(0, key_of),
        }
    }

    fn plus6(&self, day: i32) -> i32 {
        match self.plus6.get(self.index(day)) {
            Some(&d) => d,
            None => plus_months(day, 6),
        }
    }

    fn plus12(&self, day: i32) -> i32 {
        match self.plus12.get(self.index(day)) {
            Some(&d) => d,
            None => plus_months(day, 12),
        }
    }

    fn out_of_range(&self, day: i32) -> bool {
        day < self.min_day || day > self.max_day
    }
}

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(Calendar::build)
}

/// Zeros standing in for an absent date column.
static NO_DAYS: [i32; BLOCK] = [0; BLOCK];

/// One block of a date column: the days and which are present.
fn date_block<'c>(c: Option<&DateColumn<'c>>, start: usize, n: usize) -> (&'c [i32], u64) {
    match c {
        Some(c) => (
            c.days.get(start..start + n).unwrap_or(&NO_DAYS),
            valid_word(c.valid.as_ref(), start, n),
        ),
        None => (NO_DAYS.get(..n).unwrap_or(&NO_DAYS), 0),
    }
}

fn valid_word(valid: Option<&Bitmap<'_>>, start: usize, n: usize) -> u64 {
    valid.map_or(low_bits(n), |b| b.word(start, n))
}

/// Decodes one block of a categorical column into `out`; returns which rows are
/// present, or the error for a present row whose key is not a value.
fn code_block(
    c: Option<&CodeColumn<'_>>,
    column: &'static str,
    start: usize,
    n: usize,
    out: &mut [u8; BLOCK],
) -> Result<u64, ColumnsError> {
    let Some(c) = c else { return Ok(0) };
    let out = out.get_mut(..n).unwrap_or(&mut []);
    c.keys.decode_into(start, &c.decode, out);
    let valid = valid_word(c.valid.as_ref(), start, n);
    let bad = valid & eq_mask(out, INVALID);
    if bad != 0 {
        return Err(ColumnsError::InvalidValue {
            column,
            row: start + bad.trailing_zeros() as usize,
        });
    }
    Ok(valid)
}

/// Values and presence of one block of a yes/no column: (present, present and yes).
fn flag_block(c: Option<&FlagColumn<'_>>, start: usize, n: usize) -> (u64, u64) {
    c.map_or((0, 0), |c| {
        let valid = valid_word(c.valid.as_ref(), start, n);
        (valid, valid & c.values.word(start, n))
    })
}

fn eq_mask(codes: &[u8], value: u8) -> u64 {
    let mut m = 0u64;
    for (i, &c) in codes.iter().enumerate() {
        m |= u64::from(c == value) << i;
    }
    m
}

fn mask_where(values: &[i32], f: impl Fn(i32) -> bool) -> u64 {
    let mut m = 0u64;
    for (i, &v) in values.iter().enumerate() {
        m |= u64::from(f(v)) << i;
    }
    m
}

fn out_of_range(column: &'static str, start: usize, bad: u64) -> Result<(), ColumnsError> {
    if bad == 0 {
        Ok(())
    } else {
        Err(ColumnsError::DateOutOfRange {
            column,
            row: start + bad.trailing_zeros() as usize,
        })
    }
}

/// The facts of one block, as bitmaps over its rows.
#[derive(Default)]
struct Facts {
    /// Counted in the indicators: entered by the cut-off, and complete where the
    /// catalogue requires it.
    eligible: u64,
    woman: u64,
    man: u64,
    non_binary: u64,
    age_known: u64,
    unemployed: u64,
    inactive: u64,
    inactive_not_in_education: u64,
    employed: u64,
    ltu: u64,
    isced_known: u64,
    jobless: u64,
    children: u64,
    single_adult: u64,
    disability: u64,
    foreign_background: u64,
    third_country_national: u64,
    minority: u64,
    homeless: u64,
    other_disadvantaged: u64,
    job_searching: u64,
    education: u64,
    qualification: u64,
    employment: u64,
    follow_up_employed: u64,
    improved: u64,
}

/// Scratch space of one block, reused for every block.
struct Scratch {
    ages: [i32; BLOCK],
    isced: [i32; BLOCK],
    codes: [u8; BLOCK],
}

/// ISCED 2011 of an education code; `-1` for none (unknown, or not a code).
fn isced_of(code: u8) -> i32 {
    crate::classify::EducationLevel::from_code(code)
        .and_then(crate::classify::EducationLevel::isced_2011)
        .map_or(-1, i32::from)
}

/// Result categories of each exit-situation code: bit 0 job searching, 1
/// education or training, 2 employment.
fn situation_bits() -> [u8; 16] {
    let mut t = [0u8; 16];
    for s in ExitSituation::ALL {
        let c = ParticipantRules::result_categories(s);
        if let Some(slot) = t.get_mut(usize::from(s.column_code())) {
            *slot = u8::from(c.job_searching)
                | u8::from(c.education_or_training) << 1
                | u8::from(c.employment) << 2;
        }
    }
    t
}

impl CommonIndicators {
    /// Counts the participants of `columns` — the same result as
    /// [`Self::add`] for each record, 64 rows at a time. On an error (a present
    /// value that is not a code, a date out of range, a row without an entry
    /// date; the first one, with its row) nothing is counted.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hanke::indicator::{Catalogue, CommonIndicators};
    /// use hanke::participant::Gender;
    /// use hanke::participant::columns::{CodeColumn, DateColumn, Keys, ParticipantColumns};
    /// use hanke::rulebook::Rulebook;
    /// use hanke::programme::ProgrammePeriod;
    /// let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
    /// let entry = [19_782, 19_800, 20_500];
    /// let gender = [1u8, 0, 0];
    /// let cols = ParticipantColumns::new(DateColumn::new(&entry, None)).with_gender(
    ///     CodeColumn::new(Keys::U8(&gender), None, &[Some(Gender::Man), Some(Gender::Woman)]),
    /// )?;
    /// let cut_off = NaiveDate::from_ymd_opt(2025, 12, 31);
    /// let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules, cut_off)?;
    /// ind.add_columns(&cols)?;
    /// assert_eq!((ind.grand_total().women, ind.grand_total().men), (1, 1));
    /// assert_eq!(ind.incomplete().total(), 2); // nothing but gender is known
    /// assert_eq!(ind.not_yet_entered(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_columns(&mut self, columns: &ParticipantColumns<'_>) -> Result<(), ColumnsError> {
        let mut part = self.empty_like();
        let mut scratch = Scratch {
            ages: [0; BLOCK],
            isced: [0; BLOCK],
            codes: [0; BLOCK],
        };
        let situations = situation_bits();
        let len = columns.len();
        let mut start = 0;
        while start < len {
            let n = (len - start).min(BLOCK);
            part.add_block(columns, start, n, &mut scratch, &situations)?;
            start += n;
        }
        self.absorb(&part);
        Ok(())
    }

    fn add_block(
        &mut self,
        c: &ParticipantColumns<'_>,
        start: usize,
        n: usize,
        s: &mut Scratch,
        situations: &[u8; 16],
    ) -> Result<(), ColumnsError> {
        let cal = calendar();
        let all = low_bits(n);
        let cut = self.cut_off.map_or(i32::MAX, days_from_date);

        let (entry, entry_valid) = date_block(Some(&c.entry_date), start, n);
        if entry_valid != all {
            return Err(ColumnsError::MissingEntryDate {
                row: start + (!entry_valid & all).trailing_zeros() as usize,
            });
        }
        let (birth, birth_valid) = date_block(c.birth_date.as_ref(), start, n);
        let (since, since_valid) = date_block(c.unemployed_since.as_ref(), start, n);
        let (exit, exit_valid) = date_block(c.exit_date.as_ref(), start, n);
        let (follow, follow_valid) = date_block(c.follow_up_date.as_ref(), start, n);

        // One pass over the dates of each row.
        let (mut entered, mut born_by_entry, mut ltu6, mut ltu12, mut ltu12_reg) =
            (0u64, 0, 0, 0, 0);
        let (mut left_by_cut, mut followed_by_cut) = (0u64, 0u64);
        let mut bad = [0u64; 5];
        let rows = entry.iter().zip(birth).zip(since).zip(exit).zip(follow);
        for (i, ((((&e, &b), &u), &x), &f)) in rows.enumerate() {
            entered |= u64::from(e <= cut) << i;
            born_by_entry |= u64::from(b <= e) << i;
            if let Some(age) = s.ages.get_mut(i) {
                *age = (cal.key(e) - cal.key(b)) >> 9;
            }
            ltu6 |= u64::from(e > cal.plus6(u)) << i;
            let p12 = cal.plus12(u);
            ltu12 |= u64::from(e > p12) << i;
            ltu12_reg |= u64::from(e >= p12) << i;
            left_by_cut |= u64::from(x <= cut) << i;
            followed_by_cut |= u64::from(f <= cut) << i;
            for (slot, day) in bad.iter_mut().zip([e, b, u, x, f]) {
                *slot |= u64::from(cal.out_of_range(day)) << i;
            }
        }
        let names = [
            "entry_date",
            "birth_date",
            "unemployed_since",
            "exit_date",
            "follow_up_date",
        ];
        let valids = [
            entry_valid,
            birth_valid,
            since_valid,
            exit_valid,
            follow_valid,
        ];
        for ((name, valid), b) in names.into_iter().zip(valids).zip(bad) {
            out_of_range(name, start, valid & b)?;
        }
        let entered = entered & all;
        self.not_yet_entered = self
            .not_yet_entered
            .saturating_add(u64::from((all & !entered).count_ones()));

        // Gender, as the period accepts it.
        let gv = code_block(c.gender.as_ref(), "gender", start, n, &mut s.codes)?;
        let codes = s.codes.get(..n).unwrap_or(&[]);
        let accepts = |g: Gender| {
            if self.rules.accepts_gender(g) {
                u64::MAX
            } else {
                0
            }
        };
        let woman = gv & eq_mask(codes, Gender::Woman.column_code()) & accepts(Gender::Woman);
        let man = gv & eq_mask(codes, Gender::Man.column_code()) & accepts(Gender::Man);
        let non_binary =
            gv & eq_mask(codes, Gender::NonBinary.column_code()) & accepts(Gender::NonBinary);
        let gender_known = woman | man | non_binary;
        count(&mut self.grand_total, entered, woman, man, non_binary);

        // Labour status.
        let lv = code_block(
            c.labour_status.as_ref(),
            "labour_status",
            start,
            n,
            &mut s.codes,
        )?;
        let codes = s.codes.get(..n).unwrap_or(&[]);
        let unemployed = lv & eq_mask(codes, labour::UNEMPLOYED);
        let inactive_not_in_education = lv & eq_mask(codes, labour::INACTIVE);
        let inactive =
            inactive_not_in_education | (lv & eq_mask(codes, labour::INACTIVE_IN_EDUCATION));
        let employed =
            lv & (eq_mask(codes, labour::EMPLOYED) | eq_mask(codes, labour::SELF_EMPLOYED));

        // Education.
        let ev = code_block(c.education.as_ref(), "education", start, n, &mut s.codes)?;
        for (i, &code) in s.codes.iter().take(n).enumerate() {
            if let Some(slot) = s.isced.get_mut(i) {
                *slot = isced_of(code);
            }
        }
        let isced = s.isced.get(..n).unwrap_or(&[]);
        let isced_known = ev & mask_where(isced, |i| i >= 0);

        // Age at entry, as `age_on`: unknown when born after entry or older than 255.
        let ages = s.ages.get(..n).unwrap_or(&[]);
        let age_known = birth_valid & born_by_entry & mask_where(ages, |a| (0..=255).contains(&a));

        // Completeness, field by field as the period requires.
        let municipality = c
            .municipality
            .as_ref()
            .map_or(0, |m| valid_word(m.valid.as_ref(), start, n));
        let mut complete = all;
        for field in self.rules.required {
            use crate::participant::Field;
            let has = match field {
                Field::BirthDate => birth_valid & born_by_entry,
                Field::Gender => gender_known,
                Field::LabourStatus => lv,
                Field::UnemploymentStart => !(unemployed & !since_valid),
                Field::Education => isced_known,
                Field::Municipality => municipality,
                _ => all,
            };
            complete &= has;
        }
        let eligible = if self.catalogue.requires_complete_records() {
            let incomplete = entered & !complete;
            count(&mut self.incomplete, incomplete, woman, man, non_binary);
            entered & complete
        } else {
            entered
        };
        if eligible == 0 {
            return Ok(());
        }

        let ltu = unemployed
            & since_valid
            & match self.rules.ltu {
                LtuDefinition::AgeDependent => {
                    let young = mask_where(ages, |a| a < 25);
                    age_known & ((young & ltu6) | (!young & ltu12))
                }
                LtuDefinition::RegisteredTwelveMonths => ltu12_reg,
            };

        let mut answers = [0u64; 6];
        let answer_columns = [
            (&c.disability, "disability"),
            (&c.foreign_background, "foreign_background"),
            (&c.third_country_national, "third_country_national"),
            (&c.minority, "minority"),
            (&c.homeless, "homeless"),
            (&c.other_disadvantaged, "other_disadvantaged"),
        ];
        for (slot, (col, name)) in answers.iter_mut().zip(answer_columns) {
            let v = code_block(col.as_ref(), name, start, n, &mut s.codes)?;
            *slot = v & eq_mask(s.codes.get(..n).unwrap_or(&[]), Answer::Yes.column_code());
        }
        let [
            disability,
            foreign_background,
            third_country_national,
            minority,
            homeless,
            other,
        ] = answers;

        let (_, jobless) = flag_block(c.household_jobless.as_ref(), start, n);
        let (_, children) = flag_block(c.household_dependent_children.as_ref(), start, n);
        let (_, single_adult) = flag_block(c.household_single_adult.as_ref(), start, n);

        // Results upon leaving: left by the cut-off, the situation of the exit day.
        let left = exit_valid & left_by_cut;
        let sv = code_block(
            c.exit_situation.as_ref(),
            "exit_situation",
            start,
            n,
            &mut s.codes,
        )?;
        let (mut job_searching, mut education, mut employment) = (0u64, 0u64, 0u64);
        for (i, &code) in s.codes.iter().take(n).enumerate() {
            let bits = situations.get(usize::from(code)).copied().unwrap_or(0);
            job_searching |= u64::from(bits & 1) << i;
            education |= u64::from(bits >> 1 & 1) << i;
            employment |= u64::from(bits >> 2 & 1) << i;
        }
        let (job_searching, education, employment) = (
            left & sv & job_searching,
            left & sv & education,
            left & sv & employment,
        );
        let job_searching = if self.rules.job_search_excludes_employment {
            job_searching & !employment
        } else {
            job_searching
        };
        let (_, qualified) = flag_block(c.qualification_gained.as_ref(), start, n);
        let qualification = left & qualified;

        let followed = left & follow_valid & followed_by_cut;
        let (_, fu_employed) = flag_block(c.follow_up_employed.as_ref(), start, n);
        let iv = code_block(
            c.follow_up_improvement.as_ref(),
            "follow_up_improvement",
            start,
            n,
            &mut s.codes,
        )?;

        let f = Facts {
            eligible,
            woman,
            man,
            non_binary,
            age_known,
            unemployed,
            inactive,
            inactive_not_in_education,
            employed,
            ltu,
            isced_known,
            jobless,
            children,
            single_adult,
            disability,
            foreign_background,
            third_country_national,
            minority,
            homeless,
            other_disadvantaged: other,
            job_searching,
            education,
            qualification,
            employment,
            follow_up_employed: followed & fu_employed,
            improved: employed & followed & iv,
        };
        let measures = self.catalogue.indicators().iter().map(|i| i.measure);
        for (measure, tally) in measures.zip(&mut self.counts) {
            let bits = f.eligible & holds(measure, &f, ages, isced);
            count(tally, bits, f.woman, f.man, f.non_binary);
        }
        Ok(())
    }
}

fn count(t: &mut Tally, rows: u64, woman: u64, man: u64, non_binary: u64) {
    let (w, m, x) = (
        u64::from((rows & woman).count_ones()),
        u64::from((rows & man).count_ones()),
        u64::from((rows & non_binary).count_ones()),
    );
    t.women = t.women.saturating_add(w);
    t.men = t.men.saturating_add(m);
    t.non_binary = t.non_binary.saturating_add(x);
    let unknown = u64::from((rows & !(woman | man | non_binary)).count_ones());
    t.unknown = t.unknown.saturating_add(unknown);
}

/// The rows of a block for which `measure` holds — the bitmap form of
/// `compute::holds`, which a test keeps equal to it.
fn holds(measure: Measure, f: &Facts, ages: &[i32], isced: &[i32]) -> u64 {
    let age = |p: &dyn Fn(i32) -> bool| f.age_known & mask_where(ages, p);
    let disadvantaged = f.disability
        | f.foreign_background
        | f.third_country_national
        | f.minority
        | f.homeless
        | f.other_disadvantaged;
    let any_result = f.job_searching | f.education | f.qualification | f.employment;
    match measure {
        Measure::Total => u64::MAX,
        Measure::Unemployed => f.unemployed,
        Measure::LongTermUnemployed => f.ltu,
        Measure::Inactive => f.inactive,
        Measure::InactiveNotInEducation => f.inactive_not_in_education,
        Measure::Employed => f.employed,
        Measure::AgeBelow(n) => age(&|a| a < i32::from(n)),
        Measure::AgeFrom(n) => age(&|a| a >= i32::from(n)),
        Measure::AgeBetween(lo, hi) => age(&|a| (i32::from(lo)..=i32::from(hi)).contains(&a)),
        Measure::OlderUnemployedOrInactiveNotInEducation(n) => {
            age(&|a| a >= i32::from(n)) & (f.unemployed | f.inactive_not_in_education)
        }
        Measure::Isced(lo, hi) => {
            f.isced_known & mask_where(isced, |i| (i32::from(lo)..=i32::from(hi)).contains(&i))
        }
        Measure::JoblessHousehold => f.jobless,
        Measure::JoblessHouseholdWithChildren => f.jobless & f.children,
        Measure::SingleAdultWithChildren => f.single_adult & f.children,
        Measure::MigrantForeignBackgroundMinority => {
            f.foreign_background | f.third_country_national | f.minority
        }
        Measure::ForeignBackgroundOrMinority => f.foreign_background | f.minority,
        Measure::Disability => f.disability,
        Measure::ThirdCountryNational => f.third_country_national,
        Measure::ForeignBackground => f.foreign_background,
        Measure::Minority => f.minority,
        Measure::Homeless => f.homeless,
        Measure::OtherDisadvantaged => f.other_disadvantaged,
        Measure::Rural | Measure::Entity => 0,
        Measure::JobSearchingUponLeaving {
            inactive_at_entry_only,
        } => {
            f.job_searching
                & if inactive_at_entry_only {
                    f.inactive
                } else {
                    u64::MAX
                }
        }
        Measure::EducationUponLeaving => f.education,
        Measure::QualificationUponLeaving => f.qualification,
        Measure::EmploymentUponLeaving => f.employment,
        Measure::DisadvantagedPositiveUponLeaving => disadvantaged & any_result,
        Measure::EmployedSixMonths => f.follow_up_employed,
        Measure::ImprovedSixMonths => f.improved,
        Measure::OlderEmployedSixMonths(n) => age(&|a| a >= i32::from(n)) & f.follow_up_employed,
        Measure::DisadvantagedEmployedSixMonths => disadvantaged & f.follow_up_employed,
    }
}
