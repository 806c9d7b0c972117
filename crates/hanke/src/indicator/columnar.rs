//! The common indicators over participant columns — the fast path of
//! [`CommonIndicators`]: the same rules as [`CommonIndicators::add`], evaluated
//! 64 records at a time as bitmaps.
//!
//! Each block of 64 rows is read column by column into bitmaps of facts (entered
//! by the cut-off, complete, unemployed, left, …); each indicator is then a few
//! `and`/`or` of those bitmaps, and its counts by gender are population counts
//! of the result against the three gender bitmaps. Nothing is allocated per
//! record or per block; calendar arithmetic (age at entry in whole years, six
//! and twelve months after the start of unemployment, chrono's clamping at
//! month ends) becomes thresholds of the entry day — the last birth day for
//! each age tested, the last spell start for each duration — packed eight bytes
//! a day for 1995–2054 and computed with chrono for any other day, so that each
//! test is one comparison. ADR 0012.

use std::sync::OnceLock;

use chrono::{Datelike, Months, NaiveDate};

use super::compute::{CommonIndicators, Tally};
use crate::participant::columns::Code;
use crate::participant::columns::{
    Bitmap, CodeColumn, ColumnsError, DateColumn, FlagColumn, INVALID, Keys, NO_KEY,
    ParticipantColumns, date_from_days, days_from_date, labour, low_bits,
};
use crate::participant::{Answer, ExitSituation, Gender, LtuDefinition};
use crate::rulebook::ParticipantRules;
use crate::rulebook::{Catalogue, Measure};

/// Rows per block: one bit each in a `u64`.
const BLOCK: usize = 64;

/// The day `months` after `days`, as chrono adds months (clamped to the end of a
/// shorter month); `i32::MAX` past the last representable day, which no entry
/// date reaches — as the record path's `checked_add_months(..).is_some_and(..)`.
fn plus_months(days: i32, months: u32) -> i32 {
    date_from_days(days)
        .and_then(|d| d.checked_add_months(Months::new(months)))
        .map_or(i32::MAX, days_from_date)
}

/// The days the lookup tables cover, 1.1.1995 to 31.12.2054 (every project
/// year, with margin); days outside are computed row by row.
fn table_days() -> (i32, i32) {
    let day = |y| NaiveDate::from_ymd_opt(y, 1, 1).map_or(0, days_from_date);
    (day(1995), day(2055))
}

/// For each exit day of the tables' years, the day six calendar months later,
/// as [`plus_months`] gives it — the centre of the follow-up window
/// ([`ParticipantRules::follow_up_window`]) without a calendar computation per
/// row. Built once.
struct SixMonths {
    base: i32,
    days: Vec<i32>,
}

impl SixMonths {
    fn get() -> &'static SixMonths {
        static TABLE: OnceLock<SixMonths> = OnceLock::new();
        TABLE.get_or_init(|| {
            let (base, end) = table_days();
            SixMonths {
                base,
                days: (base..end).map(|d| plus_months(d, 6)).collect(),
            }
        })
    }

    /// Six months after `exit`; `None` outside the tables' years.
    fn after(&self, exit: i32) -> Option<i32> {
        // Days before the base wrap to huge indices and miss the table.
        let index = exit.wrapping_sub(self.base) as u32 as usize;
        self.days.get(index).copied()
    }
}

/// Columns of a [`Row`]: up to [`AGE_COLUMNS`] ages, then the three
/// unemployment-spell thresholds.
const WIDTH: usize = 8;
const AGE_COLUMNS: usize = 5;
/// Last start of unemployment that is more than six months before the entry day.
const LTU6: usize = 5;
/// … more than twelve months before.
const LTU12: usize = 6;
/// … twelve months or more before (the register definition).
const LTU12_REG: usize = 7;

/// Thresholds of one entry day: for each age `n` a catalogue tests, the last
/// birth day that makes the person at least `n` at entry (as `age_on` counts
/// whole years: the birthday reached on the day itself); and the last day an
/// unemployment spell can have started to last more than six months, more
/// than twelve, and at least twelve by the entry day (months as chrono adds
/// them, clamped to month ends). `i32::MIN` where no day qualifies.
///
/// Tests against the record path's calendar arithmetic then become one
/// comparison of a birth or start day with a threshold.
#[derive(Clone, Copy)]
struct Row([i32; WIDTH]);

/// The last day `d` (`i32::MIN` if none) for which `ok(d)` holds, given that
/// `ok` holds for every day up to some day and for none after, starting the
/// search at `guess` (a few days from the answer).
#[allow(
    clippy::arithmetic_side_effects,
    reason = "days of chrono's calendar (±262 143 years): far inside i32"
)]
fn last_day_where(guess: i32, ok: impl Fn(i32) -> bool) -> i32 {
    let (min, max) = (
        days_from_date(NaiveDate::MIN),
        days_from_date(NaiveDate::MAX),
    );
    let mut d = guess.clamp(min, max);
    while !ok(d) {
        if d == min {
            return i32::MIN;
        }
        d -= 1;
    }
    while d < max && ok(d + 1) {
        d += 1;
    }
    d
}

impl Row {
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "years of chrono's calendar minus an age in years: far inside i32"
    )]
    fn compute(entry: i32, ages: &[u16]) -> Row {
        let mut row = [i32::MIN; WIDTH];
        let Some(e) = date_from_days(entry) else {
            return Row(row);
        };
        for (slot, &n) in row.iter_mut().zip(ages) {
            // Age ≥ n ⇔ born on or before the same day n years earlier; for a
            // 29 February entry in a common year, on or before 28 February.
            let year = e.year() - i32::from(n);
            *slot = NaiveDate::from_ymd_opt(year, e.month(), e.day())
                .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28).filter(|_| e.month() == 2))
                .map_or(i32::MIN, days_from_date);
        }
        let before = |months: u32| {
            e.checked_sub_months(Months::new(months))
                .map_or(i32::MIN, days_from_date)
        };
        // plus_months is non-decreasing, so each set of qualifying starts is an
        // initial segment of days.
        let (six, twelve) = (before(6), before(12));
        let [.., ltu6, ltu12, ltu12_reg] = &mut row;
        *ltu6 = last_day_where(six, |u| plus_months(u, 6) < entry);
        *ltu12 = last_day_where(twelve, |u| plus_months(u, 12) < entry);
        *ltu12_reg = last_day_where(twelve, |u| plus_months(u, 12) <= entry);
        Row(row)
    }
}

/// The entry-day thresholds of one catalogue, packed: for each entry day of
/// 1995–2054 a `u64` of eight bytes, byte `j` the distance of threshold `j`
/// from the entry day less [`Thresholds::fixed`]`[j]` (the leap days in an
/// age's years; the length of a month-end spell). Eight bytes a day keep a
/// project's few years of entry days in the first-level cache, where a table
/// of whole thresholds (or one by birth day, which spans a lifetime) misses.
/// [`NOT_PACKED`] — and any day outside the table — means [`Row::compute`].
struct Thresholds {
    /// The ages tested, in column order.
    ages: Vec<u16>,
    /// The fixed part of each column's distance from the entry day.
    fixed: [i32; WIDTH],
    base: i32,
    rows: Vec<u64>,
}

/// A day whose thresholds are computed row by row.
const NOT_PACKED: u64 = u64::MAX;

/// The ages at entry whose "at least" test `measure` makes.
fn ages_tested(measure: Measure) -> [Option<u16>; 2] {
    match measure {
        Measure::AgeBelow(n)
        | Measure::AgeFrom(n)
        | Measure::OlderUnemployedOrInactiveNotInEducation(n)
        | Measure::OlderEmployedSixMonths(n) => [Some(u16::from(n)), None],
        Measure::AgeBetween(lo, hi) => [Some(u16::from(lo)), Some(u16::from(hi) + 1)],
        _ => [None, None],
    }
}

/// Every age a catalogue tests: its measures' and 25 (the split of the
/// Commission's long-term unemployment definition).
fn catalogue_ages(catalogue: Catalogue) -> Vec<u16> {
    let mut ages = vec![25];
    for i in catalogue.indicators() {
        ages.extend(ages_tested(i.measure).into_iter().flatten());
    }
    ages.sort_unstable();
    ages.dedup();
    ages
}

impl Thresholds {
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "day numbers of chrono's calendar and ages below 256: far inside i64; shifts below 64"
    )]
    fn build(catalogue: Catalogue) -> Thresholds {
        let mut ages = catalogue_ages(catalogue);
        // Five columns hold every catalogue's ages (a test checks); more would
        // go unanswered, so a longer list is cut only where the test fails.
        ages.truncate(AGE_COLUMNS);
        let mut fixed = [0; WIDTH];
        for (f, &n) in fixed.iter_mut().zip(&ages) {
            *f = 365 * i32::from(n);
        }
        let [.., ltu6, ltu12, ltu12_reg] = &mut fixed;
        (*ltu6, *ltu12, *ltu12_reg) = (150, 330, 330);
        let (base, end) = table_days();
        let pack = |e: i32| {
            let row = Row::compute(e, &ages);
            let mut word = 0u64;
            for (j, (&limit, &f)) in row.0.iter().zip(&fixed).enumerate() {
                if (ages.len()..LTU6).contains(&j) {
                    continue; // a column the catalogue does not use
                }
                let offset = i64::from(e) - i64::from(limit) - i64::from(f);
                match u8::try_from(offset) {
                    Ok(b) => word |= u64::from(b) << (8 * j),
                    Err(_) => return NOT_PACKED,
                }
            }
            if word == NOT_PACKED { NOT_PACKED } else { word }
        };
        Thresholds {
            rows: (base..end).map(pack).collect(),
            ages,
            fixed,
            base,
        }
    }

    /// The packed thresholds of an entry day, or [`NOT_PACKED`].
    #[inline]
    fn packed(&self, entry: i32) -> u64 {
        // Days before the base wrap to huge indices and miss the table.
        let index = entry.wrapping_sub(self.base) as u32 as usize;
        self.rows.get(index).copied().unwrap_or(NOT_PACKED)
    }

    /// The column of age `n`.
    fn column(&self, n: u16) -> Option<usize> {
        self.ages.iter().position(|&a| a == n)
    }
}

