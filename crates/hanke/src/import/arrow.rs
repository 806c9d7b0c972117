//! Participant data from Arrow record batches (feature `arrow`) — how a
//! polars, pandas or pyarrow table, or any Arrow producer, reaches hanke: as
//! columns for the indicators ([`with_columns`], [`add_batches`]) or as
//! records with an import report ([`read_records`]).
//!
//! **Both read a table as the CSV reader reads a file**, from the one field
//! table ([`crate::participant::fields`]): the same column names (English,
//! Finnish, Swedish; case, spaces, hyphens and underscores aside), the same
//! refusals with the same codes (an unknown column is `import.unknown_column`,
//! a column twice `import.duplicate_column` — name columns to leave out in
//! [`ImportOptions::ignore_columns`]), the same labels, and rows numbered from
//! 0 as data frames number them. The types each column accepts are in
//! [`ValueKind::arrow_types`]: for dates `Date32` (read in place), `Date64`
//! and timestamps (a time-zone aware timestamp is taken as its **day in
//! Helsinki**, said once a column, `IMP-TIME-002`; one whose clock shows a
//! time other than midnight — in Helsinki, for an aware one — is taken as its
//! day and reported at its row, `IMP-TIME-001`), and strings as in CSV;
//! categorical columns as strings or dictionaries (read in place, each
//! distinct label parsed once) — or as
//! integer keys with their labels given apart
//! ([`ImportOptions::categories`]: a polars frame's categoricals by their
//! codes, read exactly as the dictionary they make) — integer education
//! levels, booleans for yes/no columns and answers. A null column is a
//! column of missing values; a binary, list or other type is refused
//! (`columns.unsupported_type`). A dictionary's keys are checked wherever
//! its labels are read (Arrow's C interface does not check them): a present
//! key past its labels is `columns.invalid_value` at its row.
//!
//! The indicators' reader counts what the record reader would accept and
//! refuses, with the row, what it would reject (a value that is no value, a
//! start of unemployment for someone not unemployed, exit data without an
//! exit date…); a test holds the two to each other on generated tables.
//!
//! ```
//! use std::sync::Arc;
//! use arrow_array::{Date32Array, DictionaryArray, RecordBatch, types::Int8Type};
//! use hanke::import::ImportOptions;
//! use hanke::indicator::{Catalogue, CommonIndicators};
//! use hanke::import::arrow::with_columns;
//! use hanke::rulebook::Rulebook;
//! use hanke::programme::ProgrammePeriod;
//!
//! let gender: DictionaryArray<Int8Type> = vec!["nainen", "mies", "nainen"].into_iter().collect();
//! let batch = RecordBatch::try_from_iter([
//!     ("Aloituspäivä", Arc::new(Date32Array::from(vec![19_782, 19_800, 19_900])) as _),
//!     ("sukupuoli", Arc::new(gender) as _),
//! ])?;
//! let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
//! let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules, None)?;
//! let (counted, notes) = with_columns(&batch, &ImportOptions::default(), |cols| ind.add_columns(cols))?;
//! counted?;
//! assert!(notes.is_empty());
//! assert_eq!(ind.grand_total().women, 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date64Type, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type,
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, BooleanArray, RecordBatch};
use arrow_schema::{DataType, TimeUnit};
use chrono::NaiveDate;

use super::record::{Cell, RecordBuilder, code_of_label, text_is_valid};
use super::{ImportOptions, ImportReport};
use crate::finding::{Finding, rules};
use crate::indicator::{Outside, outside_eligibility};
use crate::participant::columns::{
    Bitmap, Code, CodeColumn, ColumnsError, DateColumn, FlagColumn, Keys, ParticipantColumns,
    PresenceColumn, date_from_days, days_from_date,
};
use crate::participant::fields::{Column, ValueKind, resolve_headers};
use crate::participant::{Answer, ExitSituation, Gender, Improvement, Participant};

// ---- Days --------------------------------------------------------------------

const DAY_SECONDS: i64 = 86_400;

use hanke_base::day::helsinki_offset;

/// The day in Helsinki of the instant `seconds` since 1970 UTC, as days since 1970.
#[cfg(test)]
fn helsinki_day(seconds: i64) -> i64 {
    day_of_instant(seconds, true, true).0
}

/// The day of an instant (`seconds` since 1970 UTC; `whole` when at a whole
/// second) as days since 1970 — its day in Helsinki when the column is
/// time-zone aware, its own day when naive — and whether the clock then shows
/// a time other than midnight, which is left out and reported
/// (`IMP-TIME-001`) on both readers: a time-zone aware timestamp at 01:30 in
/// Helsinki is as much a time of day as a naive one at 01:30.
fn day_of_instant(seconds: i64, whole: bool, zoned: bool) -> (i64, bool) {
    let local = if zoned {
        seconds.saturating_add(helsinki_offset(seconds))
    } else {
        seconds
    };
    (
        local.div_euclid(DAY_SECONDS),
        !whole || local.rem_euclid(DAY_SECONDS) != 0,
    )
}

/// A date column's day numbers, converted where they are not `Date32`.
struct Days {
    days: Vec<i32>,
    /// Rows (present) whose timestamp shows a time other than midnight (in
    /// Helsinki, for a time-zone aware column).
    time_of_day: Vec<usize>,
    /// Rows (present) whose day is out of range.
    out_of_range: Vec<usize>,
    /// Rows (present) whose text is not a date.
    invalid: Vec<usize>,
    /// Whether the column was time-zone aware (read as Helsinki days).
    zoned: bool,
}

fn unsupported(column: Column, a: &dyn Array) -> ColumnsError {
    ColumnsError::UnsupportedType {
        column: column.name(),
        found: a.data_type().to_string().into(),
        expected: column.spec().kind.arrow_types(),
    }
}

/// The strings of a string array (dictionary values or a plain column).
fn strings(a: &dyn Array) -> Option<Vec<Option<&str>>> {
    Some(match a.data_type() {
        DataType::Utf8 => a.as_string::<i32>().iter().collect(),
        DataType::LargeUtf8 => a.as_string::<i64>().iter().collect(),
        DataType::Utf8View => a.as_string_view().iter().collect(),
        _ => return None,
    })
}

fn is_string(t: &DataType) -> bool {
    matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
}

/// Seconds since 1970 UTC and whether the value is at a whole second, per row
/// of a timestamp or `Date64` column.
fn instants(a: &dyn Array) -> Option<Vec<(i64, bool)>> {
    let split = |v: i64, per: i64| (v.div_euclid(per), v.rem_euclid(per) == 0);
    Some(match a.data_type() {
        DataType::Date64 => a
            .as_primitive::<Date64Type>()
            .values()
            .iter()
            .map(|v| split(*v, 1000))
            .collect(),
        DataType::Timestamp(unit, _) => {
            let (values, per): (&[i64], i64) = match unit {
                TimeUnit::Second => (a.as_primitive::<TimestampSecondType>().values(), 1),
                TimeUnit::Millisecond => {
                    (a.as_primitive::<TimestampMillisecondType>().values(), 1000)
                }
                TimeUnit::Microsecond => (
                    a.as_primitive::<TimestampMicrosecondType>().values(),
                    1_000_000,
                ),
                TimeUnit::Nanosecond => (
                    a.as_primitive::<TimestampNanosecondType>().values(),
                    1_000_000_000,
                ),
            };
            values.iter().map(|v| split(*v, per)).collect()
        }
        _ => return None,
    })
}

/// The days of a non-`Date32` date column (see the module for the rules).
fn convert_days(column: Column, a: &dyn Array) -> Result<Days, ColumnsError> {
    let n = a.len();
    let mut out = Days {
        days: vec![0; n],
        time_of_day: Vec::new(),
        out_of_range: Vec::new(),
        invalid: Vec::new(),
        zoned: matches!(a.data_type(), DataType::Timestamp(_, Some(_))),
    };
    let present = |i: usize| a.is_valid(i);
    if let Some(values) = instants(a) {
        for (i, (seconds, whole)) in values.into_iter().enumerate() {
            if !present(i) {
                continue;
            }
            let (day, time_of_day) = day_of_instant(seconds, whole, out.zoned);
            if time_of_day {
                out.time_of_day.push(i);
            }
            match i32::try_from(day)
                .ok()
                .filter(|d| date_from_days(*d).is_some())
            {
                Some(d) => {
                    if let Some(slot) = out.days.get_mut(i) {
                        *slot = d;
                    }
                }
                None => out.out_of_range.push(i),
            }
        }
        return Ok(out);
    }
    if let Some(texts) = strings(a) {
        for (i, text) in texts.into_iter().enumerate() {
            let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
                continue;
            };
            match crate::import::record::parse_date(text) {
                Ok(d) => {
                    if let Some(slot) = out.days.get_mut(i) {
                        *slot = days_from_date(d);
                    }
                }
                Err(_) => out.invalid.push(i),
            }
        }
        return Ok(out);
    }
    Err(unsupported(column, a))
}

// ---- Categorical columns -----------------------------------------------------

/// The values of an integer array, borrowed as keys (dictionary keys, or
/// education codes); `None` for any other type.
fn integer_keys(a: &dyn Array) -> Option<Keys<'_>> {
    Some(match a.data_type() {
        DataType::Int8 => Keys::I8(a.as_primitive::<Int8Type>().values()),
        DataType::Int16 => Keys::I16(a.as_primitive::<Int16Type>().values()),
        DataType::Int32 => Keys::I32(a.as_primitive::<Int32Type>().values()),
        DataType::Int64 => Keys::I64(a.as_primitive::<Int64Type>().values()),
        DataType::UInt8 => Keys::U8(a.as_primitive::<UInt8Type>().values()),
        DataType::UInt16 => Keys::U16(a.as_primitive::<UInt16Type>().values()),
        DataType::UInt32 => Keys::U32(a.as_primitive::<UInt32Type>().values()),
        _ => return None,
    })
}

/// The keys of an integer array that index a table of `table_len` entries,
/// borrowed: `int8` keys (what pyarrow and polars give a small dictionary)
/// are read as their bytes, so that they take the identity fast path of the
/// kernel instead of being decoded block by block (issue 29). The bytes of a
/// negative key are 128 or more, outside any table of at most 128 entries,
/// so such a key is refused exactly as it was before; a longer table keeps
/// the signed keys.
fn table_keys(a: &dyn Array, table_len: usize) -> Option<Keys<'_>> {
    if a.data_type() == &DataType::Int8 && table_len <= 128 {
        let bytes = a.as_primitive::<Int8Type>().values().inner().as_slice();
        if bytes.len() == a.len() {
            return Some(Keys::U8(bytes));
        }
    }
    integer_keys(a)
}

/// An integer or float column as whole numbers, row by row (`None` for a
/// value that is not whole — a float column holds whole numbers where pandas
/// had missing values among integers; a fraction is no code); `None` for any
/// other type. Rows Arrow marks null hold whatever their buffer has. Every
/// integer of every width is itself (`i128`): a `uint64` past `i64::MAX` was
/// read as `i64::MAX` — another id, every such id the same one.
fn whole_numbers(a: &dyn Array) -> Option<Vec<Option<i128>>> {
    fn ints<T: arrow_array::ArrowPrimitiveType>(a: &dyn Array) -> Option<Vec<Option<i128>>>
    where
        i128: From<T::Native>,
    {
        let values = a.as_primitive::<T>().values();
        Some(values.iter().map(|v| Some(i128::from(*v))).collect())
    }
    fn whole(f: f64) -> Option<i128> {
        #[allow(
            clippy::cast_possible_truncation,
            reason = "a finite whole number below 2^53 is exactly an i64"
        )]
        (f.is_finite() && f.fract() == 0.0 && f.abs() < 9.0e15).then_some(i128::from(f as i64))
    }
    match a.data_type() {
        DataType::Int8 => ints::<Int8Type>(a),
        DataType::Int16 => ints::<Int16Type>(a),
        DataType::Int32 => ints::<Int32Type>(a),
        DataType::Int64 => ints::<Int64Type>(a),
        DataType::UInt8 => ints::<UInt8Type>(a),
        DataType::UInt16 => ints::<UInt16Type>(a),
        DataType::UInt32 => ints::<UInt32Type>(a),
        DataType::UInt64 => ints::<UInt64Type>(a),
        DataType::Float32 => Some(
            a.as_primitive::<Float32Type>()
                .values()
                .iter()
                .map(|v| whole(f64::from(*v)))
                .collect(),
        ),
        DataType::Float64 => Some(
            a.as_primitive::<Float64Type>()
                .values()
                .iter()
                .map(|v| whole(*v))
                .collect(),
        ),
        _ => None,
    }
}

