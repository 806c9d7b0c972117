//! Participant columns from an Arrow record batch (feature `arrow`) — how a
//! polars or pyarrow table, or any Arrow producer, reaches the indicators.
//!
//! Columns are found by the participant file's English names (`entry_date`,
//! `gender`, …; see [`COLUMN_NAMES`]); any other column is ignored, any missing
//! one reads as missing data (only `entry_date` is required). Read **without a
//! copy**: `Date32` dates, dictionary-encoded categorical columns (pandas and
//! polars categoricals, Arrow dictionaries) of any key width, integer education
//! codes, `Boolean` flags, and every validity bitmap. **Copied** (converted
//! once): `Date64` and timestamp dates (to days), plain string categorical
//! columns (each distinct label parsed once). Labels are read as the participant
//! file reads them (`woman`/`nainen`, `unemployed`/`työtön`, …).
//!
//! ```
//! use std::sync::Arc;
//! use arrow_array::{Date32Array, DictionaryArray, RecordBatch, types::Int8Type};
//! use hanke::indicator::{Catalogue, CommonIndicators};
//! use hanke::participant::columns::arrow::with_columns;
//! use hanke::rulebook::Rulebook;
//! use hanke::programme::ProgrammePeriod;
//!
//! let gender: DictionaryArray<Int8Type> = vec!["nainen", "mies", "nainen"].into_iter().collect();
//! let batch = RecordBatch::try_from_iter([
//!     ("entry_date", Arc::new(Date32Array::from(vec![19_782, 19_800, 19_900])) as _),
//!     ("gender", Arc::new(gender) as _),
//! ])?;
//! let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
//! let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules, None)?;
//! with_columns(&batch, |cols| ind.add_columns(cols))??;
//! assert_eq!(ind.grand_total().women, 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date64Type, Int8Type, Int16Type, Int32Type, Int64Type, TimestampMicrosecondType,
    TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType, UInt8Type, UInt16Type,
    UInt32Type,
};
use arrow_array::{Array, ArrayRef, BooleanArray, RecordBatch};
use arrow_schema::{DataType, TimeUnit};

use super::{
    Bitmap, Code, CodeColumn, ColumnsError, DateColumn, FlagColumn, Keys, ParticipantColumns,
    PresenceColumn,
};
use crate::classify::EducationLevel;
use crate::participant::{Answer, ExitSituation, Gender, Improvement, LabourStatus};

/// The column names read, in the participant file's order.
pub const COLUMN_NAMES: [&str; 22] = [
    "entry_date",
    "birth_date",
    "gender",
    "municipality",
    "labour_status",
    "unemployed_since",
    "education",
    "disability",
    "foreign_background",
    "third_country_national",
    "minority",
    "homeless",
    "other_disadvantaged",
    "household_jobless",
    "household_dependent_children",
    "household_single_adult",
    "exit_date",
    "exit_situation",
    "qualification_gained",
    "follow_up_date",
    "follow_up_employed",
    "follow_up_improvement",
];

/// A column's validity bitmap, as Arrow holds it.
fn nulls(a: &dyn Array) -> Option<Bitmap<'_>> {
    a.nulls().and_then(|n| {
        let b = n.inner();
        Bitmap::new(b.values(), b.offset(), b.len())
    })
}

fn unsupported(column: &'static str, a: &dyn Array, expected: &'static str) -> ColumnsError {
    ColumnsError::UnsupportedType {
        column,
        found: a.data_type().to_string(),
        expected,
    }
}