/// The rows where `day ≤ threshold j` of the row's entry day, from the packed
/// thresholds (rows whose word is [`NOT_PACKED`] are answered later).
#[inline]
#[allow(
    clippy::arithmetic_side_effects,
    reason = "byte lanes 0..8 of a 64-bit word: shifts below 64"
)]
fn mask_threshold(
    days: &[i32; BLOCK],
    entry: &[i32; BLOCK],
    words: &[u64; BLOCK],
    j: usize,
    fixed: i32,
) -> u64 {
    let shift = 8 * (j as u32 & 7);
    let mut bytes = [0u8; BLOCK];
    for (out, ((&d, &e), &w)) in bytes.iter_mut().zip(days.iter().zip(entry).zip(words)) {
        // e − d ≥ fixed + offset ⇔ d ≤ threshold; wrapping keeps padded rows harmless.
        let offset = ((w >> shift) & 0xff) as i32;
        *out = u8::from(e.wrapping_sub(d) >= fixed.wrapping_add(offset));
    }
    pack(&bytes)
}

fn thresholds(catalogue: Catalogue) -> &'static Thresholds {
    static ESF_2014: OnceLock<Thresholds> = OnceLock::new();
    static ESF_PLUS: OnceLock<Thresholds> = OnceLock::new();
    static MOST_DEPRIVED: OnceLock<Thresholds> = OnceLock::new();
    let slot = match catalogue {
        Catalogue::Esf2014 => &ESF_2014,
        Catalogue::EsfPlus => &ESF_PLUS,
        Catalogue::EsfPlusMostDeprived => &MOST_DEPRIVED,
    };
    slot.get_or_init(|| Thresholds::build(catalogue))
}

fn outside_dates(day: i32) -> bool {
    day < days_from_date(NaiveDate::MIN) || day > days_from_date(NaiveDate::MAX)
}

/// Zeros standing in for an absent date column.
static NO_DAYS: [i32; BLOCK] = [0; BLOCK];

/// Zeros standing in for an absent categorical column.
static NO_CODES: [u8; BLOCK] = [0; BLOCK];

/// A whole block of values: the column's own 64 in place, or the short last
/// block copied into `pad` and padded (fixed-length blocks let every loop below
/// be unrolled and vectorised; padded rows are never present, so never counted).
#[allow(
    clippy::arithmetic_side_effects,
    reason = "start + n ≤ the column's length, checked by the caller's loop"
)]
fn block_of<'x, T: Copy + Default>(
    values: &'x [T],
    start: usize,
    n: usize,
    pad: &'x mut [T; BLOCK],
) -> &'x [T; BLOCK] {
    let slice = values.get(start..start + n).unwrap_or(&[]);
    if let Ok(full) = <&[T; BLOCK]>::try_from(slice) {
        return full;
    }
    pad.fill(T::default());
    for (p, v) in pad.iter_mut().zip(slice) {
        *p = *v;
    }
    pad
}

/// One block of a date column: the days and which are present.
fn date_block<'x>(
    c: Option<&'x DateColumn<'x>>,
    start: usize,
    n: usize,
    pad: &'x mut [i32; BLOCK],
) -> (&'x [i32; BLOCK], u64) {
    match c {
        Some(c) => (
            block_of(c.days, start, n, pad),
            valid_word(c.valid.as_ref(), start, n),
        ),
        None => (&NO_DAYS, 0),
    }
}

fn valid_word(valid: Option<&Bitmap<'_>>, start: usize, n: usize) -> u64 {
    valid.map_or(low_bits(n), |b| b.word(start, n))
}

/// Rows decoded at a time into a [`Span`]: sixteen blocks.
const SPAN: usize = 16 * BLOCK;
/// Rows of keys narrowed to bytes at a time into a [`Span`]: 64 blocks (16
/// KB of `uint32` keys a column; at 1 M rows of polars codes 15.1–15.6 ms
/// against 16.0–16.6 for sixteen blocks and 19.3–20.0 for four, the kernel
/// example's `polars` mode, 2026-12-06).
const KEY_SPAN: usize = 64 * BLOCK;

/// Rows of one categorical column read ahead a span at a time: decoded to
/// internal codes, or narrowed to bytes (a column read in its key space
/// whose keys are wider). One tight loop over a span — blocks of a
/// column in a row — is faster than the same work block by block as the
/// kernel needs it: the loop keeps many independent reads in flight, and
/// the hardware prefetcher sees one long stream of the column's keys
/// instead of eleven short ones, which polars' `uint32` keys (four times the
/// bytes of the table's own) made the kernel wait on (issue 29;
/// BENCHMARKS.md).
#[derive(Debug, Default)]
struct Span {
    start: usize,
    /// A byte a row of the span.
    codes: Vec<u8>,
    /// For keys narrowed to bytes: each block's rows whose key is no byte.
    wide: Vec<u64>,
}

impl Span {
    /// Whether the span holds rows `start..start + n`, from a block's first row.
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "start ≥ self.start where it subtracts"
    )]
    fn holds(&self, start: usize, n: usize) -> bool {
        start >= self.start
            && start.saturating_add(n) <= self.start + self.codes.len()
            && (start - self.start) % BLOCK == 0
    }

    /// Starts a span at `start`: its length (up to `span` rows of a column
    /// of `rows`, at least `n`), each row `fill`.
    fn reset(&mut self, rows: usize, start: usize, n: usize, fill: u8, span: usize) {
        let len = rows.saturating_sub(start).min(span).max(n);
        self.start = start;
        self.codes.clear();
        self.codes.resize(len, fill);
        self.wide.clear();
    }

    /// Codes of rows `start..start + n` of `c` (`n` ≤ [`BLOCK`]), decoded
    /// through `table` a span at a time (a row past the column's keys is
    /// [`INVALID`]).
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "start ≥ self.start inside the held span"
    )]
    fn block<'x>(
        &'x mut self,
        c: &CodeColumn<'_>,
        table: &[u8; 256],
        start: usize,
        n: usize,
        pad: &'x mut [u8; BLOCK],
    ) -> &'x [u8; BLOCK] {
        if !self.holds(start, n) {
            self.reset(c.len(), start, n, INVALID, SPAN);
            c.keys.decode_through(start, table, &mut self.codes);
        }
        block_of(&self.codes, start - self.start, n, pad)
    }

    /// Keys of rows `start..start + n` of `keys` as their low bytes,
    /// narrowed a span at a time ([`key_bytes`]), and the rows among them
    /// whose key is no byte.
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "start ≥ self.start inside the held span; blocks of the span"
    )]
    fn keys<'x>(
        &'x mut self,
        c: &CodeColumn<'_>,
        start: usize,
        n: usize,
        pad: &'x mut [u8; BLOCK],
    ) -> (&'x [u8; BLOCK], u64) {
        let keys = c.keys;
        if !self.holds(start, n) {
            self.reset(keys.len(), start, n, 0, KEY_SPAN);
            for (b, out) in self.codes.chunks_mut(BLOCK).enumerate() {
                let from = start + b * BLOCK;
                // A block without a present row is never read: its keys
                // are not loaded (a follow-up column is mostly missing).
                if valid_word(c.valid.as_ref(), from, out.len()) == 0 {
                    self.wide.push(0);
                    continue;
                }
                let wide = match keys {
                    Keys::U8(k) => key_bytes(k, from, out),
                    Keys::I8(k) => key_bytes(k, from, out),
                    Keys::U16(k) => key_bytes(k, from, out),
                    Keys::I16(k) => key_bytes(k, from, out),
                    Keys::U32(k) => key_bytes(k, from, out),
                    Keys::I32(k) => key_bytes(k, from, out),
                    Keys::I64(k) => key_bytes(k, from, out),
                };
                self.wide.push(wide);
            }
        }
        let at = start - self.start;
        let wide = self.wide.get(at / BLOCK).copied().unwrap_or(0) & low_bits(n);
        (block_of(&self.codes, at, n, pad), wide)
    }
}

/// A key width the kernel narrows to bytes ([`key_bytes`]).
trait Key: Copy + Default + Eq + std::ops::BitOr<Output = Self> {
    /// Zero exactly where the key is a byte (0..=255): its bits above the
    /// low byte, or its sign.
    fn above_byte(self) -> Self;
    /// The low byte (truncation).
    fn low_byte(self) -> u8;
}

macro_rules! key_width {
    ($($t:ty: $shift:literal),*) => {$(
        impl Key for $t {
            #[inline]
            fn above_byte(self) -> Self {
                // An arithmetic shift for the signed widths: a negative
                // key stays negative, never zero.
                self >> $shift
            }
            #[inline]
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "the low byte, on purpose")]
            fn low_byte(self) -> u8 {
                self as u8
            }
        }
    )*};
}
key_width!(i8: 7, u16: 8, i16: 8, u32: 8, i32: 8, i64: 8);