/// The first row Arrow marks present whose value is not whole.
fn first_fraction(a: &dyn Array, values: &[Option<i128>]) -> Option<usize> {
    values
        .iter()
        .enumerate()
        .find(|(i, v)| v.is_none() && a.is_valid(*i))
        .map(|(i, _)| i)
}

/// A categorical column: borrowed keys where Arrow allows, else converted.
enum CodeSource<'b> {
    Borrowed(Keys<'b>, Vec<Option<u8>>),
    Converted(Vec<u8>, Vec<Option<u8>>),
}

/// Each distinct label of `labels` parsed once into keys and a dictionary.
fn from_labels<'s>(
    kind: ValueKind,
    labels: impl Iterator<Item = Option<&'s str>>,
    capacity: usize,
) -> (Vec<u8>, Vec<Option<u8>>) {
    let mut seen: Vec<(&str, u8)> = Vec::new();
    let mut dictionary: Vec<Option<u8>> = Vec::new();
    let mut keys = Vec::with_capacity(capacity);
    for l in labels {
        let l = l.map_or("", str::trim);
        let key = match seen.iter().find(|(s, _)| *s == l) {
            Some((_, k)) => *k,
            None => {
                let k = u8::try_from(dictionary.len()).unwrap_or(u8::MAX);
                if dictionary.len() < usize::from(u8::MAX) {
                    dictionary.push(code_of_label(kind, l));
                    seen.push((l, k));
                }
                k
            }
        };
        keys.push(key);
    }
    (keys, dictionary)
}

/// Dictionaries already read as codes in one reading of a table's batches, by
/// kind and labels. A polars frame of several chunks hands the same list of
/// all its categories for every batch and column, and a pyarrow table's
/// chunks often repeat a dictionary: each is read label by label once a
/// kind, not once a batch (issue 29: 49 batches of a 1 M-row `read_csv`
/// frame read 24 labels × 10 columns each, 7 ms a call). Labels are
/// compared as text, so equal lists are found whatever holds them.
#[derive(Default)]
pub(crate) struct LabelCodes {
    known: Vec<KnownLabels>,
}

/// One dictionary read as codes: its kind, its labels, their codes.
type KnownLabels = (ValueKind, Vec<Option<String>>, Vec<Option<u8>>);

impl LabelCodes {
    /// At most this many dictionaries are kept (each at most as long as the
    /// longest list read by codes).
    const KEPT: usize = 32;

    /// The internal code of each label (`None` for a label that is none, or
    /// no value of `kind`), as [`code_of_label`] reads it.
    fn codes(&mut self, kind: ValueKind, labels: &[Option<&str>]) -> Vec<Option<u8>> {
        let same = |known: &[Option<String>]| {
            known.len() == labels.len() && known.iter().zip(labels).all(|(k, l)| k.as_deref() == *l)
        };
        if let Some((_, _, codes)) = self.known.iter().find(|(k, l, _)| *k == kind && same(l)) {
            return codes.clone();
        }
        let codes: Vec<Option<u8>> = labels
            .iter()
            .map(|l| l.and_then(|l| code_of_label(kind, l.trim())))
            .collect();
        if self.known.len() < Self::KEPT {
            let owned = labels.iter().map(|l| l.map(str::to_owned)).collect();
            self.known.push((kind, owned, codes.clone()));
        }
        codes
    }
}

fn code_source<'b>(
    column: Column,
    a: &'b ArrayRef,
    labels: Option<&'b ArrayRef>,
    memo: &std::cell::Cell<LabelCodes>,
) -> Result<CodeSource<'b>, ColumnsError> {
    let kind = column.spec().kind;
    if let Some(d) = coded(a.as_ref(), labels) {
        let dictionary: Vec<Option<u8>> = strings(d.labels.as_ref())
            .map(|labels| {
                let mut known = memo.take();
                let codes = known.codes(kind, &labels);
                memo.set(known);
                codes
            })
            .ok_or_else(|| unsupported(column, a.as_ref()))?;
        let keys =
            table_keys(d.keys, dictionary.len()).ok_or_else(|| unsupported(column, a.as_ref()))?;
        return Ok(CodeSource::Borrowed(keys, dictionary));
    }
    if let Some(labels) = strings(a.as_ref()) {
        let n = labels.len();
        let (keys, dictionary) = from_labels(kind, labels.into_iter(), n);
        return Ok(CodeSource::Converted(keys, dictionary));
    }
    match (kind, a.data_type()) {
        // Booleans answer yes or no.
        (ValueKind::Answer, DataType::Boolean) => {
            let b = a.as_boolean();
            let keys = (0..b.len())
                .map(|i| if b.value(i) { 0 } else { 1 })
                .collect();
            let dictionary = vec![
                Some(Answer::Yes.column_code()),
                Some(Answer::No.column_code()),
            ];
            Ok(CodeSource::Converted(keys, dictionary))
        }
        // Education levels as integers: read in place (a level outside 0–9
        // is no key of the identity table: an error with its row).
        (ValueKind::Education, t) if t.is_integer() && integer_keys(a.as_ref()).is_some() => {
            let identity: Vec<Option<u8>> = (0..10).map(Some).collect();
            let keys = table_keys(a.as_ref(), identity.len())
                .ok_or_else(|| unsupported(column, a.as_ref()))?;
            Ok(CodeSource::Borrowed(keys, identity))
        }
        (ValueKind::Education, _) => match whole_numbers(a.as_ref()) {
            Some(values) => {
                if let Some(row) = first_fraction(a.as_ref(), &values) {
                    return Err(ColumnsError::InvalidValue {
                        column: column.name(),
                        row,
                    });
                }
                let keys = values
                    .iter()
                    .map(|v| {
                        v.and_then(|v| u8::try_from(v).ok())
                            .filter(|v| *v <= 9)
                            .unwrap_or(10)
                    })
                    .collect();
                let mut identity: Vec<Option<u8>> = (0..10).map(Some).collect();
                identity.push(None);
                Ok(CodeSource::Converted(keys, identity))
            }
            None => Err(unsupported(column, a.as_ref())),
        },
        _ => Err(unsupported(column, a.as_ref())),
    }
}

fn code_column<'b>(
    keys: Keys<'b>,
    valid: Option<Bitmap<'b>>,
    dictionary: &[Option<u8>],
) -> CodeColumn<'b> {
    let decode = dictionary
        .iter()
        .map(|c| c.unwrap_or(crate::participant::columns::INVALID))
        .collect();
    CodeColumn::from_decode(keys, valid, decode)
}

/// A column's validity bitmap, as Arrow holds it.
fn nulls(a: &dyn Array) -> Option<Bitmap<'_>> {
    a.nulls().and_then(|n| {
        let b = n.inner();
        Bitmap::new(b.values(), b.offset(), b.len())
    })
}

/// A bitmap of `bits`, packed as Arrow packs them.
fn packed(bits: impl Iterator<Item = bool>) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, b) in bits.enumerate() {
        if i % 8 == 0 {
            out.push(0);
        }
        if b {
            if let Some(last) = out.last_mut() {
                *last |= 1 << (i % 8);
            }
        }
    }
    out
}

// ---- Reading a batch ---------------------------------------------------------

/// A dictionary's keys and labels: an Arrow dictionary column's, or an
/// integer column's whose labels are given apart
/// ([`ImportOptions::categories`]). Every reader of labels takes a column
/// through this, so that the two are read alike.
#[derive(Clone, Copy)]
struct Coded<'a> {
    keys: &'a dyn Array,
    labels: &'a ArrayRef,
}

/// `a` as keys and labels: a dictionary column, or an integer column with
/// `labels` given apart.
fn coded<'a>(a: &'a dyn Array, labels: Option<&'a ArrayRef>) -> Option<Coded<'a>> {
    if let Some(d) = a.as_any_dictionary_opt() {
        return Some(Coded {
            keys: d.keys(),
            labels: d.values(),
        });
    }
    labels
        .filter(|_| a.data_type().is_integer())
        .map(|labels| Coded { keys: a, labels })
}

/// The labels [`ImportOptions::categories`] gives the columns of `batch` a
/// reader `reads`, by column (a name not in the batch is passed over). A
/// named column that is not integer, or whose kind no dictionary is read for
/// (dates, ids, identity codes, pseudonyms, municipalities), is refused — as
/// the dictionary it stands for would be, where that reader would meet it.
fn labels_by_column<'o>(
    batch: &RecordBatch,
    options: &'o ImportOptions,
    reads: impl Fn(Column) -> bool,
) -> Result<Vec<(Column, &'o ArrayRef)>, ColumnsError> {
    if options.categories.is_empty() {
        return Ok(Vec::new());
    }
    let schema = batch.schema_ref();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    let columns =
        resolve_names(&names, &options.ignore_columns, &[]).map_err(ColumnsError::Header)?;
    let mut out = Vec::new();
    for ((name, column), a) in names.iter().zip(columns).zip(batch.columns()) {
        let (Some(column), Some((_, labels))) = (
            column.filter(|c| reads(*c)),
            options.categories.iter().find(|(n, _)| n == name),
        ) else {
            continue;
        };
        let as_dictionary = DataType::Dictionary(
            Box::new(a.data_type().clone()),
            Box::new(labels.data_type().clone()),
        );
        if !a.data_type().is_integer() || !readable(column.spec().kind, &as_dictionary) {
            return Err(ColumnsError::UnsupportedType {
                column: column.name(),
                found: as_dictionary.to_string().into(),
                expected: column.spec().kind.arrow_types(),
            });
        }
        out.push((column, labels));
    }
    Ok(out)
}

/// The labels given apart for `column`, if any.
fn labels_of<'o>(labels: &[(Column, &'o ArrayRef)], column: Column) -> Option<&'o ArrayRef> {
    labels.iter().find(|(c, _)| *c == column).map(|(_, l)| *l)
}

/// The columns of `batch` (each a [`Column`] and its array), as the field
/// table reads the schema's names; ignored columns left out.
/// Column names a thread resolved, with what they resolved to.
type ResolvedNames = (
    Vec<String>,
    Vec<String>,
    Vec<Column>,
    Result<Vec<Option<Column>>, crate::participant::fields::HeaderError>,
);

/// [`resolve_headers`] of a batch's column names, remembered for the last
/// few names this thread resolved: the batches of one table have the same names
/// (a polars frame of several chunks is read as a batch a chunk), and each
/// batch's readers resolve them several times — 49 batches × 5 resolutions
/// of 21 names were 3.6 ms of a 1 M-row `read_csv` frame's call (issue 29).
/// A pure function's memo: the same answer, from names, ignored columns and
/// required columns all equal.
fn resolve_names(
    names: &[&str],
    ignore: &[String],
    required: &[Column],
) -> Result<Vec<Option<Column>>, crate::participant::fields::HeaderError> {
    /// Resolutions kept: the readers of a batch ask with up to three sets
    /// of required columns.
    const KEPT: usize = 4;
    thread_local! {
        static LAST: std::cell::Cell<Vec<ResolvedNames>> = const { std::cell::Cell::new(Vec::new()) };
    }
    LAST.with(|last| {
        let mut kept = last.take();
        let known = kept.iter().find(|(n, i, r, _)| {
            n.iter().map(String::as_str).eq(names.iter().copied())
                && i.as_slice() == ignore
                && r.as_slice() == required
        });
        let answer = match known {
            Some((.., answer)) => answer.clone(),
            None => {
                let answer = resolve_headers(names, ignore, required);
                if kept.len() >= KEPT {
                    drop(kept.remove(0));
                }
                kept.push((
                    names.iter().map(|n| (*n).to_owned()).collect(),
                    ignore.to_vec(),
                    required.to_vec(),
                    answer.clone(),
                ));
                answer
            }
        };
        last.set(kept);
        answer
    })
}