/// What was converted because it could not be borrowed; lives while the
/// columns are used.
#[derive(Default)]
struct Converted {
    days: Vec<(&'static str, Vec<i32>)>,
    codes: Vec<ConvertedCodes>,
}

/// A plain string column turned into keys: (column, keys, key → code).
type ConvertedCodes = (&'static str, Vec<u8>, Vec<Option<u8>>);

/// Days since 1970 of a non-`Date32` date column.
fn convert_days(column: &'static str, a: &dyn Array) -> Result<Vec<i32>, ColumnsError> {
    const DAY_MS: i64 = 86_400_000;
    let to_days = |v: i64, per_day: i64| i32::try_from(v.div_euclid(per_day)).unwrap_or(i32::MAX);
    let values: Vec<i32> = match a.data_type() {
        DataType::Date64 => a
            .as_primitive::<Date64Type>()
            .values()
            .iter()
            .map(|v| to_days(*v, DAY_MS))
            .collect(),
        DataType::Timestamp(unit, _) => {
            let per_day = match unit {
                TimeUnit::Second => DAY_MS / 1000,
                TimeUnit::Millisecond => DAY_MS,
                TimeUnit::Microsecond => DAY_MS * 1000,
                TimeUnit::Nanosecond => DAY_MS * 1_000_000,
            };
            let raw: &[i64] = match unit {
                TimeUnit::Second => a.as_primitive::<TimestampSecondType>().values(),
                TimeUnit::Millisecond => a.as_primitive::<TimestampMillisecondType>().values(),
                TimeUnit::Microsecond => a.as_primitive::<TimestampMicrosecondType>().values(),
                TimeUnit::Nanosecond => a.as_primitive::<TimestampNanosecondType>().values(),
            };
            raw.iter().map(|v| to_days(*v, per_day)).collect()
        }
        _ => {
            return Err(unsupported(
                column,
                a,
                "a date (Date32, Date64 or timestamp)",
            ));
        }
    };
    Ok(values)
}

/// The labels of a string array (dictionary values or a plain column).
fn labels(a: &dyn Array) -> Option<Vec<Option<&str>>> {
    Some(match a.data_type() {
        DataType::Utf8 => a.as_string::<i32>().iter().collect(),
        DataType::LargeUtf8 => a.as_string::<i64>().iter().collect(),
        DataType::Utf8View => a.as_string_view().iter().collect(),
        _ => return None,
    })
}

/// How a categorical column's labels and integers read.
struct Reader {
    parse: fn(&str) -> Option<u8>,
    /// Whether plain integers are the codes (education levels 0–9).
    integers: bool,
    count: u8,
}

fn code_of<T: Code>(v: Option<T>) -> Option<u8> {
    v.map(Code::column_code)
}

fn reader(column: &'static str) -> Reader {
    let answer = |s: &str| code_of(Answer::from_label(s));
    match column {
        "gender" => Reader {
            parse: |s| code_of(Gender::from_label(s)),
            integers: false,
            count: 3,
        },
        "labour_status" => Reader {
            parse: |s| code_of(LabourStatus::from_label(s)),
            integers: false,
            count: 5,
        },
        "education" => Reader {
            parse: |s| code_of(s.trim().parse::<EducationLevel>().ok()),
            integers: true,
            count: 10,
        },
        "exit_situation" => Reader {
            parse: |s| code_of(s.trim().parse::<ExitSituation>().ok()),
            integers: false,
            count: 11,
        },
        "follow_up_improvement" => Reader {
            parse: |s| code_of(Improvement::from_label(s)),
            integers: false,
            count: 4,
        },
        _ => Reader {
            parse: answer,
            integers: false,
            count: 3,
        },
    }
}

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

/// A categorical column: borrowed keys where Arrow allows, else converted.
enum CodeSource<'b> {
    Borrowed(Keys<'b>, Vec<Option<u8>>),
    Converted(Vec<u8>, Vec<Option<u8>>),
}

fn code_source<'b>(column: &'static str, a: &'b ArrayRef) -> Result<CodeSource<'b>, ColumnsError> {
    let r = reader(column);
    let parse_all = |labels: Vec<Option<&str>>| -> Vec<Option<u8>> {
        labels.into_iter().map(|l| l.and_then(r.parse)).collect()
    };
    if let Some(d) = a.as_any_dictionary_opt() {
        let dictionary = labels(d.values().as_ref())
            .map(parse_all)
            .ok_or_else(|| unsupported(column, a.as_ref(), "a dictionary of strings"))?;
        let keys = integer_keys(d.keys())
            .ok_or_else(|| unsupported(column, a.as_ref(), "dictionary keys of up to 64 bits"))?;
        return Ok(CodeSource::Borrowed(keys, dictionary));
    }
    if let Some(labels) = labels(a.as_ref()) {
        // Each distinct label parsed once; a label that is no value becomes the
        // dictionary entry `None`, an error where a present row uses it.
        let mut seen: Vec<(&str, u8)> = Vec::new();
        let mut dictionary: Vec<Option<u8>> = Vec::new();
        let mut keys = Vec::with_capacity(labels.len());
        for l in labels {
            let l = l.unwrap_or("");
            let key = match seen.iter().find(|(s, _)| *s == l) {
                Some((_, k)) => *k,
                None => {
                    let k = u8::try_from(dictionary.len()).unwrap_or(u8::MAX);
                    if dictionary.len() < usize::from(u8::MAX) {
                        dictionary.push((r.parse)(l));
                        seen.push((l, k));
                    }
                    k
                }
            };
            keys.push(key);
        }
        return Ok(CodeSource::Converted(keys, dictionary));
    }
    if r.integers {
        let identity: Vec<Option<u8>> = (0..r.count).map(Some).collect();
        let keys = integer_keys(a.as_ref())
            .ok_or_else(|| unsupported(column, a.as_ref(), "education codes or labels"))?;
        return Ok(CodeSource::Borrowed(keys, identity));
    }
    Err(unsupported(
        column,
        a.as_ref(),
        "labels (strings or a dictionary)",
    ))
}

fn code_column<'b>(
    keys: Keys<'b>,
    valid: Option<Bitmap<'b>>,
    dictionary: &[Option<u8>],
) -> CodeColumn<'b> {
    let decode = dictionary
        .iter()
        .map(|c| c.unwrap_or(super::INVALID))
        .collect();
    CodeColumn::from_decode(keys, valid, decode)
}