/// Bytes are bytes (the kernel reads `u8` keys in place; a span of them is
/// copied as any width is narrowed).
impl Key for u8 {
    #[inline]
    fn above_byte(self) -> Self {
        0
    }
    #[inline]
    fn low_byte(self) -> u8 {
        self
    }
}

/// Keys of rows `start..start + out.len()` (at most [`BLOCK`]) as their low
/// bytes in `out` (0 past the keys), and the rows among them whose key is no
/// byte (negative, or 256 and more — whatever its low byte says). A whole
/// block is one loop the compiler vectorises (a truncation and an `or` of
/// the keys); only a block holding a key that is no byte (a null slot's
/// garbage, or a bad key) is compared key by key.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "a row inside the block: a bit index below 64"
)]
fn key_bytes<K: Key>(keys: &[K], start: usize, out: &mut [u8]) -> u64 {
    let keys = keys.get(start..).unwrap_or(&[]);
    let wide = |k: K| k.above_byte() != K::default();
    if let (Ok(out), Some(block)) = (
        <&mut [u8; BLOCK]>::try_from(&mut *out),
        keys.first_chunk::<BLOCK>(),
    ) {
        // The keys `or`-ed: a bit above the low byte (or a sign) in any key
        // is one in the result.
        let mut any = K::default();
        for (o, &k) in out.iter_mut().zip(block) {
            any = any | k;
            *o = k.low_byte();
        }
        return if any.above_byte() == K::default() {
            0
        } else {
            mask_by(block, wide)
        };
    }
    out.fill(0);
    let mut bits = 0;
    for (i, (o, &k)) in out.iter_mut().zip(keys).enumerate() {
        *o = k.low_byte();
        bits |= u64::from(wide(k)) << i;
    }
    bits
}

/// The rows whose byte is a key of `runs` (first key, how many): one
/// wrapping subtraction and compare a run.
fn in_runs(bytes: &[u8; BLOCK], runs: &[(u8, u8)]) -> u64 {
    match runs {
        // The keys from 0 (the table's own codes, pyarrow's dictionaries):
        // one compare, no subtraction.
        [(0, n)] => mask_by(bytes, |b| b < *n),
        _ => runs.iter().fold(0, |m, &(first, n)| {
            m | mask_by(bytes, |b| b.wrapping_sub(first) < n)
        }),
    }
}

/// One block of a categorical column, as the kernel tests it.
struct CodeBlock<'x> {
    /// A byte a row: the row's key where the column is read in its key
    /// space (`key_of`), else its internal code. Rows that are not present
    /// hold anything.
    bytes: &'x [u8; BLOCK],
    /// The rows present.
    valid: u64,
    /// Code → the byte that stands for it, for a column read in its key
    /// space ([`KeySpace::key_of`]) whose keys are not the codes; `None`:
    /// the bytes are the codes.
    key_of: Option<&'x [u8; 256]>,
}

impl CodeBlock<'_> {
    /// A block without a present row: of an absent column, or of rows all
    /// missing. Nothing is read, and no code is held.
    const NONE_PRESENT: CodeBlock<'static> = CodeBlock {
        bytes: &NO_CODES,
        valid: 0,
        key_of: None,
    };

    /// The rows present and holding `code`.
    fn is(&self, code: u8) -> u64 {
        let byte = self.key_of.map_or(code, |m| {
            m.get(usize::from(code)).copied().unwrap_or(NO_KEY)
        });
        self.valid & eq_mask(self.bytes, byte)
    }
}

/// What each byte of `c`'s blocks ([`CodeBlock::bytes`]) stands for, by
/// `by_code` (indexed by internal code; [`INVALID`] for no value): `by_code`
/// itself for a column decoded to codes, composed with the dictionary for one
/// read in its key space — one lookup a row instead of two.
fn by_byte<T: Copy>(c: Option<&CodeColumn<'_>>, by_code: &[T; 256]) -> [T; 256] {
    let mut t = *by_code;
    if let Some(c) = c.filter(|c| c.key_space.is_some()) {
        for (byte, slot) in t.iter_mut().enumerate() {
            let code = c.decode.get(byte).copied().unwrap_or(INVALID);
            if let Some(v) = by_code.get(usize::from(code)) {
                *slot = *v;
            }
        }
    }
    t
}

/// One block of a categorical column — its keys as bytes where it is read in
/// its key space (in place for `u8` keys), else decoded to internal codes (a
/// span at a time through `span` where the column's dictionary is small, else
/// into `out`) — and which rows are present; or the error for a present row
/// whose key is not a value.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "a row inside the block: start + a bit index below 64"
)]
fn code_block<'x>(
    c: Option<&'x CodeColumn<'x>>,
    column: &'static str,
    start: usize,
    n: usize,
    out: &'x mut [u8; BLOCK],
    span: &'x mut Span,
) -> Result<CodeBlock<'x>, ColumnsError> {
    let Some(c) = c else {
        return Ok(CodeBlock::NONE_PRESENT);
    };
    let valid = valid_word(c.valid.as_ref(), start, n);
    if valid == 0 {
        // No row present: nothing to read, nothing to refuse.
        return Ok(CodeBlock::NONE_PRESENT);
    }
    let space = c.key_space.as_deref();
    let key_of = space.filter(|s| !s.identity).map(|s| &s.key_of);
    let (bytes, bad) = match (space, c.keys, c.table.as_deref()) {
        // Bytes already: read in place.
        (Some(space), Keys::U8(keys), _) => {
            let bytes = block_of(keys, start, n, out);
            (bytes, valid & !in_runs(bytes, &space.runs))
        }
        (Some(space), _, _) => {
            let (bytes, wide) = span.keys(c, start, n, out);
            (bytes, valid & (wide | !in_runs(bytes, &space.runs)))
        }
        (None, _, Some(table)) => {
            let codes = span.block(c, table, start, n, out);
            (codes, valid & eq_mask(codes, INVALID))
        }
        (None, _, None) => {
            out.fill(INVALID);
            if let Some(head) = out.get_mut(..n) {
                c.keys.decode_into(start, &c.decode, head);
            }
            let bad = valid & eq_mask(out, INVALID);
            (&*out, bad)
        }
    };
    if bad != 0 {
        return Err(ColumnsError::InvalidValue {
            column,
            row: start + bad.trailing_zeros() as usize,
        });
    }
    Ok(CodeBlock {
        bytes,
        valid,
        key_of,
    })
}

/// Values and presence of one block of a yes/no column: (present, present and yes).
fn flag_block(c: Option<&FlagColumn<'_>>, start: usize, n: usize) -> (u64, u64) {
    c.map_or((0, 0), |c| {
        let valid = valid_word(c.valid.as_ref(), start, n);
        (valid, valid & c.values.word(start, n))
    })
}

/// The rows of a date column outside a window ([`outside`]).
#[cfg(feature = "arrow")]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Outside {
    /// How many.
    pub(crate) rows: u64,
    /// The first, counted from the column's first row.
    pub(crate) first: Option<usize>,
}

#[cfg(feature = "arrow")]
impl Outside {
    /// `self` followed by `later`, whose rows start at row `offset`.
    pub(crate) fn then(self, later: Outside, offset: usize) -> Outside {
        Outside {
            rows: self.rows.saturating_add(later.rows),
            first: self
                .first
                .or_else(|| later.first.map(|r| r.saturating_add(offset))),
        }
    }
}

/// The rows whose entry date, and those whose exit date, lie outside
/// `period`'s eligibility window ([`crate::programme::ProgrammePeriod::eligibility`]) — what
/// the record path's plausibility check says of each record
/// (`PART-PLAUS-003`); the column path counts such rows as given and says so
/// ([`crate::import::arrow::add_batches`]).
#[cfg(feature = "arrow")]
pub(crate) fn outside_eligibility(
    columns: &ParticipantColumns<'_>,
    period: crate::programme::ProgrammePeriod,
) -> [Outside; 2] {
    let (from, to) = period.eligibility();
    let (from, to) = (days_from_date(from), days_from_date(to));
    [
        outside(&columns.entry_date, from, to),
        columns
            .exit_date
            .as_ref()
            .map_or_else(Outside::default, |c| outside(c, from, to)),
    ]
}

/// The rows of `c` whose day is present and outside `from ..= to` (days
/// since 1970): how many, and the first. Read a block at a time as the
/// kernel reads dates — a byte a row with no branch (`d - from` wraps past
/// the window's width for a day before it as for one after it), packed
/// into bits, then the validity word: a missing date's slot holds anything
/// (often 0, 1970) and is no date outside the window.
#[cfg(feature = "arrow")]
#[allow(
    clippy::arithmetic_side_effects,
    reason = "row numbers inside the column, in steps of a block"
)]
pub(crate) fn outside(c: &DateColumn<'_>, from: i32, to: i32) -> Outside {
    let width = to.wrapping_sub(from) as u32;
    let mut out = Outside::default();
    let mut pad = [0i32; BLOCK];
    let mut start = 0;
    while start < c.days.len() {
        let n = (c.days.len() - start).min(BLOCK);
        let (days, valid) = date_block(Some(c), start, n, &mut pad);
        let beyond = mask_by(days, |d| (d.wrapping_sub(from) as u32) > width) & valid;
        if beyond != 0 {
            out.rows = out.rows.saturating_add(u64::from(beyond.count_ones()));
            out.first
                .get_or_insert(start + beyond.trailing_zeros() as usize);
        }
        start += BLOCK;
    }
    out
}