fn resolve<'b>(
    batch: &'b RecordBatch,
    options: &ImportOptions,
    required: &[Column],
) -> Result<Vec<(Column, &'b ArrayRef)>, ColumnsError> {
    let schema = batch.schema_ref();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    let columns =
        resolve_names(&names, &options.ignore_columns, required).map_err(ColumnsError::Header)?;
    Ok(columns
        .into_iter()
        .zip(batch.columns())
        .filter_map(|(c, a)| c.map(|c| (c, a)))
        .collect())
}

/// Refuses a present row of a dictionary column whose key is no entry of the
/// dictionary (negative, or past it) — the first such row of the first such
/// column, as an [`ColumnsError::InvalidValue`] at `offset` + its row.
///
/// Arrow's C data interface does not check a producer's keys (arrow-rs
/// imports a dictionary as given), and a key past the dictionary is no value:
/// without this check the readers took such a row as missing, or — through
/// a table of 256 entries — as another entry's label. Every reader that reads
/// a dictionary's labels row by row calls this first; the indicator kernel
/// also refuses such a key in its decoding. The fast path is one vectorised
/// pass of one unsigned comparison a key ([`Keys::all_below`]).
fn check_dictionary_keys(
    present: &[(Column, &ArrayRef)],
    labels: &[(Column, &ArrayRef)],
    offset: usize,
) -> Result<(), ColumnsError> {
    present.iter().try_for_each(|(column, a)| {
        check_keys(*column, a.as_ref(), labels_of(labels, *column), offset)
    })
}

/// [`check_dictionary_keys`] for one column (nothing to check unless it is
/// a dictionary, or integer keys with their labels given apart).
fn check_keys(
    column: Column,
    a: &dyn Array,
    labels: Option<&ArrayRef>,
    offset: usize,
) -> Result<(), ColumnsError> {
    let Some(d) = coded(a, labels) else {
        return Ok(());
    };
    let Some(keys) = integer_keys(d.keys) else {
        return Ok(());
    };
    let len = d.labels.len();
    if keys.all_below(len) {
        return Ok(());
    }
    let bad =
        (0..keys.len()).find(|&i| d.keys.is_valid(i) && keys.index(i).is_none_or(|k| k >= len));
    match bad {
        Some(row) => Err(ColumnsError::InvalidValue {
            column: column.name(),
            row: row.saturating_add(offset),
        }),
        None => Ok(()),
    }
}

/// Whether `a` is a dictionary with a blank label (its rows are then read
/// label by label: a blank is a missing value, as in a file).
fn has_blank_label(a: &dyn Array, labels: Option<&ArrayRef>) -> bool {
    coded(a, labels)
        .and_then(|d| strings(d.labels.as_ref()))
        .is_some_and(|labels| labels.iter().any(|t| t.is_none_or(|t| t.trim().is_empty())))
}

/// The label of each row of a dictionary of strings (`None` for a null key
/// or a null entry), looked up key by key — whatever the dictionary's length.
/// Keys are checked first ([`check_dictionary_keys`]); a key past the
/// dictionary reads as `None` here only where that check was not asked for.
fn dictionary_labels(d: Coded<'_>) -> Option<Vec<Option<&str>>> {
    let values = strings(d.labels.as_ref())?;
    let keys = integer_keys(d.keys)?;
    Some(
        (0..keys.len())
            .map(|i| {
                d.keys
                    .is_valid(i)
                    .then(|| keys.index(i).and_then(|k| values.get(k)).copied().flatten())
                    .flatten()
            })
            .collect(),
    )
}

/// What was converted because it could not be borrowed; lives while the
/// columns are used.
#[derive(Default)]
struct Converted {
    days: Vec<(Column, Vec<i32>)>,
    codes: Vec<(Column, Vec<u8>, Vec<Option<u8>>)>,
    flags: Vec<(Column, Vec<u8>, Vec<u8>)>,
    /// Validity of text columns with blank cells (missing, as in a file).
    validity: Vec<(Column, Vec<u8>)>,
    /// Whether birth dates were completed from identity codes (the birth
    /// column is then `days`, whatever the table's type).
    birth_from_codes: bool,
}

/// A column's validity: present, as Arrow says, and not blank.
fn valid_of<'a>(converted: &'a Converted, column: Column, a: &'a ArrayRef) -> Option<Bitmap<'a>> {
    match converted.validity.iter().find(|(c, _)| *c == column) {
        Some((_, bits)) => Bitmap::new(bits, 0, a.len()),
        None => nulls(a.as_ref()),
    }
}

/// Validity of a string or dictionary column whose blank or empty texts are
/// missing values (as in a file): a packed bitmap, or `None` where no present
/// cell is blank.
fn blank_validity(a: &dyn Array, labels: Option<&ArrayRef>) -> Option<Vec<u8>> {
    let blank = |t: Option<&str>| t.is_none_or(|t| t.trim().is_empty());
    let per_row: Vec<bool> = if let Some(texts) = strings(a) {
        if !texts
            .iter()
            .enumerate()
            .any(|(i, t)| a.is_valid(i) && blank(*t))
        {
            return None;
        }
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| a.is_valid(i) && !blank(*t))
            .collect()
    } else {
        let d = coded(a, labels)?;
        let values = strings(d.labels.as_ref())?;
        if !values.iter().any(|t| blank(*t)) {
            return None;
        }
        let keys = integer_keys(d.keys)?;
        let lookup: Vec<u8> = values.iter().map(|t| u8::from(!blank(*t))).collect();
        let mut present = vec![0u8; keys.len()];
        keys.decode_into(0, &lookup, &mut present);
        present
            .iter()
            .enumerate()
            .map(|(i, p)| a.is_valid(i) && *p == 1)
            .collect()
    };
    Some(packed(per_row.into_iter()))
}

/// Notes on values taken as changed: timestamps with a time of day (their
/// day taken), time-zone aware ones (their Helsinki day taken).
fn date_notes(column: Column, days: &Days, offset: usize, notes: &mut Vec<Finding>) {
    for &row in &days.time_of_day {
        notes.push(time_of_day_note(column).at_row(row.saturating_add(offset) as u64));
    }
    if days.zoned {
        notes.push(time_zone_note(column));
    }
}

/// `IMP-TIME-001`: a timestamp with a time of day, its day taken (both readers).
fn time_of_day_note(column: Column) -> Finding {
    Finding::new(
        &rules::CSV_TIME_OF_DAY,
        column.name(),
        "a timestamp with a time of day other than midnight; its day is taken",
        "aikaleima, jonka kellonaika ei ole keskiyö; sen päivä otetaan",
        "en tidsstämpel med en annan tid än midnatt; dess dag tas",
    )
}

/// `IMP-CSV-006` for each name the options give that `batch` has no column
/// of: a column to leave out (compared as headers are) and a column given
/// labels ([`ImportOptions::categories`], compared exactly, as it is looked
/// up).
fn absent_option_notes(batch: &RecordBatch, options: &ImportOptions) -> Vec<Finding> {
    let schema = batch.schema_ref();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    let mut notes = super::participants::absent_ignored_columns(&names, options);
    notes.extend(super::participants::absent_option_columns(
        &names,
        "categories",
        options.categories.iter().map(|(n, _)| n.as_str()),
        |header, name| header == name,
    ));
    notes
}

/// Adds `note` to `notes` unless it is a note without a row that is there
/// already: what is said of a column or an option is said once, however many
/// batches the table comes in.
fn push_once(notes: &mut Vec<Finding>, note: Finding) {
    let said = note.row.is_none()
        && notes.iter().any(|m| {
            m.row.is_none()
                && m.rule_id == note.rule_id
                && m.path == note.path
                && m.message_en == note.message_en
        });
    if !said {
        notes.push(note);
    }
}

/// `IMP-TIME-002`: a time-zone aware column read as Helsinki days, once per
/// column of a batch (both readers).
fn time_zone_note(column: Column) -> Finding {
    Finding::new(
        &rules::CSV_TIME_ZONE,
        column.name(),
        "timestamps with a time zone are read as their day in Helsinki (Europe/Helsinki)",
        "aikavyöhykkeelliset aikaleimat luetaan Helsingin ajan päivinä (Europe/Helsinki)",
        "tidsstämplar med tidszon läses som sin dag i Helsingfors (Europe/Helsinki)",
    )
}