fn flag_column<'b>(column: &'static str, a: &'b ArrayRef) -> Result<FlagColumn<'b>, ColumnsError> {
    let b: &BooleanArray = a
        .as_boolean_opt()
        .ok_or_else(|| unsupported(column, a.as_ref(), "Boolean"))?;
    let v = b.values();
    let values = Bitmap::new(v.values(), v.offset(), v.len())
        .ok_or(ColumnsError::BitmapTooShort { column })?;
    Ok(FlagColumn::new(values, nulls(a.as_ref())))
}

/// Calls `f` with the participant columns of `batch` (see the module for the
/// names and types read), borrowing the batch's buffers wherever Arrow's layout
/// is hanke's.
pub fn with_columns<R>(
    batch: &RecordBatch,
    f: impl FnOnce(&ParticipantColumns<'_>) -> R,
) -> Result<R, ColumnsError> {
    let get = |name: &str| batch.column_by_name(name);
    let mut converted = Converted::default();
    // First pass: everything that has to be converted, so that the second can
    // borrow both the batch and the conversions.
    for name in COLUMN_NAMES {
        let Some(a) = get(name) else { continue };
        let is_date = name.ends_with("_date") || name == "unemployed_since";
        if is_date && *a.data_type() != DataType::Date32 {
            converted.days.push((name, convert_days(name, a.as_ref())?));
        }
    }
    let mut sources: Vec<(&'static str, CodeSource<'_>)> = Vec::new();
    for name in [
        "gender",
        "labour_status",
        "education",
        "disability",
        "foreign_background",
        "third_country_national",
        "minority",
        "homeless",
        "other_disadvantaged",
        "exit_situation",
        "follow_up_improvement",
    ] {
        if let Some(a) = get(name) {
            match code_source(name, a)? {
                CodeSource::Converted(keys, dict) => converted.codes.push((name, keys, dict)),
                borrowed => sources.push((name, borrowed)),
            }
        }
    }

    let date = |name: &'static str| -> Result<Option<DateColumn<'_>>, ColumnsError> {
        let Some(a) = get(name) else { return Ok(None) };
        let valid = nulls(a.as_ref());
        if let Some(d) = a.as_primitive_opt::<arrow_array::types::Date32Type>() {
            return Ok(Some(DateColumn::new(d.values(), valid)));
        }
        let days = converted
            .days
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, d)| d.as_slice())
            .ok_or_else(|| unsupported(name, a.as_ref(), "a date"))?;
        Ok(Some(DateColumn::new(days, valid)))
    };
    let code = |name: &'static str| -> Option<CodeColumn<'_>> {
        let a = get(name)?;
        let valid = nulls(a.as_ref());
        if let Some((_, CodeSource::Borrowed(keys, dict))) =
            sources.iter().find(|(n, _)| *n == name)
        {
            return Some(code_column(*keys, valid, dict));
        }
        converted
            .codes
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, keys, dict)| code_column(Keys::U8(keys), valid, dict))
    };
    let flag = |name: &'static str| get(name).map(|a| flag_column(name, a)).transpose();

    let entry = date("entry_date")?.ok_or(ColumnsError::MissingColumn {
        column: "entry_date",
    })?;
    let mut cols = ParticipantColumns::new(entry);
    macro_rules! set {
        ($value:expr, $with:ident) => {
            if let Some(c) = $value {
                cols = cols.$with(c)?;
            }
        };
    }
    set!(date("birth_date")?, with_birth_date);
    set!(code("gender"), with_gender);
    if let Some(a) = get("municipality") {
        cols = cols.with_municipality(PresenceColumn::new(a.len(), nulls(a.as_ref())))?;
    }
    set!(code("labour_status"), with_labour_status);
    set!(date("unemployed_since")?, with_unemployed_since);
    set!(code("education"), with_education);
    set!(code("disability"), with_disability);
    set!(code("foreign_background"), with_foreign_background);
    set!(code("third_country_national"), with_third_country_national);
    set!(code("minority"), with_minority);
    set!(code("homeless"), with_homeless);
    set!(code("other_disadvantaged"), with_other_disadvantaged);
    set!(flag("household_jobless")?, with_household_jobless);
    set!(
        flag("household_dependent_children")?,
        with_household_dependent_children
    );
    set!(flag("household_single_adult")?, with_household_single_adult);
    set!(date("exit_date")?, with_exit_date);
    set!(code("exit_situation"), with_exit_situation);
    set!(flag("qualification_gained")?, with_qualification_gained);
    set!(date("follow_up_date")?, with_follow_up_date);
    set!(flag("follow_up_employed")?, with_follow_up_employed);
    set!(code("follow_up_improvement"), with_follow_up_improvement);
    Ok(f(&cols))
}