/// Packs 64 bytes into the bits of a `u64`: bit `i` is set where byte `i` is
/// not 0. Writing conditions as bytes first lets the compiler vectorise them;
/// the bytes are then gathered sixteen at a time with one SIMD compare and
/// `movemask` (SSE2 on x86-64, NEON on aarch64, scalar elsewhere) through
/// `wide`, a maintained safe abstraction — the crate itself stays free of
/// `unsafe`. Issue 29: 310 → 272 instructions a row and about 20 % less time
/// than a multiply per eight bytes (ADR 0025 §8, BENCHMARKS.md).
#[allow(
    clippy::arithmetic_side_effects,
    reason = "four lanes of sixteen: shifts below 64"
)]
fn pack(bytes: &[u8; BLOCK]) -> u64 {
    let zero = wide::u8x16::splat(0);
    let mut m = 0u64;
    for (k, chunk) in bytes.chunks_exact(16).enumerate() {
        let mut sixteen = [0u8; 16];
        sixteen.copy_from_slice(chunk);
        // `move_mask` gives the lanes equal to zero; the set bits are the rest.
        let zeros = wide::u8x16::new(sixteen).cmp_eq(zero).move_mask();
        let set = !(zeros as u32) & 0xFFFF;
        m |= u64::from(set) << (16 * k);
    }
    m
}

/// The rows where `f` holds for the value, as bits.
#[inline]
fn mask_by<T: Copy>(values: &[T; BLOCK], f: impl Fn(T) -> bool) -> u64 {
    let mut bytes = [0u8; BLOCK];
    for (b, &v) in bytes.iter_mut().zip(values) {
        *b = u8::from(f(v));
    }
    pack(&bytes)
}

fn eq_mask(codes: &[u8; BLOCK], value: u8) -> u64 {
    mask_by(codes, |c| c == value)
}

fn mask_where(values: &[i32; BLOCK], f: impl Fn(i32) -> bool) -> u64 {
    mask_by(values, f)
}

/// The rows where `f` holds for the two columns' values, as bits.
#[inline]
fn mask_pairs(a: &[i32; BLOCK], b: &[i32; BLOCK], f: impl Fn(i32, i32) -> bool) -> u64 {
    let mut bytes = [0u8; BLOCK];
    for (out, (&x, &y)) in bytes.iter_mut().zip(a.iter().zip(b)) {
        *out = u8::from(f(x, y));
    }
    pack(&bytes)
}

#[allow(
    clippy::arithmetic_side_effects,
    reason = "a row inside the block: start + a bit index below 64"
)]
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
    /// Age at entry at least `ages[j]` (of the catalogue's [`Thresholds`]).
    at_least: [u64; AGE_COLUMNS],
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

/// `len` rows cut into at most `threads` contiguous ranges of whole 64-row
/// blocks, each but the last at least `min_rows` long (so `len` below twice
/// `min_rows` is one range); together they cover every row once, in order
/// (one empty range for no rows).
pub(crate) fn split_rows(
    len: usize,
    threads: usize,
    min_rows: usize,
) -> Vec<std::ops::Range<usize>> {
    hanke_base::split::contiguous(len, threads, min_rows, BLOCK)
}

/// Lookup tables of one computation, indexed by the bytes of the column's
/// blocks ([`by_byte`]).
struct Tables {
    /// Result categories of the exit situation ([`situation_bits`]).
    situations: [u8; 256],
    /// ISCED 2011 of the education ([`isced_table`]).
    isced: [i32; 256],
    thresholds: &'static Thresholds,
}

/// Scratch space of one block, reused for every block.
struct Scratch {
    days: [[i32; BLOCK]; 5],
    /// The packed thresholds of the block's entry days.
    words: [u64; BLOCK],
    isced: [i32; BLOCK],
    codes: [u8; BLOCK],
    /// The decoded spans of the categorical columns, in the order
    /// [`CommonIndicators::add_block`] reads them.
    spans: [Span; CODE_COLUMNS],
}

/// Categorical columns the kernel reads: gender, labour status, education,
/// six answers, the exit situation and the follow-up's improvement.
const CODE_COLUMNS: usize = 11;

/// ISCED 2011 of each education code; `-1` for none (unknown, or not a code).
fn isced_table() -> [i32; 256] {
    let mut t = [-1; 256];
    for level in crate::classify::EducationLevel::ALL {
        if let (Some(slot), Some(isced)) =
            (t.get_mut(usize::from(level.code())), level.isced_2011())
        {
            *slot = i32::from(isced);
        }
    }
    t
}