/// Calls `f` with the participant columns of `batch` (see the module for the
/// names and types read), borrowing the batch's buffers wherever Arrow's layout
/// is hanke's; gives `f`'s result and the notes on values taken as changed.
/// A value the record reader would refuse is an error with its row.
pub fn with_columns<R>(
    batch: &RecordBatch,
    options: &ImportOptions,
    f: impl FnOnce(&ParticipantColumns<'_>) -> R,
) -> Result<(R, Vec<Finding>), ColumnsError> {
    with_columns_at(batch, options, 0, &std::cell::Cell::default(), f)
}

#[allow(
    clippy::too_many_lines,
    reason = "one pass over the field table's columns, kind by kind"
)]
fn with_columns_at<R>(
    batch: &RecordBatch,
    options: &ImportOptions,
    offset: usize,
    memo: &std::cell::Cell<LabelCodes>,
    f: impl FnOnce(&ParticipantColumns<'_>) -> R,
) -> Result<(R, Vec<Finding>), ColumnsError> {
    let present = resolve(batch, options, &[Column::EntryDate])?;
    let labels = labels_by_column(batch, options, |_| true)?;
    let get = |c: Column| present.iter().find(|(x, _)| *x == c).map(|(_, a)| *a);
    let mut converted = Converted::default();
    let mut notes = absent_option_notes(batch, options);
    let at = |row: usize| row.saturating_add(offset);
    // First pass: check and convert what cannot be borrowed, so that the
    // second can borrow both the batch and the conversions.
    for &(column, a) in &present {
        let kind = column.spec().kind;
        if *a.data_type() == DataType::Null {
            continue;
        }
        // A dictionary read label by label here (blank labels, yes/no labels)
        // has its keys checked first; the codes the indicator kernel decodes
        // it checks itself, without another pass over the keys.
        let given = labels_of(&labels, column);
        if kind == ValueKind::YesNo || has_blank_label(a.as_ref(), given) {
            check_keys(column, a.as_ref(), given, offset)?;
        }
        if let Some(bits) = blank_validity(a.as_ref(), given) {
            converted.validity.push((column, bits));
        }
        match kind {
            ValueKind::Date => {
                // `Date32` is read in place; the kernel checks its range.
                if *a.data_type() == DataType::Date32 {
                    continue;
                }
                let days = convert_days(column, a.as_ref())?;
                if let Some(&row) = days.invalid.first() {
                    return Err(ColumnsError::InvalidValue {
                        column: column.name(),
                        row: at(row),
                    });
                }
                if let Some(&row) = days.out_of_range.first() {
                    return Err(ColumnsError::DateOutOfRange {
                        column: column.name(),
                        row: at(row),
                    });
                }
                date_notes(column, &days, offset, &mut notes);
                converted.days.push((column, days.days));
            }
            ValueKind::YesNo => {
                if *a.data_type() == DataType::Boolean {
                    continue;
                }
                let labels = strings(a.as_ref())
                    .or_else(|| coded(a.as_ref(), given).and_then(dictionary_labels))
                    .ok_or_else(|| unsupported(column, a.as_ref()))?;
                let mut values = Vec::with_capacity(labels.len());
                for (i, l) in labels.iter().enumerate() {
                    let yes = match l.map(str::trim).filter(|l| !l.is_empty()) {
                        None => false,
                        Some(l) => match code_of_label(kind, l) {
                            Some(c) => c == Answer::Yes.column_code(),
                            None if a.is_valid(i) => {
                                return Err(ColumnsError::InvalidValue {
                                    column: column.name(),
                                    row: at(i),
                                });
                            }
                            None => false,
                        },
                    };
                    values.push(yes);
                }
                // A present but empty text is missing, as in a file.
                let valid: Vec<bool> = labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| a.is_valid(i) && l.is_some_and(|l| !l.trim().is_empty()))
                    .collect();
                converted.flags.push((
                    column,
                    packed(values.into_iter()),
                    packed(valid.into_iter()),
                ));
            }
            ValueKind::Gender
            | ValueKind::LabourStatus
            | ValueKind::Education
            | ValueKind::Answer
            | ValueKind::ExitSituation
            | ValueKind::Improvement => {
                if let CodeSource::Converted(keys, dict) = code_source(column, a, given, memo)? {
                    converted.codes.push((column, keys, dict));
                }
            }
            ValueKind::Id
            | ValueKind::IdentityCode
            | ValueKind::Pseudonym
            | ValueKind::Municipality => {
                check_texts(column, a, options, offset)?;
            }
        }
    }
    // A birth date left blank is the identity code's, as the record reader
    // takes it: the birth column becomes the two together.
    if let Some(codes) = get(Column::IdentityCode).and_then(|a| strings(a.as_ref())) {
        let from_codes: Vec<Option<i32>> = codes
            .iter()
            .map(|t| {
                let t = t.map(str::trim).filter(|t| !t.is_empty())?;
                let code = if options.accept_temporary_codes {
                    crate::PersonalIdentityCode::parse_allowing_temporary(t)
                } else {
                    t.parse::<crate::PersonalIdentityCode>()
                };
                code.ok().map(|c| days_from_date(c.birth_date()))
            })
            .collect();
        if from_codes.iter().any(Option::is_some) {
            let n = from_codes.len();
            let birth = get(Column::BirthDate).filter(|a| *a.data_type() != DataType::Null);
            let given: Vec<Option<i32>> = match birth {
                None => vec![None; n],
                Some(a) => {
                    let valid = valid_of(&converted, Column::BirthDate, a);
                    let present = |i: usize| valid.as_ref().is_none_or(|b| b.get(i));
                    let days: Vec<i32> =
                        match a.as_primitive_opt::<arrow_array::types::Date32Type>() {
                            Some(d) => d.values().to_vec(),
                            None => converted
                                .days
                                .iter()
                                .find(|(c, _)| *c == Column::BirthDate)
                                .map(|(_, d)| d.clone())
                                .unwrap_or_default(),
                        };
                    (0..n)
                        .map(|i| present(i).then(|| days.get(i).copied()).flatten())
                        .collect()
                }
            };
            let merged: Vec<Option<i32>> = given
                .iter()
                .zip(&from_codes)
                .map(|(g, c)| g.or(*c))
                .collect();
            converted.days.retain(|(c, _)| *c != Column::BirthDate);
            converted.validity.retain(|(c, _)| *c != Column::BirthDate);
            converted.validity.push((
                Column::BirthDate,
                packed(merged.iter().map(Option::is_some)),
            ));
            converted.days.push((
                Column::BirthDate,
                merged.iter().map(|d| d.unwrap_or(0)).collect(),
            ));
            converted.birth_from_codes = true;
        }
    }

    let valid_of = |column: Column, a| valid_of(&converted, column, a);
    let date = |column: Column| -> Result<Option<DateColumn<'_>>, ColumnsError> {
        let Some(a) = get(column) else {
            return Ok(None);
        };
        if *a.data_type() == DataType::Null {
            return Ok(None);
        }
        let valid = valid_of(column, a);
        let completed = column == Column::BirthDate && converted.birth_from_codes;
        if let (Some(d), false) = (
            a.as_primitive_opt::<arrow_array::types::Date32Type>(),
            completed,
        ) {
            return Ok(Some(DateColumn::new(d.values(), valid)));
        }
        let days = converted
            .days
            .iter()
            .find(|(n, _)| *n == column)
            .map(|(_, d)| d.as_slice())
            .ok_or_else(|| unsupported(column, a.as_ref()))?;
        Ok(Some(DateColumn::new(days, valid)))
    };
    let code = |column: Column| -> Result<Option<CodeColumn<'_>>, ColumnsError> {
        let Some(a) = get(column) else {
            return Ok(None);
        };
        if *a.data_type() == DataType::Null {
            return Ok(None);
        }
        let valid = valid_of(column, a);
        if let Some((_, keys, dict)) = converted.codes.iter().find(|(n, _, _)| *n == column) {
            return Ok(Some(code_column(Keys::U8(keys), valid, dict)));
        }
        match code_source(column, a, labels_of(&labels, column), memo)? {
            CodeSource::Borrowed(keys, dict) => Ok(Some(code_column(keys, valid, &dict))),
            CodeSource::Converted(..) => Err(unsupported(column, a.as_ref())),
        }
    };
    let flag = |column: Column| -> Result<Option<FlagColumn<'_>>, ColumnsError> {
        let Some(a) = get(column) else {
            return Ok(None);
        };
        if *a.data_type() == DataType::Null {
            return Ok(None);
        }
        if let Some((_, values, valid)) = converted.flags.iter().find(|(n, _, _)| *n == column) {
            let values = Bitmap::new(values, 0, a.len()).ok_or(ColumnsError::BitmapTooShort {
                column: column.name(),
            })?;
            return Ok(Some(FlagColumn::new(
                values,
                Bitmap::new(valid, 0, a.len()),
            )));
        }
        let b: &BooleanArray = a
            .as_boolean_opt()
            .ok_or_else(|| unsupported(column, a.as_ref()))?;
        let v = b.values();
        let values =
            Bitmap::new(v.values(), v.offset(), v.len()).ok_or(ColumnsError::BitmapTooShort {
                column: column.name(),
            })?;
        Ok(Some(FlagColumn::new(values, nulls(a.as_ref()))))
    };

    let entry = match date(Column::EntryDate)? {
        Some(e) => e,
        // A null column of entry dates: the first row has none.
        None => return Err(ColumnsError::MissingEntryDate { row: at(0) }),
    };
    let mut cols = ParticipantColumns::new(entry).with_reader_checks();
    macro_rules! set {
        ($value:expr, $with:ident) => {
            if let Some(c) = $value {
                cols = cols.$with(c)?;
            }
        };
    }
    if converted.birth_from_codes
        && get(Column::BirthDate).is_none_or(|a| *a.data_type() == DataType::Null)
    {
        let days = converted
            .days
            .iter()
            .find(|(c, _)| *c == Column::BirthDate)
            .map(|(_, d)| d.as_slice());
        let valid = converted
            .validity
            .iter()
            .find(|(c, _)| *c == Column::BirthDate)
            .map(|(_, b)| b.as_slice());
        if let (Some(days), Some(valid)) = (days, valid) {
            cols =
                cols.with_birth_date(DateColumn::new(days, Bitmap::new(valid, 0, days.len())))?;
        }
    } else {
        set!(date(Column::BirthDate)?, with_birth_date);
    }
    set!(code(Column::Gender)?, with_gender);
    if let Some(a) = get(Column::Municipality).filter(|a| *a.data_type() != DataType::Null) {
        cols = cols.with_municipality(PresenceColumn::new(
            a.len(),
            valid_of(Column::Municipality, a),
        ))?;
    }
    set!(code(Column::LabourStatus)?, with_labour_status);
    set!(date(Column::UnemployedSince)?, with_unemployed_since);
    set!(code(Column::Education)?, with_education);
    set!(code(Column::Disability)?, with_disability);
    set!(code(Column::ForeignBackground)?, with_foreign_background);
    set!(
        code(Column::ThirdCountryNational)?,
        with_third_country_national
    );
    set!(code(Column::Minority)?, with_minority);
    set!(code(Column::Homeless)?, with_homeless);
    set!(code(Column::OtherDisadvantaged)?, with_other_disadvantaged);
    set!(flag(Column::HouseholdJobless)?, with_household_jobless);
    set!(
        flag(Column::HouseholdDependentChildren)?,
        with_household_dependent_children
    );
    set!(
        flag(Column::HouseholdSingleAdult)?,
        with_household_single_adult
    );
    set!(date(Column::ExitDate)?, with_exit_date);
    set!(code(Column::ExitSituation)?, with_exit_situation);
    set!(
        flag(Column::QualificationGained)?,
        with_qualification_gained
    );
    set!(date(Column::FollowUpDate)?, with_follow_up_date);
    set!(flag(Column::FollowUpEmployed)?, with_follow_up_employed);
    set!(
        code(Column::FollowUpImprovement)?,
        with_follow_up_improvement
    );
    Ok((f(&cols), notes))
}

/// The text-only columns the indicators do not use are still read as the
/// record reader reads them: every value must be one (an id must be there).
fn check_texts(
    column: Column,
    a: &ArrayRef,
    options: &ImportOptions,
    offset: usize,
) -> Result<(), ColumnsError> {
    let kind = column.spec().kind;
    let at = |row: usize| row.saturating_add(offset);
    if let Some(texts) = strings(a.as_ref()) {
        for (i, t) in texts.iter().enumerate() {
            match t.map(str::trim).filter(|t| !t.is_empty()) {
                Some(t) if !text_is_valid(kind, t, options.accept_temporary_codes) => {
                    return Err(ColumnsError::InvalidValue {
                        column: column.name(),
                        row: at(i),
                    });
                }
                None if kind == ValueKind::Id => {
                    return Err(ColumnsError::MissingValue {
                        column: column.name(),
                        row: at(i),
                    });
                }
                _ => {}
            }
        }
        return Ok(());
    }
    match (kind, whole_numbers(a.as_ref())) {
        (ValueKind::Id | ValueKind::Municipality, Some(values)) => {
            for (i, v) in values.iter().enumerate() {
                if !a.is_valid(i) {
                    if kind == ValueKind::Id {
                        return Err(ColumnsError::MissingValue {
                            column: column.name(),
                            row: at(i),
                        });
                    }
                    continue;
                }
                if !v.is_some_and(|v| text_is_valid(kind, &v.to_string(), false)) {
                    return Err(ColumnsError::InvalidValue {
                        column: column.name(),
                        row: at(i),
                    });
                }
            }
            Ok(())
        }
        _ => Err(unsupported(column, a.as_ref())),
    }
}

// ---- Records -----------------------------------------------------------------

/// A column converted once for reading cell by cell: the text of each row of
/// a dictionary, the whole numbers of a number column, the instants of a
/// timestamp column.
enum Prepared<'a> {
    Plain,
    Texts(Vec<Option<&'a str>>),
    Numbers(Vec<Option<i128>>),
    Instants(Vec<(i64, bool)>),
}

fn prepare<'a>(a: &'a ArrayRef, labels: Option<&'a ArrayRef>) -> Prepared<'a> {
    if let Some(d) = coded(a.as_ref(), labels) {
        return dictionary_labels(d).map_or(Prepared::Plain, Prepared::Texts);
    }
    if let Some(instants) = instants(a.as_ref()) {
        return Prepared::Instants(instants);
    }
    match whole_numbers(a.as_ref()) {
        Some(numbers) => Prepared::Numbers(numbers),
        None => Prepared::Plain,
    }
}