/// Arrow buffers of a [`ParticipantTable`]'s bitmap.
fn null_buffer(b: &super::BitmapBuf) -> arrow_buffer::NullBuffer {
    arrow_buffer::NullBuffer::new(arrow_buffer_of(b))
}

fn arrow_buffer_of(b: &super::BitmapBuf) -> arrow_buffer::BooleanBuffer {
    arrow_buffer::BooleanBuffer::new(arrow_buffer::Buffer::from(b.bytes.clone()), 0, b.len)
}

fn dates(d: &super::DateBuf) -> ArrayRef {
    std::sync::Arc::new(arrow_array::Date32Array::new(
        d.days.clone().into(),
        Some(null_buffer(&d.valid)),
    ))
}

fn dictionary(c: &super::CodeBuf, labels: &[&str]) -> Result<ArrayRef, arrow_schema::ArrowError> {
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

fn flags(f: &super::FlagBuf) -> ArrayRef {
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
/// use hanke::participant::synthetic::{generate, SyntheticConfig};
/// use hanke::participant::columns::{ParticipantTable, arrow::{to_record_batch, with_columns}};
/// use hanke::indicator::{Catalogue, CommonIndicators};
/// use hanke::rulebook::Rulebook;
/// use hanke::programme::ProgrammePeriod;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
/// let people = generate(&SyntheticConfig::new(3, 200, d(2023, 1, 1), d(2025, 12, 31)), rules);
/// let batch = to_record_batch(&ParticipantTable::from_participants(&people)?)?;
/// let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules, None)?;
/// with_columns(&batch, |c| ind.add_columns(c))??;
/// assert_eq!(ind, CommonIndicators::compute(Catalogue::EsfPlus, rules, None, &people)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_record_batch(
    t: &super::ParticipantTable,
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
    let improvements: Vec<&str> = [
        Improvement::PrecariousToStable,
        Improvement::UnderemployedToFull,
        Improvement::HigherSkilledJob,
        Improvement::Promotion,
    ]
    .map(Improvement::code)
    .to_vec();
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

impl ColumnsError {
    /// The same error with its row counted `offset` rows later (a batch's rows
    /// as rows of the whole table).
    fn shifted(self, offset: usize) -> ColumnsError {
        match self {
            ColumnsError::MissingEntryDate { row } => ColumnsError::MissingEntryDate {
                row: row.saturating_add(offset),
            },
            ColumnsError::InvalidValue { column, row } => ColumnsError::InvalidValue {
                column,
                row: row.saturating_add(offset),
            },
            ColumnsError::DateOutOfRange { column, row } => ColumnsError::DateOutOfRange {
                column,
                row: row.saturating_add(offset),
            },
            other => other,
        }
    }
}

/// Counts the participants of every batch of a table into `indicators`, rows in
/// errors counted from the start of the table. On an error nothing is counted.
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{Date32Array, RecordBatch, StringArray};
/// use hanke::indicator::{Catalogue, CommonIndicators};
/// use hanke::participant::columns::{ColumnsError, arrow::add_batches};
/// use hanke::rulebook::Rulebook;
/// use hanke::programme::ProgrammePeriod;
/// let batch = |genders: Vec<&str>| RecordBatch::try_from_iter([
///     ("entry_date", Arc::new(Date32Array::from(vec![19_782; genders.len()])) as _),
///     ("gender", Arc::new(StringArray::from(genders)) as _),
/// ]);
/// let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
/// let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules, None)?;
/// let table = [batch(vec!["woman", "man"])?, batch(vec!["man", "dog"])?];
/// let e = add_batches(&mut ind, &table).unwrap_err();
/// assert_eq!(e, ColumnsError::InvalidValue { column: "gender", row: 3 });
/// assert_eq!(ind.grand_total().total(), 0);
/// add_batches(&mut ind, &table[..1])?;
/// assert_eq!(ind.grand_total().total(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_batches<'b>(
    indicators: &mut crate::indicator::CommonIndicators,
    batches: impl IntoIterator<Item = &'b RecordBatch>,
) -> Result<(), ColumnsError> {
    let mut sum = indicators.clone();
    let mut offset = 0usize;
    for batch in batches {
        with_columns(batch, |cols| sum.add_columns(cols))
            .and_then(|counted| counted)
            .map_err(|e| e.shifted(offset))?;
        offset = offset.saturating_add(batch.num_rows());
    }
    *indicators = sum;
    Ok(())
}