/// Result categories of each exit-situation code: bit 0 job searching, 1
/// education or training, 2 employment (none for a byte that is no code).
fn situation_bits() -> [u8; 256] {
    let mut t = [0u8; 256];
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
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "start < len in the loop; n ≤ len − start"
    )]
    pub fn add_columns(&mut self, columns: &ParticipantColumns<'_>) -> Result<(), ColumnsError> {
        self.add_ranges(columns, std::slice::from_ref(&(0..columns.len())))
    }

    /// [`Self::add_columns`] on up to `threads` threads (at most 64): the rows are split
    /// into that many contiguous ranges (each but the last at least
    /// [`Self::MIN_ROWS_PER_THREAD`] long, so a small table stays on the
    /// calling thread), each counted on its own thread, and the parts merged in row
    /// order. The counts are integers, so the result is **identical** to
    /// [`Self::add_columns`] for any number of threads; on an error it is the
    /// same error (the first in row order) and nothing is counted.
    ///
    /// Threads are opt-in (ADR 0025): a library embedded in a server, a
    /// notebook's worker or a phone should not take cores it was not given,
    /// and one core already counts 50 M rows a second. The threads are scoped
    /// (`std::thread::scope`): none outlives the call.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use hanke::indicator::{Catalogue, CommonIndicators};
    /// use hanke::rulebook::Rulebook;
    /// use hanke::programme::ProgrammePeriod;
    /// let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
    /// let table = hanke::synthetic::benchmark_table(200_000, rules);
    /// let mut one = CommonIndicators::new(Catalogue::EsfPlus, rules, None)?;
    /// one.add_columns(&table.columns())?;
    /// let mut two = CommonIndicators::new(Catalogue::EsfPlus, rules, None)?;
    /// two.add_columns_parallel(&table.columns(), NonZeroUsize::new(2).unwrap())?;
    /// assert_eq!(one, two);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_columns_parallel(
        &mut self,
        columns: &ParticipantColumns<'_>,
        threads: std::num::NonZeroUsize,
    ) -> Result<(), ColumnsError> {
        let ranges = split_rows(columns.len(), threads.get(), Self::MIN_ROWS_PER_THREAD);
        self.add_ranges(columns, &ranges)
    }

    /// Counts each of `ranges` (which cover the rows once, in order) on its
    /// own thread, the first on the calling one, and absorbs the parts in
    /// order — nothing if any range has an error (the first range's).
    pub(crate) fn add_ranges(
        &mut self,
        columns: &ParticipantColumns<'_>,
        ranges: &[std::ops::Range<usize>],
    ) -> Result<(), ColumnsError> {
        // A panic in a counting thread is a bug of the kernel: it reaches
        // the caller as a panic, as one thread would have met it.
        let this = &*self;
        let parts = hanke_base::split::on_threads(ranges, |r| this.count_rows(columns, r));
        // The first error in row order, as one thread would have met it.
        let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
        for part in &parts {
            self.absorb(part);
        }
        Ok(())
    }

    /// No thread of [`Self::add_columns_parallel`] but the last counts fewer
    /// rows than this (about 1 ms of work): starting a thread costs tens of
    /// microseconds.
    pub const MIN_ROWS_PER_THREAD: usize = 65_536;

    /// The counts of `rows` of `columns` (64-row blocks from `rows.start`),
    /// as a part to absorb; the first error in the range.
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "start < end in the loop; n ≤ end − start"
    )]
    fn count_rows(
        &self,
        columns: &ParticipantColumns<'_>,
        rows: std::ops::Range<usize>,
    ) -> Result<CommonIndicators, ColumnsError> {
        let mut part = self.empty_like();
        let mut scratch = Scratch {
            days: [[0; BLOCK]; 5],
            words: [0; BLOCK],
            isced: [0; BLOCK],
            codes: [0; BLOCK],
            spans: Default::default(),
        };
        let tables = Tables {
            situations: by_byte(columns.exit_situation.as_ref(), &situation_bits()),
            isced: by_byte(columns.education.as_ref(), &isced_table()),
            thresholds: thresholds(self.catalogue),
        };
        let end = rows.end.min(columns.len());
        let mut start = rows.start;
        while start < end {
            let n = (end - start).min(BLOCK);
            part.add_block(columns, start, n, &mut scratch, &tables)?;
            start += n;
        }
        Ok(part)
    }

    #[allow(
        clippy::arithmetic_side_effects,
        reason = "a row inside the block: start + a bit index below 64; rest ≠ 0 in the loop"
    )]
    fn add_block(
        &mut self,
        c: &ParticipantColumns<'_>,
        start: usize,
        n: usize,
        s: &mut Scratch,
        tables: &Tables,
    ) -> Result<(), ColumnsError> {
        let all = low_bits(n);
        let cut = self.cut_off.map_or(i32::MAX, days_from_date);

        let [pad_e, pad_b, pad_u, pad_x, pad_f] = &mut s.days;
        let (entry, entry_valid) = date_block(Some(&c.entry_date), start, n, pad_e);
        if entry_valid != all {
            return Err(ColumnsError::MissingEntryDate {
                row: start + (!entry_valid & all).trailing_zeros() as usize,
            });
        }
        let (birth, birth_valid) = date_block(c.birth_date.as_ref(), start, n, pad_b);
        let (since, since_valid) = date_block(c.unemployed_since.as_ref(), start, n, pad_u);
        let (exit, exit_valid) = date_block(c.exit_date.as_ref(), start, n, pad_x);
        let (follow, follow_valid) = date_block(c.follow_up_date.as_ref(), start, n, pad_f);
        for (name, days, valid) in [
            ("entry_date", entry, entry_valid),
            ("birth_date", birth, birth_valid),
            ("unemployed_since", since, since_valid),
            ("exit_date", exit, exit_valid),
            ("follow_up_date", follow, follow_valid),
        ] {
            let bad = valid & mask_where(days, outside_dates);
            out_of_range(name, start, bad)?;
        }

        // The thresholds of each row's entry day (the only gather).
        let t = tables.thresholds;
        let width = t.ages.len();
        let mut computed = 0u64;
        for (i, (w, &e)) in s.words.iter_mut().zip(entry).enumerate() {
            *w = t.packed(e);
            computed |= u64::from(*w == NOT_PACKED) << i;
        }
        let words = &s.words;
        let threshold = |days: &[i32; BLOCK], j: usize| {
            let fixed = t.fixed.get(j).copied().unwrap_or(0);
            mask_threshold(days, entry, words, j, fixed)
        };
        let mut at_least = [0u64; AGE_COLUMNS];
        for (j, bits) in at_least.iter_mut().enumerate().take(width) {
            *bits = threshold(birth, j);
        }
        let mut ltu6 = threshold(since, LTU6);
        let mut ltu12 = threshold(since, LTU12);
        let mut ltu12_reg = threshold(since, LTU12_REG);
        // Entry days without packed thresholds (far from the project years, or
        // the padding of a short block): row by row.
        let mut rest = computed & all;
        while rest != 0 {
            let i = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let (Some(&e), Some(&b), Some(&u)) = (entry.get(i), birth.get(i), since.get(i)) else {
                continue;
            };
            let row = Row::compute(e, &t.ages);
            let set = |bits: &mut u64, yes: bool| {
                *bits = (*bits & !(1 << i)) | (u64::from(yes) << i);
            };
            for (bits, &limit) in at_least.iter_mut().zip(&row.0).take(width) {
                set(bits, b <= limit);
            }
            let [.., l6, l12, l12_reg] = row.0;
            set(&mut ltu6, u <= l6);
            set(&mut ltu12, u <= l12);
            set(&mut ltu12_reg, u <= l12_reg);
        }
        let entered = mask_where(entry, |e| e <= cut);
        let born_by_entry = mask_pairs(birth, entry, |b, e| b <= e);
        let left_by_cut = mask_where(exit, |x| x <= cut);
        let followed_by_cut = mask_where(follow, |f| f <= cut);
        let entered = entered & all;
        self.not_yet_entered = self
            .not_yet_entered
            .saturating_add(u64::from((all & !entered).count_ones()));

        // Gender, as the period accepts it.
        let [
            gender_span,
            labour_span,
            education_span,
            a0,
            a1,
            a2,
            a3,
            a4,
            a5,
            situation_span,
            improvement_span,
        ] = &mut s.spans;
        let gender = code_block(
            c.gender.as_ref(),
            "gender",
            start,
            n,
            &mut s.codes,
            gender_span,
        )?;
        let accepts = |g: Gender| {
            if self.rules.accepts_gender(g) {
                u64::MAX
            } else {
                0
            }
        };
        let is = |g: Gender| gender.is(g.column_code()) & accepts(g);
        let (woman, man, non_binary) = (is(Gender::Woman), is(Gender::Man), is(Gender::NonBinary));
        let gender_known = woman | man | non_binary;
        count(&mut self.grand_total, entered, woman, man, non_binary);

        // Labour status.
        let status = code_block(
            c.labour_status.as_ref(),
            "labour_status",
            start,
            n,
            &mut s.codes,
            labour_span,
        )?;
        // A "long-term unemployed" label is unemployed, with its claim checked below.
        let lv = status.valid;
        let claimed_long_term = status.is(labour::UNEMPLOYED_LONG_TERM);
        let unemployed = status.is(labour::UNEMPLOYED) | claimed_long_term;
        let inactive_not_in_education = status.is(labour::INACTIVE);
        let inactive = inactive_not_in_education | status.is(labour::INACTIVE_IN_EDUCATION);
        let employed = status.is(labour::EMPLOYED) | status.is(labour::SELF_EMPLOYED);

        // Education.
        let education = code_block(
            c.education.as_ref(),
            "education",
            start,
            n,
            &mut s.codes,
            education_span,
        )?;
        let ev = education.valid;
        for (slot, &byte) in s.isced.iter_mut().zip(education.bytes) {
            *slot = tables.isced.get(usize::from(byte)).copied().unwrap_or(-1);
        }
        let isced = &s.isced;
        let isced_known = ev & mask_where(isced, |i| i >= 0);

        // Age at entry, as `age_on`: unknown only when born after entry (an
        // implausible age is a finding of the rules, and counts in its group).
        let at_least_age = |n: u16| t.column(n).and_then(|j| at_least.get(j)).copied();
        let age_known = birth_valid & born_by_entry;

        // Completeness, field by field as the period requires.
        let municipality = c
            .municipality
            .as_ref()
            .map_or(0, |m| valid_word(m.valid.as_ref(), start, n));
        let mut complete = all;
        for field in self.rules.required_at(self.cut_off) {
            use crate::participant::Field;
            let has = match field {
                // The three household flags together (the reader refuses a
                // household given in part).
                Field::Household => {
                    let (j, _) = flag_block(c.household_jobless.as_ref(), start, n);
                    let (d, _) = flag_block(c.household_dependent_children.as_ref(), start, n);
                    let (s1, _) = flag_block(c.household_single_adult.as_ref(), start, n);
                    j & d & s1
                }
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
        let ltu = unemployed
            & since_valid
            & match self.rules.ltu {
                LtuDefinition::AgeDependent => {
                    let young = !at_least_age(25).unwrap_or(0);
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
        let answer_spans = [a0, a1, a2, a3, a4, a5];
        for ((slot, (col, name)), span) in answers.iter_mut().zip(answer_columns).zip(answer_spans)
        {
            *slot = code_block(col.as_ref(), name, start, n, &mut s.codes, span)?
                .is(Answer::Yes.column_code());
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
        let situation = code_block(
            c.exit_situation.as_ref(),
            "exit_situation",
            start,
            n,
            &mut s.codes,
            situation_span,
        )?;
        let sv = situation.valid;
        let mut bits = [0u8; BLOCK];
        for (b, &byte) in bits.iter_mut().zip(situation.bytes) {
            *b = tables
                .situations
                .get(usize::from(byte))
                .copied()
                .unwrap_or(0);
        }
        let bits = &bits;
        let job_searching = mask_by(bits, |b| b & 1 != 0);
        let education = mask_by(bits, |b| b & 2 != 0);
        let employment = mask_by(bits, |b| b & 4 != 0);
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

        // A follow-up counts only about six months after the exit (the
        // rules' window, as the record path): checked row by row, for the
        // rows that have one — a minority, and month arithmetic is not a mask.
        // A follow-up counts only about six months after the exit (the rules'
        // window, as the record path): checked for the rows that have one.
        // Inside the tables' years the window is day arithmetic around the
        // tabled day six months after the exit; outside, the rules' calendar
        // computation decides.
        let mut followed = left & follow_valid & followed_by_cut;
        let tolerance = i32::try_from(self.rules.follow_up_tolerance_days).unwrap_or(i32::MAX);
        let six = SixMonths::get();
        let mut rest = followed;
        while rest != 0 {
            let i = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let (Some(&x), Some(&f)) = (exit.get(i), follow.get(i)) else {
                continue;
            };
            let counts = match six.after(x) {
                Some(centre) => (centre.saturating_sub(tolerance)
                    ..=centre.saturating_add(tolerance))
                    .contains(&f),
                None => date_from_days(x)
                    .zip(date_from_days(f))
                    .is_some_and(|(x, f)| self.rules.follow_up_counts(x, f)),
            };
            if !counts {
                followed &= !(1 << i);
            }
        }
        let (_, fu_employed) = flag_block(c.follow_up_employed.as_ref(), start, n);
        let iv = code_block(
            c.follow_up_improvement.as_ref(),
            "follow_up_improvement",
            start,
            n,
            &mut s.codes,
            improvement_span,
        )?
        .valid;

        // Rows the record reader would refuse for values that contradict each
        // other: refused here too, at the first such row of the block.
        let young = !at_least_age(25).unwrap_or(0);
        let long_term_ok = since_valid
            & match self.rules.ltu {
                // As the record reader checks it: an unknown age takes the
                // twelve months of those 25 or older.
                LtuDefinition::AgeDependent => ltu12 | (age_known & young & ltu6),
                LtuDefinition::RegisteredTwelveMonths => ltu12_reg,
            };
        let (qv, _) = flag_block(c.qualification_gained.as_ref(), start, n);
        let (fev, _) = flag_block(c.follow_up_employed.as_ref(), start, n);
        let (hj, _) = flag_block(c.household_jobless.as_ref(), start, n);
        let (hc, _) = flag_block(c.household_dependent_children.as_ref(), start, n);
        let (hs, _) = flag_block(c.household_single_adult.as_ref(), start, n);
        for (column, rows, why) in [
            (
                "labour_status",
                claimed_long_term & !since_valid,
                "\"long-term unemployed\" needs `unemployed_since`: long-term unemployment is derived from when the unemployment began",
            ),
            (
                "unemployed_since",
                since_valid & !unemployed,
                "given, but the labour-market status is not `unemployed`",
            ),
            (
                "unemployed_since",
                claimed_long_term & since_valid & !long_term_ok,
                "\"long-term unemployed\", but the unemployment is not long-term on entry",
            ),
            (
                "exit_date",
                (sv | qv) & !exit_valid,
                "exit data given without an exit date",
            ),
            (
                "follow_up_date",
                (fev | iv) & !follow_valid,
                "follow-up data given without a follow-up date",
            ),
            (
                "follow_up_date",
                follow_valid & !exit_valid,
                "a follow-up needs an exit date",
            ),
            (
                "household_jobless",
                (hj | hc | hs) & !(hj & hc & hs),
                "the household is given in part: give household_jobless, household_dependent_children and household_single_adult together",
            ),
        ] {
            let rows = rows & all & if c.reader_checks { u64::MAX } else { 0 };
            if rows != 0 {
                return Err(ColumnsError::Inconsistent {
                    column,
                    row: start + rows.trailing_zeros() as usize,
                    why,
                });
            }
        }
        if eligible == 0 {
            return Ok(());
        }

        let f = Facts {
            eligible,
            woman,
            man,
            non_binary,
            age_known,
            at_least,
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
            let bits = f.eligible & holds(measure, &f, t, isced);
            count(tally, bits, f.woman, f.man, f.non_binary);
        }
        Ok(())
    }
}

/// Adds the rows of `rows` to `t` by gender. The genders partition the rows
/// (women, men, non-binary, unknown), so men are what the others leave: three
/// population counts, or fewer where a block has no non-binary or unknown
/// rows — a count is a dozen instructions on CPUs without `popcnt`.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "popcounts of disjoint subsets of `rows`: w + x + u ≤ total"
)]
fn count(t: &mut Tally, rows: u64, woman: u64, man: u64, non_binary: u64) {
    if rows == 0 {
        return;
    }
    let ones = |bits: u64| u64::from(bits.count_ones());
    let total = ones(rows);
    let w = ones(rows & woman);
    let x = match rows & non_binary {
        0 => 0,
        bits => ones(bits),
    };
    let u = match rows & !(woman | man | non_binary) {
        0 => 0,
        bits => ones(bits),
    };
    // w + x + u ≤ total: disjoint subsets of `rows`.
    let m = total - w - x - u;
    t.women = t.women.saturating_add(w);
    t.men = t.men.saturating_add(m);
    t.non_binary = t.non_binary.saturating_add(x);
    t.unknown = t.unknown.saturating_add(u);
}

/// The rows of a block for which `measure` holds — the bitmap form of
/// `compute::holds`, which a test keeps equal to it.
fn holds(measure: Measure, f: &Facts, t: &Thresholds, isced: &[i32; BLOCK]) -> u64 {
    fn in_range(values: &[i32; BLOCK], lo: i32, hi: i32) -> u64 {
        mask_where(values, |v| v >= lo && v <= hi)
    }
    // Every age a catalogue's measures test has a column (Thresholds::build).
    let at_least = |n: u16| {
        t.column(n)
            .and_then(|j| f.at_least.get(j))
            .copied()
            .unwrap_or(0)
    };
    let age = |lo: u8, hi: Option<u8>| {
        let below = hi.map_or(0, |hi| at_least(u16::from(hi) + 1));
        f.age_known & at_least(u16::from(lo)) & !below
    };
    // As `Disadvantages::any_yes`: the special-category items, not homelessness.
    let disadvantaged = f.disability
        | f.foreign_background
        | f.third_country_national
        | f.minority
        | f.other_disadvantaged;
    let any_result = f.job_searching | f.education | f.qualification | f.employment;
    match measure {
        Measure::Total => u64::MAX,
        Measure::Unemployed => f.unemployed,
        Measure::LongTermUnemployed => f.ltu,
        Measure::Inactive => f.inactive,
        Measure::InactiveNotInEducation => f.inactive_not_in_education,
        Measure::Employed => f.employed,
        Measure::AgeBelow(n) => f.age_known & !age(n, None),
        Measure::AgeFrom(n) => age(n, None),
        Measure::AgeBetween(lo, hi) => age(lo, Some(hi)),
        Measure::OlderUnemployedOrInactiveNotInEducation(n) => {
            age(n, None) & (f.unemployed | f.inactive_not_in_education)
        }
        Measure::Isced(lo, hi) => f.isced_known & in_range(isced, i32::from(lo), i32::from(hi)),
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
        Measure::OlderEmployedSixMonths(n) => age(n, None) & f.follow_up_employed,
        Measure::DisadvantagedEmployedSixMonths => disadvantaged & f.follow_up_employed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "arrow")]
    proptest::proptest! {
        /// `outside` is the rows one by one: present (by a
        /// validity bitmap at any bit offset) and before or after the
        /// window, counted, the first named — over columns of any length
        /// (across words of 64 rows), days anywhere in `i32`, and windows
        /// of any width.
        #[test]
        fn outside_is_the_rows_one_by_one(
            days in proptest::collection::vec(
                proptest::prop_oneof![18_000i32..23_000, proptest::prelude::any::<i32>()],
                0..300,
            ),
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 40..41),
            offset in 0usize..8,
            with_validity in proptest::prelude::any::<bool>(),
            from in 18_000i32..21_000,
            width in 0i32..3_000,
        ) {
            let to = from + width;
            let valid = with_validity.then(|| Bitmap::new(&bytes, offset, days.len()).unwrap());
            let col = DateColumn::new(&days, valid);
            let rows: Vec<usize> = (0..days.len())
                .filter(|&i| valid.is_none_or(|b| b.get(i)))
                .filter(|&i| days[i] < from || days[i] > to)
                .collect();
            let want = Outside { rows: rows.len() as u64, first: rows.first().copied() };
            proptest::prop_assert_eq!(outside(&col, from, to), want);
        }
    }

    #[test]
    fn every_catalogue_age_has_a_column_and_every_table_day_packs() {
        for catalogue in Catalogue::ALL {
            let ages = catalogue_ages(catalogue);
            assert!(ages.len() <= AGE_COLUMNS, "{catalogue:?}: {ages:?}");
            let t = thresholds(catalogue);
            assert_eq!(t.ages, ages);
            assert!(
                t.rows.iter().all(|&w| w != NOT_PACKED),
                "{catalogue:?}: a day of the table fell back to row-by-row"
            );
        }
    }

    #[test]
    fn thresholds_are_the_calendar_rules() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).map_or(0, days_from_date);
        // Entry 29 Feb 2024: 18 on the day for someone born 28 Feb 2006 (no
        // 29 Feb in 2006), not for 1 March 2006.
        let row = Row::compute(day(2024, 2, 29), &[18]);
        assert_eq!(row.0[0], day(2006, 2, 28));
        // Entry 31 March 2024: more than six months since 30 Sept 2023 (+6 months
        // = 30 March), not since 1 Oct; twelve months or more since 31 March 2023.
        let row = Row::compute(day(2024, 3, 31), &[]);
        assert_eq!(row.0[LTU6], day(2023, 9, 30));
        assert_eq!(row.0[LTU12], day(2023, 3, 30));
        assert_eq!(row.0[LTU12_REG], day(2023, 3, 31));
        // Entry 1 March 2024: 31 Aug + 6 months = 29 Feb < 1 March, and so for
        // 1 Sept (+6 = 1 March, not before).
        let row = Row::compute(day(2024, 3, 1), &[]);
        assert_eq!(row.0[LTU6], day(2023, 8, 31));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Any split of the rows — any number of threads, any least share —
        /// counts exactly what one pass counts, and fails with the same
        /// (first) error: on the benchmark data and on columns with bad
        /// values (a dictionary entry that is no gender, a key past the
        /// dictionary, a day out of range, a missing entry date).
        #[test]
        fn every_split_counts_as_one_pass(
            n in 0usize..2_500,
            threads in 1usize..7,
            min_rows in proptest::sample::select(vec![1usize, 64, 100, 1_000, 65_536]),
            bad in proptest::collection::vec((0usize..2_500, 0u8..4), 0..3),
        ) {
            use crate::participant::Gender;
            use crate::participant::columns::{Bitmap, CodeColumn, DateColumn, Keys};
            let rules = crate::rulebook::Rulebook::for_period(crate::programme::ProgrammePeriod::Period2021To2027)
                .and_then(|r| r.participants())
                .unwrap();
            let ranges = split_rows(n, threads, min_rows);
            proptest::prop_assert!(ranges.len() <= threads.max(1));
            proptest::prop_assert_eq!(ranges.first().map(|r| r.start), Some(0));
            proptest::prop_assert_eq!(ranges.last().map(|r| r.end), Some(n));
            for pair in ranges.windows(2) {
                proptest::prop_assert_eq!(pair[0].end, pair[1].start);
                proptest::prop_assert_eq!(pair[0].len() % BLOCK, 0);
                proptest::prop_assert!(pair[0].len() >= min_rows.min(n));
            }
            let cut_off = NaiveDate::from_ymd_opt(2025, 12, 31);
            let count = |columns: &ParticipantColumns<'_>, split: bool| {
                let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules, cut_off).unwrap();
                let r = if split { ind.add_ranges(columns, &ranges) } else { ind.add_columns(columns) };
                r.map(|()| ind)
            };
            let table = crate::synthetic::benchmark_table(n, rules);
            proptest::prop_assert_eq!(count(&table.columns(), true), count(&table.columns(), false));

            let mut entry: Vec<i32> = (0..n).map(|i| 19_000 + (i % 900) as i32).collect();
            let mut gender: Vec<u8> = (0..n).map(|i| (i % 2) as u8).collect();
            let mut valid = vec![0xFFu8; n.div_ceil(8)];
            for &(row, what) in &bad {
                let row = row % n.max(1);
                match what {
                    0 if n > 0 => gender[row] = 2,
                    1 if n > 0 => gender[row] = 7,
                    2 if n > 0 => entry[row] = i32::MAX,
                    3 if n > 0 => valid[row / 8] &= !(1 << (row % 8)),
                    _ => {}
                }
            }
            let columns = ParticipantColumns::new(DateColumn::new(&entry, Bitmap::new(&valid, 0, n)))
                .with_gender(CodeColumn::new(
                    Keys::U8(&gender),
                    None,
                    &[Some(Gender::Man), Some(Gender::Woman), None],
                ))
                .unwrap();
            proptest::prop_assert_eq!(count(&columns, true), count(&columns, false));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]
        /// Every way of decoding a categorical column counts what its codes
        /// count, and fails at the same first row: keys of every width,
        /// dictionaries short enough for the padded table (decoded a span at
        /// a time) and longer (checked key by key), the genders anywhere in
        /// them, and keys of no value — an entry that is none, a key past the
        /// dictionary, 255, a key that is a gender's plus 256 (which a
        /// narrowing by truncation would read as that gender), negative and
        /// huge keys — on any split of the rows.
        #[test]
        fn every_key_width_and_dictionary_decodes_as_the_codes(
            codes in proptest::collection::vec(0u8..3, 0..3_000),
            len in proptest::prop_oneof![3usize..40, 250usize..262, 300usize..400],
            picks in proptest::collection::vec(proptest::prelude::any::<proptest::sample::Index>(), 3),
            bad_rows in proptest::collection::vec((proptest::prelude::any::<proptest::sample::Index>(), 0usize..7), 0..6),
            threads in 1usize..4,
        ) {
            use crate::participant::Gender;
            use crate::participant::columns::{Bitmap, CodeColumn, DateColumn, Keys};
            let rules = crate::rulebook::Rulebook::for_period(crate::programme::ProgrammePeriod::Period2021To2027)
                .and_then(|r| r.participants())
                .unwrap();
            let n = codes.len();
            // Three distinct slots of the dictionary for the genders.
            let mut slots = [0usize; 3];
            let mut free: Vec<usize> = (0..len).collect();
            for (slot, pick) in slots.iter_mut().zip(&picks) {
                *slot = free.remove(pick.index(free.len()));
            }
            let none_entry = free.first().copied().map_or(len as i64, |f| f as i64);
            let bad_keys = [
                none_entry,
                len as i64,
                255,
                slots[0] as i64 + 256,
                -1,
                i64::from(u32::MAX),
                i64::MAX,
            ]
            // In a dictionary longer than 255, 255 or a gender's key + 256 may
            // be a gender's own entry: then a key past the dictionary instead.
            .map(|k| {
                if usize::try_from(k).is_ok_and(|k| slots.contains(&k)) {
                    len as i64
                } else {
                    k
                }
            });
            // Rows of no value: the reference's code 3 + which bad key.
            let mut reference = codes.clone();
            for (row, what) in &bad_rows {
                if n > 0 {
                    reference[row.index(n)] = 3 + *what as u8;
                }
            }
            let keys: Vec<i64> = reference
                .iter()
                .map(|&c| match slots.get(usize::from(c)) {
                    Some(&slot) => slot as i64,
                    None => bad_keys[usize::from(c - 3)],
                })
                .collect();
            let genders = [Gender::Woman, Gender::Man, Gender::NonBinary];
            let mut dictionary = vec![None; len];
            for (g, &slot) in genders.iter().zip(&slots) {
                dictionary[slot] = Some(*g);
            }
            let entry: Vec<i32> = (0..n).map(|i| 19_000 + (i % 900) as i32).collect();
            let valid = vec![0xFFu8; n.div_ceil(8)];
            let cut_off = NaiveDate::from_ymd_opt(2025, 12, 31);
            let ranges = split_rows(n, threads, BLOCK);
            let count = |gender: CodeColumn<'_>| {
                let columns = ParticipantColumns::new(DateColumn::new(&entry, Bitmap::new(&valid, 0, n)))
                    .with_gender(gender)
                    .unwrap();
                let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules, cut_off).unwrap();
                ind.add_ranges(&columns, &ranges).map(|()| ind)
            };
            let expected = count(CodeColumn::new(
                Keys::U8(&reference),
                None,
                &[Some(Gender::Woman), Some(Gender::Man), Some(Gender::NonBinary)],
            ));
            // A width that cannot hold every key is not asked to.
            macro_rules! narrowed {
                ($t:ty) => {
                    keys.iter().map(|&k| <$t>::try_from(k).ok()).collect::<Option<Vec<$t>>>()
                };
            }
            let (u8s, i8s, u16s, i16s, u32s, i32s) =
                (narrowed!(u8), narrowed!(i8), narrowed!(u16), narrowed!(i16), narrowed!(u32), narrowed!(i32));
            let columns = [
                ("u8", u8s.as_deref().map(Keys::U8)),
                ("i8", i8s.as_deref().map(Keys::I8)),
                ("u16", u16s.as_deref().map(Keys::U16)),
                ("i16", i16s.as_deref().map(Keys::I16)),
                ("u32", u32s.as_deref().map(Keys::U32)),
                ("i32", i32s.as_deref().map(Keys::I32)),
                ("i64", Some(Keys::I64(&keys))),
            ];
            for (width, k) in columns {
                if let Some(k) = k {
                    let got = count(CodeColumn::new(k, None, &dictionary));
                    proptest::prop_assert_eq!(&got, &expected, "{} keys", width);
                }
            }
        }
    }

    proptest::proptest! {
        /// `key_bytes` gives each key's low byte and marks exactly the keys
        /// that are no byte — every width, keys near and far from 0..=255,
        /// any start, a whole block or a short one (0 past the keys).
        #[test]
        fn key_bytes_are_low_bytes_and_mark_the_wide_keys(
            wide in proptest::collection::vec(
                proptest::prop_oneof![-300i64..300, proptest::prelude::any::<i64>()],
                0..200,
            ),
            start in 0usize..200,
            n in 0usize..=BLOCK,
        ) {
            macro_rules! check {
                ($($t:ty),*) => {$({
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "keys of every width")]
                    let keys: Vec<$t> = wide.iter().map(|&k| k as $t).collect();
                    let mut out = vec![7u8; n];
                    let got = key_bytes(&keys, start, &mut out);
                    let rows = keys.get(start..).unwrap_or(&[]);
                    let mut expected = 0u64;
                    for i in 0..n {
                        let key = rows.get(i).map(|&k| i128::from(k));
                        proptest::prop_assert_eq!(out[i], key.map_or(0, |k| k as u8), "{} byte {}", stringify!($t), i);
                        if key.is_some_and(|k| !(0..=255).contains(&k)) {
                            expected |= 1 << i;
                        }
                    }
                    proptest::prop_assert_eq!(got, expected, "{} wide keys", stringify!($t));
                })*};
            }
            check!(u8, i8, u16, i16, u32, i32, i64);
        }
    }

    /// Keys of one width, owned by a test.
    #[derive(Debug)]
    enum OwnedKeys {
        U8(Vec<u8>),
        I8(Vec<i8>),
        U16(Vec<u16>),
        I16(Vec<i16>),
        U32(Vec<u32>),
        I32(Vec<i32>),
        I64(Vec<i64>),
    }

    impl OwnedKeys {
        /// `keys` in width `w` (0..7), or `None` where a key does not fit.
        fn of(w: usize, keys: &[i64]) -> Option<OwnedKeys> {
            fn all<T: TryFrom<i64>>(keys: &[i64]) -> Option<Vec<T>> {
                keys.iter().map(|&k| T::try_from(k).ok()).collect()
            }
            Some(match w {
                0 => OwnedKeys::U8(all(keys)?),
                1 => OwnedKeys::I8(all(keys)?),
                2 => OwnedKeys::U16(all(keys)?),
                3 => OwnedKeys::I16(all(keys)?),
                4 => OwnedKeys::U32(all(keys)?),
                5 => OwnedKeys::I32(all(keys)?),
                _ => OwnedKeys::I64(keys.to_vec()),
            })
        }

        fn keys(&self) -> Keys<'_> {
            match self {
                OwnedKeys::U8(k) => Keys::U8(k),
                OwnedKeys::I8(k) => Keys::I8(k),
                OwnedKeys::U16(k) => Keys::U16(k),
                OwnedKeys::I16(k) => Keys::I16(k),
                OwnedKeys::U32(k) => Keys::U32(k),
                OwnedKeys::I32(k) => Keys::I32(k),
                OwnedKeys::I64(k) => Keys::I64(k),
            }
        }
    }

    /// The kernel's eleven categorical columns, by name.
    fn code_columns<'s, 'a>(
        c: &'s mut ParticipantColumns<'a>,
    ) -> [(&'static str, &'s mut Option<CodeColumn<'a>>); CODE_COLUMNS] {
        [
            ("gender", &mut c.gender),
            ("labour_status", &mut c.labour_status),
            ("education", &mut c.education),
            ("disability", &mut c.disability),
            ("foreign_background", &mut c.foreign_background),
            ("third_country_national", &mut c.third_country_national),
            ("minority", &mut c.minority),
            ("homeless", &mut c.homeless),
            ("other_disadvantaged", &mut c.other_disadvantaged),
            ("exit_situation", &mut c.exit_situation),
            ("follow_up_improvement", &mut c.follow_up_improvement),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        /// Every categorical column the kernel reads counts the same through
        /// any dictionary as by its codes, and fails at the same row: the
        /// synthetic table's eleven columns each re-keyed in any width through
        /// a shuffled dictionary — exactly its codes, or with entries that
        /// are no value, a few or between every two (read in its key space);
        /// with a value twice, or longer than 255 (decoded) — with garbage keys in the null slots, and a present
        /// key of no value (past the dictionary, 255, a key plus 256,
        /// negative, huge, an entry that is none) in one row, anywhere or in
        /// the last block: counted, or refused at the same row, as the codes
        /// are, on any split of the rows.
        #[test]
        fn every_column_counts_through_any_dictionary_as_its_codes(
            n in 0usize..1_500,
            shapes in proptest::collection::vec((0usize..6, 0usize..7, proptest::prelude::any::<u64>()), CODE_COLUMNS),
            bad in proptest::option::of((0usize..CODE_COLUMNS, proptest::prelude::any::<proptest::sample::Index>(), proptest::prelude::any::<bool>(), 0usize..6)),
            garbage in proptest::prelude::any::<proptest::sample::Index>(),
            period in proptest::sample::select(vec![
                (crate::programme::ProgrammePeriod::Period2014To2020, Catalogue::Esf2014),
                (crate::programme::ProgrammePeriod::Period2021To2027, Catalogue::EsfPlus),
            ]),
            threads in 1usize..4,
        ) {
            let (period, catalogue) = period;
            let rules = crate::rulebook::Rulebook::for_period(period)
                .and_then(|r| r.participants())
                .unwrap();
            let table = crate::synthetic::benchmark_table(n, rules);
            let cut_off = NaiveDate::from_ymd_opt(2025, 12, 31);
            let ranges = split_rows(n, threads, BLOCK);
            let count = |columns: &ParticipantColumns<'_>| {
                let mut ind = CommonIndicators::new(catalogue, rules, cut_off).unwrap();
                ind.add_ranges(columns, &ranges).map(|()| ind)
            };
            // The table's codes (its keys are the codes: 16 entries).
            let mut reference_columns = table.columns();
            let mut codes: Vec<Vec<u8>> = code_columns(&mut reference_columns)
                .map(|(_, c)| match c.as_ref().map(|c| c.keys) {
                    Some(Keys::U8(k)) => k.to_vec(),
                    other => panic!("the table's own keys: {other:?}"),
                })
                .into_iter()
                .collect();
            // The bad row anywhere, or in the last block (often a short one).
            let bad = bad.filter(|_| n > 0).map(|(col, row, last, kind)| {
                (col, if last { n - 1 - row.index(n.min(BLOCK)) } else { row.index(n) }, kind)
            });
            if let Some((col, row, _)) = bad {
                codes[col][row] = 16; // past the identity dictionary
            }
            for ((_, c), codes) in code_columns(&mut reference_columns).into_iter().zip(&codes) {
                if let Some(c) = c.as_mut() {
                    *c = CodeColumn::from_decode(Keys::U8(codes), c.valid, (0..16).collect());
                }
            }
            let expected = count(&reference_columns);

            // Each column re-keyed.
            let mut owned = Vec::new();
            let mut dictionaries = Vec::new();
            for (col, ((name, c), &(shape, width, seed))) in
                code_columns(&mut table.columns()).into_iter().zip(&shapes).enumerate()
            {
                let c = c.as_ref().unwrap();
                let mut rng = crate::synthetic::Rng(seed);
                // A shuffled dictionary of the sixteen codes, or of those
                // the column's present rows hold …
                let mut dictionary: Vec<u8> = if shape == 4 {
                    let mut present: Vec<u8> = codes[col]
                        .iter()
                        .enumerate()
                        .filter(|&(row, &code)| code < 16 && c.valid.as_ref().is_none_or(|v| v.get(row)))
                        .map(|(_, &code)| code)
                        .collect();
                    present.sort_unstable();
                    present.dedup();
                    present
                } else {
                    (0..16).collect()
                };
                for i in (1..dictionary.len()).rev() {
                    dictionary.swap(i, rng.below(i as u64 + 1) as usize);
                }
                // … with entries that are no value (a few anywhere, as in
                // polars' list of all categories; or between every two
                // values, as in a list a CSV reader filled row by row), a
                // value twice, or long.
                let extra = match shape {
                    1 => 1 + rng.below(3) as usize,
                    3 => 300,
                    _ => 0,
                };
                for _ in 0..extra {
                    let at = rng.below(dictionary.len() as u64 + 1) as usize;
                    dictionary.insert(at, INVALID);
                }
                if shape == 5 {
                    dictionary = dictionary.iter().flat_map(|&d| [INVALID, d]).collect();
                }
                if shape == 2 {
                    let code = rng.below(16) as u8;
                    let at = rng.below(17) as usize;
                    dictionary.insert(at, code);
                }
                let len = dictionary.len() as i64;
                let key_of = |code: u8| dictionary.iter().position(|&d| d == code).unwrap() as i64;
                let nulls = [0, len, 255, 256, -1, i64::from(u32::MAX), i64::MAX];
                let mut keys: Vec<i64> = codes[col]
                    .iter()
                    .enumerate()
                    .map(|(row, &code)| {
                        if c.valid.as_ref().is_some_and(|v| !v.get(row)) {
                            nulls[(garbage.index(nulls.len()) + row) % nulls.len()]
                        } else if code < 16 {
                            key_of(code)
                        } else {
                            0
                        }
                    })
                    .collect();
                if let Some((_, row, kind)) = bad.filter(|b| b.0 == col) {
                    keys[row] = match kind {
                        0 => len,
                        // An entry that is no value, where there is one.
                        5 => dictionary.iter().position(|&d| d == INVALID).map_or(len, |k| k as i64),
                        1 if len <= 255 => 255,
                        // Truncated to a byte, a key of the dictionary.
                        2 => 256 + rng.below(len.max(1) as u64) as i64,
                        3 => -1,
                        _ => i64::MAX,
                    };
                }
                // Widths that cannot hold every key fall back to 64 bits.
                let keys = OwnedKeys::of(width, &keys)
                    .unwrap_or(OwnedKeys::I64(keys));
                // Read in its key space, or decoded, as the dictionary allows.
                let in_key_space = matches!(shape, 0 | 1 | 4 | 5);
                proptest::prop_assert_eq!(
                    CodeColumn::from_decode(keys.keys(), c.valid, dictionary.clone()).key_space.is_some(),
                    in_key_space,
                    "{}: shape {}", name, shape
                );
                owned.push((keys, c.valid));
                dictionaries.push(dictionary);
            }
            let mut columns = table.columns();
            for (((_, c), (keys, valid)), dictionary) in
                code_columns(&mut columns).into_iter().zip(&owned).zip(&dictionaries)
            {
                *c = Some(CodeColumn::from_decode(keys.keys(), *valid, dictionary.clone()));
            }
            proptest::prop_assert_eq!(count(&columns), expected);
        }
    }

    /// The multiply-per-eight-bytes packing the kernel used before issue 29.
    fn pack_by_multiply(bytes: &[u8; BLOCK]) -> u64 {
        let mut m = 0u64;
        for (k, chunk) in bytes.chunks_exact(8).enumerate() {
            let w = u64::from_le_bytes(chunk.try_into().unwrap());
            m |= (w.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k);
        }
        m
    }

    proptest::proptest! {
        /// The SIMD packing sets exactly the bits of the non-zero bytes, and
        /// for bytes of 0 and 1 (what the kernel writes) equals the packing
        /// it replaced.
        #[test]
        fn simd_packing_equals_the_scalar_one(
            bits in proptest::prelude::any::<u64>(),
            noise in proptest::collection::vec(proptest::prelude::any::<u8>(), BLOCK),
        ) {
            let ones: [u8; BLOCK] = std::array::from_fn(|i| u8::from(bits >> i & 1 == 1));
            proptest::prop_assert_eq!(pack(&ones), bits);
            proptest::prop_assert_eq!(pack(&ones), pack_by_multiply(&ones));
            let any: [u8; BLOCK] = std::array::from_fn(|i| noise[i]);
            let expected = (0..BLOCK).fold(0u64, |m, i| m | (u64::from(any[i] != 0) << i));
            proptest::prop_assert_eq!(pack(&any), expected);
        }
    }
}