/// A cell of a column, as the record builder reads it; `time_of_day` is set
/// where a timestamp's time other than midnight is left out.
fn cell_of<'a>(
    a: &'a ArrayRef,
    prepared: &Prepared<'a>,
    row: usize,
    time_of_day: &mut bool,
) -> Cell<'a> {
    if a.is_null(row) || *a.data_type() == DataType::Null {
        return Cell::Missing;
    }
    let text = |t: Option<&'a str>| match t.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => Cell::Text(t),
        None => Cell::Missing,
    };
    match (a.data_type(), prepared) {
        (DataType::Utf8, _) => text(Some(a.as_string::<i32>().value(row))),
        (DataType::LargeUtf8, _) => text(Some(a.as_string::<i64>().value(row))),
        (DataType::Utf8View, _) => text(Some(a.as_string_view().value(row))),
        (_, Prepared::Texts(texts)) => text(texts.get(row).copied().flatten()),
        (DataType::Boolean, _) => Cell::Bool(a.as_boolean().value(row)),
        (DataType::Date32, _) => {
            let days = a
                .as_primitive::<arrow_array::types::Date32Type>()
                .value(row);
            date_from_days(days).map_or(Cell::OutOfRange, Cell::Date)
        }
        (_, Prepared::Instants(instants)) => {
            let zoned = matches!(a.data_type(), DataType::Timestamp(_, Some(_)));
            let Some(&(seconds, whole)) = instants.get(row) else {
                return Cell::OutOfRange;
            };
            let (day, with_time) = day_of_instant(seconds, whole, zoned);
            *time_of_day |= with_time;
            i32::try_from(day)
                .ok()
                .and_then(date_from_days)
                .map_or(Cell::OutOfRange, Cell::Date)
        }
        (_, Prepared::Numbers(numbers)) => match numbers.get(row) {
            Some(Some(n)) => Cell::Int(*n),
            Some(None) => Cell::Fraction,
            None => Cell::Missing,
        },
        _ => Cell::NotText,
    }
}

/// Whether a column of this kind can be read from an array of this type.
fn readable(kind: ValueKind, t: &DataType) -> bool {
    let value = match t {
        DataType::Dictionary(_, v) => {
            return is_string(v)
                && !matches!(
                    kind,
                    ValueKind::Date
                        | ValueKind::Id
                        | ValueKind::IdentityCode
                        | ValueKind::Pseudonym
                        | ValueKind::Municipality
                );
        }
        other => other,
    };
    if *value == DataType::Null || is_string(value) {
        return true;
    }
    let integer = value.is_integer() || value.is_floating();
    match kind {
        ValueKind::Date => matches!(
            value,
            DataType::Date32 | DataType::Date64 | DataType::Timestamp(..)
        ),
        ValueKind::Id | ValueKind::Municipality | ValueKind::Education => integer,
        ValueKind::Answer | ValueKind::YesNo => *value == DataType::Boolean,
        _ => false,
    }
}

/// Reads participant records from Arrow batches, row by row through the
/// record reader of the participant file: the same accepted names, values and
/// refusals, rows numbered from 0 across the batches (`row` in every finding,
/// no `line`). A value taken as changed (a timestamp's day) is a finding on
/// the record. Fails only on the table's columns (unknown, repeated, missing,
/// of a type no value can come from).
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{RecordBatch, StringArray};
/// use hanke::import::ImportOptions;
/// use hanke::import::arrow::read_records;
/// let batch = RecordBatch::try_from_iter([
///     ("participant_id", Arc::new(StringArray::from(vec!["P1", "P2"])) as _),
///     ("entry_date", Arc::new(StringArray::from(vec!["1.3.2016", "31.2.2016"])) as _),
/// ])?;
/// let (people, report) = read_records(&[batch], &ImportOptions::default())?;
/// assert_eq!(people.len(), 1);
/// assert_eq!((report.rejections[0].row, report.rejections[0].line), (Some(1), None));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_records(
    batches: &[RecordBatch],
    options: &ImportOptions,
) -> Result<(Vec<Participant>, ImportReport), ColumnsError> {
    options
        .check_identity_codes()
        .map_err(ColumnsError::Pseudonym)?;
    let mut people = Vec::new();
    let mut report = ImportReport::default();
    let mut builder = RecordBuilder::default();
    let mut offset = 0usize;
    for batch in batches {
        let present = resolve(batch, options, &[Column::ParticipantId, Column::EntryDate])?;
        let labels = labels_by_column(batch, options, |_| true)?;
        check_dictionary_keys(&present, &labels, offset)?;
        if report.ignored_columns.is_empty() {
            report.ignored_columns = batch
                .schema_ref()
                .fields()
                .iter()
                .map(|f| f.name().as_str())
                .filter(|n| {
                    options
                        .ignore_columns
                        .iter()
                        .any(|i| crate::participant::label_is(n, i))
                })
                .map(|n| crate::ids::redact(n).into_owned())
                .collect();
        }
        for (column, a) in &present {
            let labelled = labels_of(&labels, *column).is_some();
            if !labelled && !readable(column.spec().kind, a.data_type()) {
                return Err(unsupported(*column, a.as_ref()));
            }
        }
        // Each column converted once, then read cell by cell.
        let prepared: Vec<Prepared<'_>> = present
            .iter()
            .map(|(c, a)| prepare(a, labels_of(&labels, *c)))
            .collect();
        for row in 0..batch.num_rows() {
            let global = row.saturating_add(offset) as u64;
            report.rows_read = report.rows_read.saturating_add(1);
            let mut time_note: Vec<Column> = Vec::new();
            let cells: Vec<(Column, Cell<'_>)> = present
                .iter()
                .zip(&prepared)
                .map(|((c, a), p)| {
                    let mut time_of_day = false;
                    let cell = cell_of(a, p, row, &mut time_of_day);
                    if time_of_day {
                        time_note.push(*c);
                    }
                    (*c, cell)
                })
                .collect();
            let cell = |c: Column| {
                cells
                    .iter()
                    .find(|(x, _)| *x == c)
                    .map_or(Cell::Missing, |(_, v)| *v)
            };
            let before = report.rejections.len();
            let built = builder.build(options, &cell, &mut report.rejections);
            for f in report.rejections.iter_mut().skip(before) {
                f.row = Some(global);
            }
            match built {
                Some(p) => {
                    report.accepted = report.accepted.saturating_add(1);
                    for c in time_note {
                        report.findings.push(time_of_day_note(c).at_row(global));
                    }
                    if let Some(rules) = options.rules {
                        report
                            .findings
                            .extend(rules.check(&p).into_iter().map(|f| f.at_row(global)));
                    }
                    people.push(p);
                }
                None => report.rejected = report.rejected.saturating_add(1),
            }
        }
        // As the indicators' reader says it: aware columns read as Helsinki
        // days, and names of options no column has.
        for (column, a) in &present {
            if matches!(a.data_type(), DataType::Timestamp(_, Some(_))) {
                push_once(&mut report.findings, time_zone_note(*column));
            }
        }
        for n in absent_option_notes(batch, options) {
            push_once(&mut report.findings, n);
        }
        offset = offset.saturating_add(batch.num_rows());
    }
    // A table has no lines: its rows are its records, one each.
    report.record_lines = report.rows_read;
    report.lines = report.rows_read.saturating_add(1);
    Ok((people, report))
}

/// The entry dates of a table's rows — what [`crate::rulebook::infer_period`]
/// tells the period from — read as the other readers read them (blank, null
/// and unreadable values left out: those rows are refused when read).
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{RecordBatch, StringArray};
/// use hanke::import::ImportOptions;
/// use hanke::import::arrow::entry_dates;
/// use hanke::programme::ProgrammePeriod;
/// use hanke::rulebook::infer_period;
/// let batch = RecordBatch::try_from_iter([
///     ("aloituspäivä", Arc::new(StringArray::from(vec!["1.3.2024", "x", ""])) as _),
/// ])?;
/// let dates = entry_dates(&[batch], &ImportOptions::default())?;
/// assert_eq!(infer_period(dates)?, ProgrammePeriod::Period2021To2027);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn entry_dates(
    batches: &[RecordBatch],
    options: &ImportOptions,
) -> Result<Vec<NaiveDate>, ColumnsError> {
    let mut out = Vec::new();
    for batch in batches {
        let present = resolve(batch, options, &[Column::EntryDate])?;
        // An entry date's labels given apart are refused (no dictionary is
        // read for a date): with the dictionary's type, as the others do.
        labels_by_column(batch, options, |c| c == Column::EntryDate)?;
        let Some((_, a)) = present.iter().find(|(c, _)| *c == Column::EntryDate) else {
            continue;
        };
        if *a.data_type() == DataType::Null {
            continue;
        }
        let days: Vec<Option<i32>> = match a.as_primitive_opt::<arrow_array::types::Date32Type>() {
            Some(d) => d.iter().collect(),
            None => {
                let days = convert_days(Column::EntryDate, a.as_ref())?;
                let valid = blank_validity(a.as_ref(), None);
                let mut skip = vec![false; days.days.len()];
                for &i in days.invalid.iter().chain(&days.out_of_range) {
                    if let Some(s) = skip.get_mut(i) {
                        *s = true;
                    }
                }
                days.days
                    .iter()
                    .enumerate()
                    .map(|(i, d)| {
                        let present = a.is_valid(i)
                            && valid.as_ref().is_none_or(|bits| {
                                bits.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0)
                            })
                            && !skip.get(i).copied().unwrap_or(true);
                        present.then_some(*d)
                    })
                    .collect()
            }
        };
        out.extend(days.into_iter().flatten().filter_map(date_from_days));
    }
    Ok(out)
}

/// The programme period the entry dates of a table tell
/// ([`crate::rulebook::infer_period`]): the same answer as inferring it from
/// [`entry_dates`], without making a date of each row — a `date32` column's
/// day numbers are read in place (issue 29). Other date types go through
/// [`entry_dates`].
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{ArrayRef, Date32Array, RecordBatch};
/// use hanke::import::{ImportOptions, arrow::infer_period};
/// let days: ArrayRef = Arc::new(Date32Array::from(vec![Some(16_861), None, Some(19_000)])); // 2016-03-01, 2022-01-08
/// let batch = RecordBatch::try_from_iter([("entry_date", days)])?;
/// let period = infer_period(&[batch], &ImportOptions::default())?.unwrap();
/// assert_eq!(period.key(), "2014-2020");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn infer_period(
    batches: &[RecordBatch],
    options: &ImportOptions,
) -> Result<
    Result<crate::programme::ProgrammePeriod, crate::rulebook::PeriodInferenceError>,
    ColumnsError,
> {
    use chrono::Datelike;
    enum Part<'a> {
        Days(&'a arrow_array::PrimitiveArray<arrow_array::types::Date32Type>),
        Dates(Vec<NaiveDate>),
    }
    let mut parts = Vec::with_capacity(batches.len());
    for batch in batches {
        let present = resolve(batch, options, &[Column::EntryDate])?;
        // An entry date's labels given apart are refused (no dictionary is
        // read for a date): with the dictionary's type, as the others do.
        labels_by_column(batch, options, |c| c == Column::EntryDate)?;
        let Some((_, a)) = present.iter().find(|(c, _)| *c == Column::EntryDate) else {
            continue;
        };
        match a.as_primitive_opt::<arrow_array::types::Date32Type>() {
            // The same days `entry_dates` keeps: present, and a date chrono has.
            Some(d) => parts.push(Part::Days(d)),
            None => parts.push(Part::Dates(entry_dates(
                std::slice::from_ref(batch),
                options,
            )?)),
        }
    }
    // The days a date can be (what `date_from_days` keeps) as day numbers:
    // a range check per row instead of making a date of each row.
    let epoch = crate::participant::columns::EPOCH_FROM_CE;
    let (min, max) = (
        NaiveDate::MIN.num_days_from_ce(),
        NaiveDate::MAX.num_days_from_ce(),
    );
    // Every entry present and in `date32`: the earliest and latest day in
    // one pass over the slices, which decide the period unless the entries
    // straddle a period's edge (then the ordered pass below).
    let span = parts
        .iter()
        .try_fold(None::<(i32, i32)>, |span, part| match part {
            Part::Days(d) if d.null_count() == 0 => {
                Some(match (least_and_greatest(d.values()), span) {
                    (Some((lo, hi)), Some((a, b))) => Some((lo.min(a), hi.max(b))),
                    (Some(part), None) => Some(part),
                    (None, _) => span,
                })
            }
            _ => None,
        });
    if let Some(Some((lo, hi))) = span {
        let (lo, hi) = (lo.checked_add(epoch), hi.checked_add(epoch));
        if let (Some(lo), Some(hi)) = (lo, hi)
            && min <= lo
            && hi <= max
            && let Some(answer) = crate::rulebook::infer_period_of_span(lo, hi)
        {
            return Ok(answer);
        }
    }
    let days = parts
        .iter()
        .flat_map(|part| -> Box<dyn Iterator<Item = i32> + '_> {
            match part {
                Part::Days(d) => Box::new(d.iter().flatten().filter_map(move |n| {
                    let ce = n.checked_add(epoch)?;
                    (min..=max).contains(&ce).then_some(ce)
                })),
                Part::Dates(v) => Box::new(v.iter().map(|d| d.num_days_from_ce())),
            }
        });
    Ok(crate::rulebook::infer_period_of_days(days))
}

/// The least and the greatest of `days` (`None` for none), in one pass of
/// four-lane minima and maxima (`wide`: SSE2 on x86-64, NEON on aarch64),
/// where two reductions (`min()`, then `max()`) read the column twice a
/// value at a time (issue 29: 1 ms of a polars frame's 16 at 1 M rows).
fn least_and_greatest(days: &[i32]) -> Option<(i32, i32)> {
    use wide::i32x4;
    let (&first, _) = days.split_first()?;
    let (mut lo, mut hi) = ([i32x4::splat(first); 4], [i32x4::splat(first); 4]);
    let chunks = days.chunks_exact(16);
    let rest = chunks.remainder();
    for chunk in chunks {
        for ((l, h), four) in lo.iter_mut().zip(hi.iter_mut()).zip(chunk.chunks_exact(4)) {
            let mut v = [0; 4];
            v.copy_from_slice(four);
            let v = i32x4::new(v);
            *l = l.min(v);
            *h = h.max(v);
        }
    }
    let lanes = |v: [i32x4; 4]| v.into_iter().flat_map(i32x4::to_array);
    let least = lanes(lo).chain(rest.iter().copied()).min();
    let greatest = lanes(hi).chain(rest.iter().copied()).max();
    least.zip(greatest)
}

// ---- Tables given column by column ------------------------------------------

/// The record batches of a table given column by column, each column as its
/// chunks — what a polars frame of several chunks hands over a column at a
/// time without copying, where its own export of the whole frame first
/// copies every column into one chunk (15 ms at 1 M rows, issue 29). The
/// columns are cut at every chunk boundary of any of them, by zero-copy
/// slices, into batches of equal rows, in order; a table of no rows is one
/// empty batch. `None` where the columns differ in length, or a column's
/// chunks in type (the caller then takes another way in).
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{ArrayRef, Int32Array};
/// use hanke::import::arrow::batches_of_chunks;
/// let a: Vec<ArrayRef> = vec![Arc::new(Int32Array::from(vec![1, 2, 3]))];
/// let b: Vec<ArrayRef> = vec![
///     Arc::new(Int32Array::from(vec![4])),
///     Arc::new(Int32Array::from(vec![5, 6])),
/// ];
/// let batches = batches_of_chunks(&[("a".into(), a), ("b".into(), b)]).unwrap();
/// assert_eq!(batches.iter().map(|b| b.num_rows()).collect::<Vec<_>>(), [1, 2]);
/// ```
pub fn batches_of_chunks(columns: &[(String, Vec<ArrayRef>)]) -> Option<Vec<RecordBatch>> {
    let rows_of = |chunks: &[ArrayRef]| chunks.iter().map(|a| a.len()).sum::<usize>();
    let (_, first) = columns.first()?;
    let rows = rows_of(first);
    let same_type = |chunks: &[ArrayRef]| {
        chunks
            .windows(2)
            .all(|w| w.first().map(|a| a.data_type()) == w.get(1).map(|a| a.data_type()))
    };
    if columns
        .iter()
        .any(|(_, c)| rows_of(c) != rows || !same_type(c))
    {
        return None;
    }
    let fields: Vec<arrow_schema::Field> = columns
        .iter()
        .map(|(name, chunks)| {
            let t = chunks
                .first()
                .map_or(DataType::Null, |a| a.data_type().clone());
            arrow_schema::Field::new(name, t, true)
        })
        .collect();
    let schema = std::sync::Arc::new(arrow_schema::Schema::new(fields));
    // Every chunk boundary of every column, in order, from 0 to the rows.
    let mut cuts: Vec<usize> = vec![0];
    for (_, chunks) in columns {
        let mut at = 0usize;
        for a in chunks {
            at = at.saturating_add(a.len());
            cuts.push(at);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    // For each column, its chunk and the row in it where the next batch starts.
    let mut cursors = vec![(0usize, 0usize); columns.len()];
    let mut batches = Vec::new();
    for w in cuts.windows(2) {
        let (Some(&from), Some(&to)) = (w.first(), w.get(1)) else {
            continue;
        };
        let len = to.saturating_sub(from);
        let arrays = columns
            .iter()
            .zip(cursors.iter_mut())
            .map(|((_, chunks), (chunk, at))| {
                // Past a chunk's end (and past empty chunks): the next.
                while chunks.get(*chunk).is_some_and(|a| *at >= a.len()) {
                    *chunk = chunk.saturating_add(1);
                    *at = 0;
                }
                let a = chunks.get(*chunk)?;
                // No cut lies inside the slice: it is inside this chunk.
                if at.saturating_add(len) > a.len() {
                    return None;
                }
                let slice = a.slice(*at, len);
                *at = at.saturating_add(len);
                Some(slice)
            })
            .collect::<Option<Vec<ArrayRef>>>()?;
        batches.push(RecordBatch::try_new(schema.clone(), arrays).ok()?);
    }
    if batches.is_empty() {
        batches.push(RecordBatch::new_empty(schema));
    }
    Some(batches)
}

// ---- Writing -----------------------------------------------------------------

/// Arrow buffers of a [`ParticipantTable`]'s bitmap.
fn null_buffer(b: &crate::participant::columns::BitmapBuf) -> arrow_buffer::NullBuffer {
    arrow_buffer::NullBuffer::new(arrow_buffer_of(b))
}

fn arrow_buffer_of(b: &crate::participant::columns::BitmapBuf) -> arrow_buffer::BooleanBuffer {
    arrow_buffer::BooleanBuffer::new(arrow_buffer::Buffer::from(b.bytes.clone()), 0, b.len)
}

fn dates(d: &crate::participant::columns::DateBuf) -> ArrayRef {
    std::sync::Arc::new(arrow_array::Date32Array::new(
        d.days.clone().into(),
        Some(null_buffer(&d.valid)),
    ))
}

fn dictionary(
    c: &crate::participant::columns::CodeBuf,
    labels: &[&str],
) -> Result<ArrayRef, arrow_schema::ArrowError> {
    let keys = arrow_array::Int8Array::new(
        c.codes
            .iter()
            .map(|k| i8::try_from(*k).unwrap_or(0))
            .collect(),
        Some(null_buffer(&c.valid)),
    );
    let values = std::sync::Arc::new(arrow_array::StringArray::from(labels.to_vec()));
    Ok(std::sync::Arc::new(
        arrow_array::DictionaryArray::<Int8Type>::try_new(keys, values)?,
    ))
}

fn flags(f: &crate::participant::columns::FlagBuf) -> ArrayRef {
    std::sync::Arc::new(BooleanArray::new(
        arrow_buffer_of(&f.values),
        Some(null_buffer(&f.valid)),
    ))
}

/// A table as an Arrow record batch, in the layout [`with_columns`] reads
/// without copying: `Date32` dates, dictionary-encoded labels (`int8` keys; the
/// labels are the participant file's codes, e.g. `woman`, `unemployed`, `yes`,
/// `open_labour_market`), `int8` education levels (0–9, 9 unknown) and `Boolean`
/// flags. The municipality column is left out: a table keeps only whether it is
/// known.
///
/// ```
/// use chrono::NaiveDate;
/// use hanke::import::ImportOptions;
/// use hanke::synthetic::{generate, SyntheticConfig};
/// use hanke::import::arrow::{to_record_batch, with_columns};
/// use hanke::participant::columns::ParticipantTable;
/// use hanke::indicator::{Catalogue, CommonIndicators};
/// use hanke::rulebook::Rulebook;
/// use hanke::programme::ProgrammePeriod;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
/// let people = generate(&SyntheticConfig::new(3, 200, d(2023, 1, 1), d(2025, 12, 31)), rules);
/// let batch = to_record_batch(&ParticipantTable::from_participants(&people)?)?;
/// let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules, None)?;
/// with_columns(&batch, &ImportOptions::default(), |c| ind.add_columns(c))?.0?;
/// assert_eq!(ind, CommonIndicators::compute(Catalogue::EsfPlus, rules, None, &people)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_record_batch(
    t: &crate::participant::columns::ParticipantTable,
) -> Result<RecordBatch, arrow_schema::ArrowError> {
    let gender: Vec<&str> = [Gender::Woman, Gender::Man, Gender::NonBinary]
        .map(Gender::code)
        .to_vec();
    let labour = [
        "employed",
        "self_employed",
        "unemployed",
        "inactive_in_education",
        "inactive",
    ];
    let answers: Vec<&str> = [Answer::Yes, Answer::No, Answer::Declined]
        .map(Answer::code)
        .to_vec();
    let situations: Vec<&str> = ExitSituation::ALL.iter().map(|s| s.code()).collect();
    let improvements: Vec<&str> = Improvement::ALL.map(Improvement::code).to_vec();
    let education: ArrayRef = std::sync::Arc::new(arrow_array::Int8Array::new(
        t.education
            .codes
            .iter()
            .map(|k| i8::try_from(*k).unwrap_or(9))
            .collect(),
        Some(null_buffer(&t.education.valid)),
    ));
    let entry: ArrayRef = std::sync::Arc::new(arrow_array::Date32Array::from(t.entry_date.clone()));
    RecordBatch::try_from_iter([
        ("entry_date", entry),
        ("birth_date", dates(&t.birth_date)),
        ("gender", dictionary(&t.gender, &gender)?),
        ("labour_status", dictionary(&t.labour_status, &labour)?),
        ("unemployed_since", dates(&t.unemployed_since)),
        ("education", education),
        ("disability", dictionary(&t.disability, &answers)?),
        (
            "foreign_background",
            dictionary(&t.foreign_background, &answers)?,
        ),
        (
            "third_country_national",
            dictionary(&t.third_country_national, &answers)?,
        ),
        ("minority", dictionary(&t.minority, &answers)?),
        ("homeless", dictionary(&t.homeless, &answers)?),
        (
            "other_disadvantaged",
            dictionary(&t.other_disadvantaged, &answers)?,
        ),
        ("household_jobless", flags(&t.household_jobless)),
        (
            "household_dependent_children",
            flags(&t.household_dependent_children),
        ),
        ("household_single_adult", flags(&t.household_single_adult)),
        ("exit_date", dates(&t.exit_date)),
        (
            "exit_situation",
            dictionary(&t.exit_situation, &situations)?,
        ),
        ("qualification_gained", flags(&t.qualification_gained)),
        ("follow_up_date", dates(&t.follow_up_date)),
        ("follow_up_employed", flags(&t.follow_up_employed)),
        (
            "follow_up_improvement",
            dictionary(&t.follow_up_improvement, &improvements)?,
        ),
    ])
}

/// Counts the participants of every batch of a table into `indicators`, rows
/// in errors counted from the start of the table; gives the notes on values
/// taken as changed. On an error nothing is counted.
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{Date32Array, RecordBatch, StringArray};
/// use hanke::import::ImportOptions;
/// use hanke::indicator::{Catalogue, CommonIndicators};
/// use hanke::import::arrow::add_batches;
/// use hanke::participant::columns::ColumnsError;
/// use hanke::rulebook::Rulebook;
/// use hanke::programme::ProgrammePeriod;
/// let batch = |genders: Vec<&str>| RecordBatch::try_from_iter([
///     ("entry_date", Arc::new(Date32Array::from(vec![19_782; genders.len()])) as _),
///     ("gender", Arc::new(StringArray::from(genders)) as _),
/// ]);
/// let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
/// let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules, None)?;
/// let table = [batch(vec!["woman", "man"])?, batch(vec!["man", "dog"])?];
/// let e = add_batches(&mut ind, &table, &ImportOptions::default()).unwrap_err();
/// assert_eq!(e, ColumnsError::InvalidValue { column: "gender", row: 3 });
/// assert_eq!(ind.grand_total().total(), 0);
/// add_batches(&mut ind, &table[..1], &ImportOptions::default())?;
/// assert_eq!(ind.grand_total().total(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_batches<'b>(
    indicators: &mut crate::indicator::CommonIndicators,
    batches: impl IntoIterator<Item = &'b RecordBatch>,
    options: &ImportOptions,
) -> Result<Vec<Finding>, ColumnsError> {
    add_batches_parallel(indicators, batches, options, std::num::NonZeroUsize::MIN)
}

/// [`add_batches`] with each batch counted on up to `threads` threads
/// ([`CommonIndicators::add_columns_parallel`](crate::indicator::CommonIndicators::add_columns_parallel)):
/// the same counts, notes and errors for any number of threads.
pub fn add_batches_parallel<'b>(
    indicators: &mut crate::indicator::CommonIndicators,
    batches: impl IntoIterator<Item = &'b RecordBatch>,
    options: &ImportOptions,
    threads: std::num::NonZeroUsize,
) -> Result<Vec<Finding>, ColumnsError> {
    let mut sum = indicators.clone();
    let period = sum.rules().period;
    let mut offset = 0usize;
    let mut notes = Vec::new();
    let mut people = std::collections::HashMap::new();
    let mut ids = TableIds::default();
    let mut outside = [Outside::default(); 2];
    let memo = std::cell::Cell::default();
    for batch in batches {
        same_person(batch, options, offset, &mut people)?;
        let ((counted, batch_outside), batch_notes) =
            with_columns_at(batch, options, offset, &memo, |cols| {
                (
                    sum.add_columns_parallel(cols, threads),
                    outside_eligibility(cols, period),
                )
            })?;
        counted.map_err(|e| e.shifted(offset))?;
        for (o, b) in outside.iter_mut().zip(batch_outside) {
            *o = o.then(b, offset);
        }
        for n in batch_notes {
            push_once(&mut notes, n);
        }
        ids.add(batch, options)?;
        offset = offset.saturating_add(batch.num_rows());
    }
    *indicators = sum;
    notes.extend(outside_eligibility_notes(period, outside));
    notes.extend(ids.repeated());
    Ok(notes)
}

/// `PART-PLAUS-003` for the rows whose entry date, and for those whose exit
/// date, lies outside `period`'s eligibility window: one note each, with how
/// many and the first row. The column path counts rows as given — it does
/// not validate, and such a row is not refused by the record path either,
/// whose plausibility check says `PART-PLAUS-003` of each record — so a
/// figure counted under a period a row lies outside of says so.
fn outside_eligibility_notes(
    period: crate::programme::ProgrammePeriod,
    outside: [Outside; 2],
) -> Vec<Finding> {
    let (from, to) = period.eligibility();
    let source = period.eligibility_source();
    let fields = [
        ("entry_date", "an entry", "aloituspäivä", "ett startdatum"),
        ("exit_date", "an exit", "lopetuspäivä", "ett slutdatum"),
    ];
    fields
        .into_iter()
        .zip(outside)
        .filter_map(|((column, en, fi, sv), o)| {
            let first = o.first?;
            let n = o.rows;
            let (rows, have, rader) = if n == 1 {
                ("row", "has", "rad")
            } else {
                ("rows", "have", "rader")
            };
            Some(
                Finding::new(
                    &rules::PARTICIPANT_DATE_OUTSIDE_PERIOD,
                    column,
                    format!("{n} {rows} {have} {en} date outside {period}'s eligibility window {from} – {to} ({source}), the first at row {first}; they are counted as given: check them (not eligible, or a typo in the year)"),
                    format!("{n} rivin {fi} on kauden {period} tukikelpoisuusajan {from} – {to} ulkopuolella ({source}), ensimmäinen rivillä {first}; ne lasketaan sellaisinaan: tarkista ne (ei tukikelpoinen tai vuosi kirjoitettu väärin)"),
                    format!("{n} {rader} har {sv} utanför periodens {period} stödberättigande tid {from} – {to} ({source}), den första på rad {first}; de räknas som de är: kontrollera dem (inte stödberättigande, eller fel år)"),
                )
                .at_row(first as u64),
            )
        })
        .collect()
}

/// The participant ids of a table's rows, for `PART-DUP-003` as the record
/// path's merge says it ([`crate::participant::repeated_ids`]): the column
/// path counts rows, so an id on several rows is several participants, and
/// is said so. A hash of each id as it lies (text trimmed, or a whole
/// number), and the batches, to parse the ids only where a hash repeats.
#[derive(Default)]
struct TableIds<'b> {
    spreads: Vec<u64>,
    /// Each batch holding ids, with its id column and its first row.
    batches: Vec<(&'b ArrayRef, usize)>,
}

impl<'b> TableIds<'b> {
    /// The ids of `batch`'s rows (checked already by the column reader), if
    /// it has an id column.
    fn add(&mut self, batch: &'b RecordBatch, options: &ImportOptions) -> Result<(), ColumnsError> {
        let present = resolve(batch, options, &[])?;
        let Some((_, a)) = present
            .into_iter()
            .find(|(c, _)| *c == Column::ParticipantId)
        else {
            return Ok(());
        };
        self.batches.push((a, self.spreads.len()));
        if let Some(texts) = strings(a.as_ref()) {
            self.spreads.extend(
                texts
                    .iter()
                    .map(|t| crate::participant::text_spread(t.unwrap_or(""))),
            );
        } else if let Some(values) = whole_numbers(a.as_ref()) {
            self.spreads.extend(
                values
                    .iter()
                    .map(|v| crate::participant::text_spread(&v.unwrap_or(0).to_string())),
            );
        }
        Ok(())
    }

    /// `PART-DUP-003` for each id on several rows, in the order of its first row.
    fn repeated(&self) -> Vec<Finding> {
        // A batch's ids as text, made once, for the first of its rows asked
        // (not once a row: a table of many repeated ids asks many).
        let texts: Vec<std::cell::OnceCell<Vec<Option<String>>>> = self
            .batches
            .iter()
            .map(|_| std::cell::OnceCell::new())
            .collect();
        let id_at = |k: usize| -> Option<crate::participant::ParticipantId> {
            let i = self.batches.iter().rposition(|(_, first)| *first <= k)?;
            let (a, first) = self.batches.get(i)?;
            let column = texts.get(i)?.get_or_init(|| match strings(a.as_ref()) {
                Some(t) => t.iter().map(|t| t.map(str::to_string)).collect(),
                None => whole_numbers(a.as_ref())
                    .map(|v| v.iter().map(|n| n.map(|n| n.to_string())).collect())
                    .unwrap_or_default(),
            });
            column.get(k.checked_sub(*first)?)?.as_deref()?.parse().ok()
        };
        crate::participant::repeated_by_spread(&self.spreads, id_at)
    }
}

/// The texts of a string column, plain or dictionary-encoded, per row.
fn row_texts(a: &dyn Array) -> Option<Vec<Option<&str>>> {
    if let Some(t) = strings(a) {
        return Some(t);
    }
    dictionary_labels(coded(a, None)?)
}

/// Refuses a row of a person an earlier row (of this or an earlier batch) is
/// of — the same identity code or pseudonym, matched as
/// [`crate::participant::merge_duplicates`] matches records. The column path
/// counts rows, and the record path merges one person's records (first entry,
/// final exit; ADR 0007 §5): counting both rows would count a re-entry twice,
/// so the table is refused and its re-entries are merged first.
fn same_person(
    batch: &RecordBatch,
    options: &ImportOptions,
    offset: usize,
    seen: &mut std::collections::HashMap<String, usize>,
) -> Result<(), ColumnsError> {
    let present = resolve(batch, options, &[])?;
    let read: Vec<(Column, &ArrayRef)> = present
        .iter()
        .filter(|(c, _)| matches!(c, Column::IdentityCode | Column::Pseudonym))
        .copied()
        .collect();
    check_dictionary_keys(&read, &[], offset)?;
    let texts = |c: Column| {
        present
            .iter()
            .find(|(x, _)| *x == c)
            .and_then(|(_, a)| row_texts(a.as_ref()))
    };
    let (codes, pseudonyms) = (texts(Column::IdentityCode), texts(Column::Pseudonym));
    if codes.is_none() && pseudonyms.is_none() {
        return Ok(());
    }
    fn clean(t: Option<&str>) -> Option<&str> {
        t.map(str::trim).filter(|t| !t.is_empty())
    }
    for row in 0..batch.num_rows() {
        let code = clean(codes.as_ref().and_then(|c| c.get(row).copied().flatten()))
            .and_then(|t| crate::PersonalIdentityCode::parse_allowing_temporary(t).ok());
        let pseudonym = clean(
            pseudonyms
                .as_ref()
                .and_then(|c| c.get(row).copied().flatten()),
        )
        .map(str::to_ascii_lowercase);
        let key = match (code, &options.pseudonymiser, pseudonym) {
            (Some(c), Some(keys), _) => format!("p:{}", keys.pseudonym(&c)),
            (_, _, Some(p)) => format!("p:{p}"),
            (Some(c), None, None) => format!("c:{}", c.expose()),
            (None, _, None) => continue,
        };
        let at = row.saturating_add(offset);
        if let Some(&first) = seen.get(&key) {
            return Err(ColumnsError::SamePerson { row: at, first });
        }
        seen.insert(key, at);
    }
    Ok(())
}

impl ColumnsError {
    /// The same error with its row counted `offset` rows later (a batch's rows
    /// as rows of the whole table).
    fn shifted(self, offset: usize) -> ColumnsError {
        let at = |row: usize| row.saturating_add(offset);
        match self {
            ColumnsError::MissingEntryDate { row } => {
                ColumnsError::MissingEntryDate { row: at(row) }
            }
            ColumnsError::InvalidValue { column, row } => ColumnsError::InvalidValue {
                column,
                row: at(row),
            },
            ColumnsError::DateOutOfRange { column, row } => ColumnsError::DateOutOfRange {
                column,
                row: at(row),
            },
            ColumnsError::MissingValue { column, row } => ColumnsError::MissingValue {
                column,
                row: at(row),
            },
            ColumnsError::Inconsistent { column, row, why } => ColumnsError::Inconsistent {
                column,
                row: at(row),
                why,
            },
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The batch's columns cut into chunks at `cuts` of each (rows from 0).
    fn chunked(batch: &RecordBatch, cuts: &[Vec<usize>]) -> Vec<(String, Vec<ArrayRef>)> {
        batch
            .schema()
            .fields()
            .iter()
            .zip(batch.columns())
            .zip(cuts.iter().cycle())
            .map(|((f, a), cuts)| {
                let mut at: Vec<usize> = cuts.iter().map(|c| c % (a.len() + 1)).collect();
                at.extend([0, a.len()]);
                at.sort_unstable();
                let chunks = at.windows(2).map(|w| a.slice(w[0], w[1] - w[0])).collect();
                (f.name().clone(), chunks)
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        /// A table given column by column, each cut into chunks anywhere
        /// (empty chunks too), is the same rows as the table: every batch
        /// is the table's slice at its offset, and the indicators, notes and
        /// errors (at the same row) are the table's — with a bad value or
        /// not.
        #[test]
        fn batches_of_chunks_are_the_table(
            n in 0usize..700,
            cuts in proptest::collection::vec(proptest::collection::vec(0usize..800, 0..4), 1..6),
            bad in proptest::option::of(0usize..700),
        ) {
            use crate::indicator::{Catalogue, CommonIndicators};
            let rules = crate::rulebook::Rulebook::for_period(crate::programme::ProgrammePeriod::Period2021To2027)
                .and_then(|r| r.participants())
                .unwrap();
            let mut batch = to_record_batch(&crate::synthetic::benchmark_table(n, rules)).unwrap();
            if let Some(row) = bad.filter(|_| n > 0).map(|r| r % n) {
                // A gender label that is no gender, at one row.
                let genders: Vec<Option<&str>> = (0..n).map(|i| Some(if i == row { "dog" } else { "woman" })).collect();
                let i = batch.schema().index_of("gender").unwrap();
                let mut cols = batch.columns().to_vec();
                cols[i] = std::sync::Arc::new(arrow_array::StringArray::from(genders));
                let mut fields: Vec<arrow_schema::Field> = batch.schema().fields().iter().map(|f| f.as_ref().clone()).collect();
                fields[i] = arrow_schema::Field::new("gender", DataType::Utf8, true);
                batch = RecordBatch::try_new(std::sync::Arc::new(arrow_schema::Schema::new(fields)), cols).unwrap();
            }
            let columns = chunked(&batch, &cuts);
            let batches = batches_of_chunks(&columns).unwrap();
            let mut offset = 0;
            for b in &batches {
                for (i, c) in b.columns().iter().enumerate() {
                    let expected = batch.column(i).slice(offset, b.num_rows());
                    proptest::prop_assert_eq!(c.as_ref(), expected.as_ref());
                }
                offset += b.num_rows();
            }
            proptest::prop_assert_eq!(offset, n);
            let count = |batches: &[RecordBatch]| {
                let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules, None).unwrap();
                add_batches(&mut ind, batches, &ImportOptions::default()).map(|notes| (ind, notes))
            };
            proptest::prop_assert_eq!(count(&batches), count(std::slice::from_ref(&batch)));
        }
    }

    proptest::proptest! {
        /// The memos of a reading answer as the functions they remember:
        /// any sequence of column names (repeated, ignored, required or
        /// not, duplicates among them) resolves as `resolve_headers` does,
        /// and any sequence of dictionaries (kinds, labels in any spelling,
        /// repeated) reads as `code_of_label` does.
        #[test]
        fn remembered_answers_are_the_answers(
            asks in proptest::collection::vec(
                (
                    proptest::collection::vec(proptest::sample::select(vec![
                        "participant_id", "entry_date", "Aloituspäivä", "gender", "sukupuoli", "nimi", "Gender ",
                    ]), 0..5),
                    proptest::option::of(proptest::sample::select(vec!["nimi", "gender"])),
                    proptest::prelude::any::<bool>(),
                ),
                1..12,
            ),
            dictionaries in proptest::collection::vec(
                (
                    proptest::collection::vec(proptest::option::of(proptest::sample::select(vec![
                        "woman", "nainen", " mies ", "yes", "ei", "declined", "unemployed", "pitkäaikaistyötön", "job_seeking", "dog", "",
                    ])), 0..6),
                    // One list read as several kinds, as polars' one list of
                    // all categories is for every column.
                    proptest::collection::vec(proptest::sample::select(vec![
                        ValueKind::Gender, ValueKind::LabourStatus, ValueKind::Answer, ValueKind::YesNo, ValueKind::ExitSituation,
                    ]), 1..6),
                ),
                1..4,
            ),
        ) {
            for (names, ignore, entry_required) in &asks {
                let ignore: Vec<String> = ignore.iter().map(|s| (*s).to_owned()).collect();
                let required: &[Column] = if *entry_required { &[Column::EntryDate] } else { &[] };
                proptest::prop_assert_eq!(
                    resolve_names(names, &ignore, required),
                    resolve_headers(names, &ignore, required)
                );
            }
            let mut memo = LabelCodes::default();
            for (labels, kinds) in &dictionaries {
                for kind in kinds {
                    let expected: Vec<Option<u8>> = labels.iter().map(|l| l.and_then(|l| code_of_label(*kind, l.trim()))).collect();
                    proptest::prop_assert_eq!(memo.codes(*kind, labels), expected);
                }
            }
        }
    }

    /// Columns of different lengths, or a column whose chunks differ in
    /// type, make no batches; no columns make none either.
    #[test]
    fn batches_of_chunks_refuse_ragged_columns() {
        use arrow_array::{Int32Array, Int64Array};
        let int = |v: Vec<i32>| -> ArrayRef { std::sync::Arc::new(Int32Array::from(v)) };
        assert!(
            batches_of_chunks(&[
                ("a".into(), vec![int(vec![1, 2])]),
                ("b".into(), vec![int(vec![1])])
            ])
            .is_none()
        );
        let wide: ArrayRef = std::sync::Arc::new(Int64Array::from(vec![3]));
        assert!(batches_of_chunks(&[("a".into(), vec![int(vec![1]), wide])]).is_none());
        assert!(batches_of_chunks(&[]).is_none());
        // No rows: one empty batch with the columns.
        let empty = batches_of_chunks(&[("a".into(), vec![])]).unwrap();
        assert_eq!(
            (empty.len(), empty[0].num_rows(), empty[0].num_columns()),
            (1, 0, 1)
        );
    }

    proptest::proptest! {
        /// The one-pass least and greatest are the two reductions' — any
        /// days, any length (the sixteen lanes' remainder included).
        #[test]
        fn least_and_greatest_is_min_and_max(
            days in proptest::collection::vec(proptest::prelude::any::<i32>(), 0..100),
        ) {
            let expected = days.iter().min().copied().zip(days.iter().max().copied());
            proptest::prop_assert_eq!(least_and_greatest(&days), expected);
        }
    }

    /// Two rows of one person — in one batch or in two, by code in any
    /// spelling or by pseudonym — are refused by the column path, which would
    /// count them twice where the record path merges them.
    #[test]
    fn rows_of_one_person_are_refused_not_counted_twice() {
        use arrow_array::{Date32Array, StringArray};
        use std::sync::Arc;
        let rules = crate::rulebook::Rulebook::for_period(
            crate::programme::ProgrammePeriod::Period2021To2027,
        )
        .and_then(|r| r.participants())
        .unwrap();
        let batch = |codes: Vec<Option<&str>>| {
            RecordBatch::try_from_iter([
                (
                    "entry_date",
                    Arc::new(Date32Array::from(vec![19_782; codes.len()])) as ArrayRef,
                ),
                (
                    "identity_code",
                    Arc::new(StringArray::from(codes)) as ArrayRef,
                ),
            ])
            .unwrap()
        };
        let options = ImportOptions {
            accept_temporary_codes: true,
            ..ImportOptions::default()
        };
        let count = |batches: &[RecordBatch]| {
            let mut ind = crate::indicator::CommonIndicators::new(
                crate::indicator::Catalogue::EsfPlus,
                rules,
                None,
            )
            .unwrap();
            add_batches(&mut ind, batches, &options).map(|_| ind.grand_total().total())
        };
        assert_eq!(
            count(&[batch(vec![
                Some("010190-905V"),
                Some("010190-903T"),
                None,
                None
            ])]),
            Ok(4)
        );
        // The same code, lower-case and padded: the same person.
        assert_eq!(
            count(&[batch(vec![
                Some("010190-905V"),
                None,
                Some(" 010190-905v ")
            ])]),
            Err(ColumnsError::SamePerson { row: 2, first: 0 })
        );
        // Across batches, rows counted over the whole table.
        let e = count(&[
            batch(vec![Some("010190-905V")]),
            batch(vec![None, Some("010190-905V")]),
        ])
        .unwrap_err();
        assert_eq!(e, ColumnsError::SamePerson { row: 2, first: 0 });
        assert_eq!(e.code(), "columns.same_person");
        assert!(!crate::ids::holds_identity_code(&e.to_string()));
    }

    /// Rows dated outside the period's eligibility window are counted and
    /// said once for the table (`PART-PLAUS-003`): how many, and the first
    /// row counted over every batch; a missing exit date (an Arrow null,
    /// whatever its slot holds) is no date outside it.
    #[test]
    fn dates_outside_the_eligibility_window_are_said() {
        use arrow_array::Date32Array;
        use std::sync::Arc;
        let day = |d: &str| days_from_date(d.parse().unwrap());
        let batch = |entries: Vec<&str>, exits: Vec<Option<&str>>| {
            RecordBatch::try_from_iter([
                (
                    "entry_date",
                    Arc::new(Date32Array::from(
                        entries.iter().map(|d| day(d)).collect::<Vec<_>>(),
                    )) as ArrayRef,
                ),
                (
                    "exit_date",
                    Arc::new(Date32Array::from(
                        exits.iter().map(|d| d.map(day)).collect::<Vec<_>>(),
                    )) as ArrayRef,
                ),
            ])
            .unwrap()
        };
        let rules = crate::rulebook::Rulebook::for_period(
            crate::programme::ProgrammePeriod::Period2021To2027,
        )
        .and_then(|r| r.participants())
        .unwrap();
        let mut ind = crate::indicator::CommonIndicators::new(
            crate::indicator::Catalogue::EsfPlus,
            rules,
            None,
        )
        .unwrap();
        let table = [
            batch(
                vec!["2022-01-10", "2023-05-02"],
                vec![None, Some("2023-06-01")],
            ),
            batch(
                vec!["2024-02-01", "2020-12-31", "2019-03-04"],
                vec![Some("2030-01-01"), None, Some("2024-01-01")],
            ),
        ];
        let notes = add_batches(&mut ind, &table, &ImportOptions::default()).unwrap();
        assert_eq!(ind.grand_total().total(), 5, "counted as given");
        let said: Vec<(&str, Option<u64>, &str)> = notes
            .iter()
            .filter(|f| f.rule_id == "PART-PLAUS-003")
            .map(|f| (f.path.as_str(), f.row, f.message_en.as_str()))
            .collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert_eq!((said[0].0, said[0].1), ("entry_date", Some(3)));
        assert!(said[0].2.starts_with("2 rows have an entry date outside 2021–2027's eligibility window 2021-01-01 – 2029-12-31 (Reg. (EU) 2021/1060 Art 63(2)), the first at row 3"), "{}", said[0].2);
        assert_eq!((said[1].0, said[1].1), ("exit_date", Some(2)));
        assert!(
            said[1].2.starts_with("1 row has an exit date"),
            "{}",
            said[1].2
        );
        // Inside the window: nothing said.
        let notes = add_batches(&mut ind, &table[..1], &ImportOptions::default()).unwrap();
        assert!(notes.iter().all(|f| f.rule_id != "PART-PLAUS-003"));
    }

    /// A zoned timestamp's day is `hanke_base::day::helsinki_day` of it —
    /// the one Helsinki clock, whose own tests hold it to Python's
    /// `zoneinfo` — at instants every 97 minutes and a second through the
    /// years of each rule (mean time, 1942, 1981–1982, 1983–1995, from 1996).
    #[test]
    fn a_zoned_day_is_the_helsinki_clocks() {
        for (from, to) in [
            ("1920-12-01", "1921-06-01"),
            ("1942-03-01", "1942-11-01"),
            ("1981-03-01", "1982-11-01"),
            ("1990-03-01", "1990-11-01"),
            ("2023-12-01", "2025-12-01"),
        ] {
            let at = |d: &str| i64::from(days_from_date(d.parse().unwrap())) * DAY_SECONDS;
            let mut t = at(from);
            while t < at(to) {
                let want = hanke_base::day::helsinki_day(t)
                    .map(days_from_date)
                    .map(i64::from);
                assert_eq!(Some(helsinki_day(t)), want, "{t}");
                t += 97 * 60 + 1;
            }
        }
    }
}
