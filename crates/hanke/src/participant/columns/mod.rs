//! Participant data in columns — *osallistujatiedot sarakkeittain*: the fields
//! the indicators read, one array per field, as Arrow and data-frame libraries
//! hold them.
//!
//! [`ParticipantColumns`] borrows its arrays (a date column is `&[i32]` days
//! since 1970-01-01, Arrow's `Date32`; validity is a bitmap with a bit offset, as
//! in Arrow), so a table that already sits in memory is read where it lies,
//! without a copy. [`ParticipantTable`] owns the same arrays, built from
//! [`Participant`] records. ADR 0012 explains the layout.
//!
//! What the columns hold is the participant-file format of
//! [`crate::import`] (one exit situation per record, no later exit events) plus
//! the household items of 2014–2020; a record with later exit events cannot be
//! put into columns (`columns.later_events`) and is computed from records instead.
//!
//! ```
//! use chrono::NaiveDate;
//! use hanke::participant::{Gender, Participant};
//! use hanke::participant::columns::ParticipantTable;
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! let mut p = Participant::new("P1".parse()?, d(2024, 2, 1));
//! p.entry.gender = Some(Gender::Woman);
//! let table = ParticipantTable::from_participants([&p])?;
//! assert_eq!(table.len(), 1);
//! assert_eq!(table.columns().len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::NaiveDate;

use super::{Answer, ExitSituation, Gender, Improvement, LabourStatus, Participant};
use crate::classify::EducationLevel;

/// The day Arrow's `Date32` counts from.
pub(crate) const EPOCH_FROM_CE: i32 = 719_163;

/// A date as days since 1970-01-01 (Arrow `Date32`).
///
/// ```
/// use chrono::NaiveDate;
/// use hanke::participant::columns::{days_from_date, date_from_days};
/// let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
/// assert_eq!(days_from_date(d), 19_782);
/// assert_eq!(date_from_days(19_782), Some(d));
/// ```
#[allow(
    clippy::arithmetic_side_effects,
    reason = "day numbers of chrono's calendar (±262 143 years): far inside i32"
)]
pub fn days_from_date(date: NaiveDate) -> i32 {
    use chrono::Datelike;
    date.num_days_from_ce() - EPOCH_FROM_CE
}

/// The date of a day number (days since 1970-01-01); `None` outside the dates
/// hanke can represent (about ±262 000 years).
pub fn date_from_days(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(EPOCH_FROM_CE)?)
}

/// Why columns cannot be read — with a stable code ([`ColumnsError::code`]).
/// Rows are counted from 0, as in the table; nothing in an error is personal data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ColumnsError {
    /// A column has another length than the entry dates.
    #[error("column {column} has {found} rows, the entry dates {expected}")]
    LengthMismatch {
        /// The column.
        column: &'static str,
        /// Rows of the entry-date column.
        expected: usize,
        /// Rows of this column.
        found: usize,
    },
    /// A validity or value bitmap is shorter than its column.
    #[error("the bitmap of column {column} is shorter than the column")]
    BitmapTooShort {
        /// The column.
        column: &'static str,
    },
    /// A record has no entry date: without one a person is not a participant.
    #[error("row {row} has no entry date")]
    MissingEntryDate {
        /// The row.
        row: usize,
    },
    /// A value is not one of the column's values (e.g. a dictionary entry that
    /// is not a gender); the message lists what the column accepts.
    #[error(
        "row {row}: the value of column {column} is not one of its values; accepted: {}",
        accepted_of(column)
    )]
    InvalidValue {
        /// The column.
        column: &'static str,
        /// The row.
        row: usize,
    },
    /// A date outside the dates hanke can represent.
    #[error("row {row}: the date in column {column} is out of range")]
    DateOutOfRange {
        /// The column.
        column: &'static str,
        /// The row.
        row: usize,
    },
    /// A record with exit events after the exit day, which columns do not hold.
    #[error("row {row} has later exit events, which columns do not hold; compute it from records")]
    LaterEvents {
        /// The row.
        row: usize,
    },
    /// A column's type cannot be read as the field (reading a table).
    #[error("column {column} has type {found}, which cannot be read as {expected}")]
    UnsupportedType {
        /// The column.
        column: &'static str,
        /// What the column holds.
        found: crate::Echo,
        /// What was expected.
        expected: &'static str,
    },
    /// A column present in the table has a row without a value that a record
    /// must have (the participant id).
    #[error("row {row}: column {column} has no value")]
    MissingValue {
        /// The column.
        column: &'static str,
        /// The row.
        row: usize,
    },
    /// Values of a row that contradict each other, as the record reader would
    /// refuse them (a start of unemployment for someone not unemployed, exit
    /// data without an exit date, a household given in part).
    #[error("row {row}: column {column}: {why}")]
    Inconsistent {
        /// The column.
        column: &'static str,
        /// The row.
        row: usize,
        /// What contradicts what.
        why: &'static str,
    },
    /// A row of a person an earlier row is of (the same identity code or
    /// pseudonym): the column path counts rows, and counting both would count
    /// a re-entry twice; merge re-entries first (the record path does).
    #[error(
        "row {row}: the same person as row {first} (identity code or pseudonym); the column path counts rows, so merge re-entries first (reading the records merges them)"
    )]
    SamePerson {
        /// The later row.
        row: usize,
        /// The first row of that person.
        first: usize,
    },
    /// The table's columns (the same [`HeaderError`](crate::participant::fields::HeaderError) a CSV header gets).
    #[error("{0}")]
    Header(crate::participant::fields::HeaderError),
    /// The reading options ask for what cannot be done (identity codes
    /// dropped without a pseudonymiser), as a file's reader refuses it.
    #[error("{0}")]
    Pseudonym(crate::participant::PseudonymError),
}

/// What a column accepts, from the field table, for messages.
fn accepted_of(column: &str) -> String {
    crate::participant::fields::Column::from_header(column).map_or_else(String::new, |c| {
        let kind = c.spec().kind;
        let line = kind.accepted_line();
        if line.is_empty() {
            kind.expected().en.to_string()
        } else {
            line
        }
    })
}

error_codes! {
    ColumnsError {
        ColumnsError::LengthMismatch { .. } => "columns.length_mismatch": "A column has another length than the entry dates.",
        ColumnsError::BitmapTooShort { .. } => "columns.bitmap_too_short": "A validity or value bitmap is shorter than its column.",
        ColumnsError::MissingEntryDate { .. } => "columns.missing_entry_date": "A record has no entry date: without one a person is not a participant.",
        ColumnsError::InvalidValue { .. } => "columns.invalid_value": "A value is not one of the column's values (e.g. a dictionary entry that is not a gender).",
        ColumnsError::DateOutOfRange { .. } => "columns.date_out_of_range": "A date outside the dates hanke can represent.",
        ColumnsError::LaterEvents { .. } => "columns.later_events": "A record with exit events after the exit day, which columns do not hold.",
        ColumnsError::UnsupportedType { .. } => "columns.unsupported_type": "A column's type cannot be read as the field (reading a table): a null, binary, list or struct column where values are expected.",
        ColumnsError::MissingValue { .. } => "columns.missing_value": "A column present in the table has a row without a value a record must have (the participant id).",
        ColumnsError::Inconsistent { .. } => "columns.inconsistent": "Values of a row that contradict each other, as the record reader would refuse them.",
        ColumnsError::SamePerson { .. } => "columns.same_person": "A row of a person an earlier row is of (the same identity code or pseudonym): the column path counts rows, so re-entries are merged first.",
    }
    via {
        ColumnsError::Header(e) => e,
        ColumnsError::Pseudonym(e) => e,
    }
}

/// A borrowed bitmap — bit `i` of the column is bit `offset + i` of `bytes`,
/// least significant bit first (Arrow's layout).
///
/// ```
/// use hanke::participant::columns::Bitmap;
/// let b = Bitmap::new(&[0b1010_0000, 0b0000_0001], 5, 4).unwrap();
/// assert_eq!((0..4).map(|i| b.get(i)).collect::<Vec<_>>(), [true, false, true, true]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bitmap<'a> {
    bytes: &'a [u8],
    offset: usize,
    len: usize,
}

impl<'a> Bitmap<'a> {
    /// A bitmap of `len` bits starting at bit `offset` of `bytes`; `None` if
    /// `bytes` is too short.
    pub fn new(bytes: &'a [u8], offset: usize, len: usize) -> Option<Bitmap<'a>> {
        let bits = offset.checked_add(len)?;
        (bytes.len().checked_mul(8)? >= bits).then_some(Bitmap { bytes, offset, len })
    }

    /// Bits in the bitmap.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the bitmap has no bits.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bit `i` (false past the end).
    pub fn get(&self, i: usize) -> bool {
        i < self.len && self.word(i, 1) == 1
    }

    /// `n` ≤ 64 bits from bit `start`: bit `k` of the result is bit `start + k`;
    /// bits past the end are 0.
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "a bit offset inside the bitmap's buffer"
    )]
    pub(crate) fn word(&self, start: usize, n: usize) -> u64 {
        let n = n.min(self.len.saturating_sub(start)).min(64);
        if n == 0 {
            return 0;
        }
        let bit = self.offset + start;
        let first = bit / 8;
        // Nine whole bytes in place (all but the end of the bitmap): fixed-size
        // reads, where the general copy below is a `memcpy` call.
        if let Some((eight, rest)) = self
            .bytes
            .get(first..first.saturating_add(9))
            .and_then(|nine| nine.split_first_chunk::<8>())
        {
            let ninth = rest.first().copied().unwrap_or(0);
            let wide = u128::from(u64::from_le_bytes(*eight)) | u128::from(ninth) << 64;
            return ((wide >> (bit % 8)) as u64) & low_bits(n);
        }
        let mut buf = [0u8; 16];
        let end = first.saturating_add(9).min(self.bytes.len());
        if let (Some(src), Some(dst)) = (
            self.bytes.get(first..end),
            buf.get_mut(..end.saturating_sub(first)),
        ) {
            dst.copy_from_slice(src);
        }
        let shifted = u128::from_le_bytes(buf) >> (bit % 8);
        (shifted as u64) & low_bits(n)
    }
}

/// The lowest `n` bits set.
pub(crate) fn low_bits(n: usize) -> u64 {
    if n >= 64 {
        u64::MAX
    } else {
        (1u64 << n).wrapping_sub(1)
    }
}

/// The keys of a categorical column: the codes themselves, or indices into a
/// dictionary (Arrow dictionary arrays, pandas and polars categoricals). Any
/// integer width, so that a dictionary array is read without a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Keys<'a> {
    /// 8-bit unsigned keys.
    U8(&'a [u8]),
    /// 8-bit signed keys.
    I8(&'a [i8]),
    /// 16-bit unsigned keys.
    U16(&'a [u16]),
    /// 16-bit signed keys.
    I16(&'a [i16]),
    /// 32-bit unsigned keys (polars categoricals).
    U32(&'a [u32]),
    /// 32-bit signed keys (pyarrow dictionaries).
    I32(&'a [i32]),
    /// 64-bit signed keys.
    I64(&'a [i64]),
}

impl Keys<'_> {
    /// How many keys.
    pub fn len(&self) -> usize {
        match self {
            Keys::U8(s) => s.len(),
            Keys::I8(s) => s.len(),
            Keys::U16(s) => s.len(),
            Keys::I16(s) => s.len(),
            Keys::U32(s) => s.len(),
            Keys::I32(s) => s.len(),
            Keys::I64(s) => s.len(),
        }
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Key `i` as an index (`None` past the keys, or for a negative key).
    #[cfg_attr(
        not(feature = "arrow"),
        allow(dead_code, reason = "the Arrow reader's")
    )]
    pub(crate) fn index(&self, i: usize) -> Option<usize> {
        fn at<K: Copy + TryInto<usize>>(keys: &[K], i: usize) -> Option<usize> {
            keys.get(i).and_then(|&k| k.try_into().ok())
        }
        match self {
            Keys::U8(s) => at(s, i),
            Keys::I8(s) => at(s, i),
            Keys::U16(s) => at(s, i),
            Keys::I16(s) => at(s, i),
            Keys::U32(s) => at(s, i),
            Keys::I32(s) => at(s, i),
            Keys::I64(s) => at(s, i),
        }
    }

    /// Whether every key (null slots' too) is an index below `len`: a
    /// negative key as its unsigned twin is past any index, so one unsigned
    /// comparison a key, or-ed over chunks — a loop the compiler vectorises
    /// (no early exit inside a chunk). The fast path of the Arrow reader's
    /// check of a dictionary's keys.
    #[cfg_attr(
        not(feature = "arrow"),
        allow(dead_code, reason = "the Arrow reader's")
    )]
    pub(crate) fn all_below(&self, len: usize) -> bool {
        /// `lim`: the least unsigned twin that is no index (`None`: every
        /// key is one).
        fn go<K: Copy, U: Copy + PartialOrd>(
            keys: &[K],
            lim: Option<U>,
            twin: impl Fn(K) -> U,
        ) -> bool {
            let Some(lim) = lim else {
                return true;
            };
            keys.chunks(1_024)
                .all(|c| !c.iter().fold(false, |past, &k| past | (twin(k) >= lim)))
        }
        /// The limit of a signed width: no index is past its largest key,
        /// and every negative key's twin is past that.
        fn signed<U: TryFrom<usize>>(len: usize, largest: usize) -> Option<U> {
            U::try_from(len.min(largest.saturating_add(1))).ok()
        }
        #[allow(
            clippy::cast_sign_loss,
            reason = "the unsigned twin of a key, on purpose"
        )]
        match self {
            Keys::U8(s) => go(s, u8::try_from(len).ok(), |k| k),
            Keys::I8(s) => go(s, signed(len, 127), |k| k as u8),
            Keys::U16(s) => go(s, u16::try_from(len).ok(), |k| k),
            Keys::I16(s) => go(s, signed(len, 32_767), |k| k as u16),
            Keys::U32(s) => go(s, u32::try_from(len).ok(), |k| k),
            Keys::I32(s) => go(s, signed(len, 2_147_483_647), |k| k as u32),
            Keys::I64(s) => go(s, signed(len, usize::MAX), |k| k as u64),
        }
    }

    /// Decodes keys `start..start + out.len()` through `decode` (key → code;
    /// [`INVALID`] for keys outside it).
    pub(crate) fn decode_into(&self, start: usize, decode: &[u8], out: &mut [u8]) {
        fn go<K: Copy>(
            keys: &[K],
            start: usize,
            decode: &[u8],
            out: &mut [u8],
            idx: impl Fn(K) -> usize,
        ) {
            let keys = keys.get(start..).unwrap_or(&[]);
            for (o, &k) in out.iter_mut().zip(keys) {
                *o = decode.get(idx(k)).copied().unwrap_or(INVALID);
            }
        }
        fn wide(k: i64) -> usize {
            usize::try_from(k).unwrap_or(usize::MAX)
        }
        match self {
            Keys::U8(s) => go(s, start, decode, out, usize::from),
            Keys::I8(s) => go(s, start, decode, out, |k| wide(i64::from(k))),
            Keys::U16(s) => go(s, start, decode, out, usize::from),
            Keys::I16(s) => go(s, start, decode, out, |k| wide(i64::from(k))),
            Keys::U32(s) => go(s, start, decode, out, |k| {
                usize::try_from(k).unwrap_or(usize::MAX)
            }),
            Keys::I32(s) => go(s, start, decode, out, |k| wide(i64::from(k))),
            Keys::I64(s) => go(s, start, decode, out, wide),
        }
    }

    /// Decodes keys `start..start + out.len()` through `table` — a dictionary
    /// of at most 255 entries, padded with [`INVALID`], so that any key past
    /// it (negative, or 255 and more: narrowed to 255) decodes to `INVALID`.
    /// Keys past the end leave their `out` untouched.
    ///
    /// One tight loop into a fixed table, no bounds check a key, where
    /// [`Keys::decode_into`] checks each key against the table's length
    /// (issue 29: the `uint32` codes of a polars frame).
    pub(crate) fn decode_through(&self, start: usize, table: &[u8; 256], out: &mut [u8]) {
        fn go<K: Copy>(
            keys: &[K],
            start: usize,
            table: &[u8; 256],
            out: &mut [u8],
            narrow: impl Fn(K) -> u8,
        ) {
            let keys = keys.get(start..).unwrap_or(&[]);
            for (o, &k) in out.iter_mut().zip(keys) {
                *o = table
                    .get(usize::from(narrow(k)))
                    .copied()
                    .unwrap_or(INVALID);
            }
        }
        fn narrow<K: TryInto<u8>>(k: K) -> u8 {
            k.try_into().unwrap_or(u8::MAX)
        }
        match self {
            Keys::U8(s) => go(s, start, table, out, |k| k),
            Keys::I8(s) => go(s, start, table, out, narrow),
            Keys::U16(s) => go(s, start, table, out, narrow),
            Keys::I16(s) => go(s, start, table, out, narrow),
            Keys::U32(s) => go(s, start, table, out, narrow),
            Keys::I32(s) => go(s, start, table, out, narrow),
            Keys::I64(s) => go(s, start, table, out, narrow),
        }
    }
}

/// The internal code of a key that is not a value of the column.
pub(crate) const INVALID: u8 = u8::MAX;

/// A value a categorical column holds, with its dense internal code. Sealed:
/// implemented for the participant model's enumerations.
pub trait Code: Copy + sealed::Sealed {
    /// The internal code, below `INVALID` (255, what a key that is no value decodes to).
    fn column_code(self) -> u8;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Gender {}
    impl Sealed for super::LabourStatus {}
    impl Sealed for super::EducationLevel {}
    impl Sealed for super::Answer {}
    impl Sealed for super::ExitSituation {}
    impl Sealed for super::Improvement {}
}

/// Internal labour-status codes (the start of unemployment is a column of its own).
pub(crate) mod labour {
    pub const EMPLOYED: u8 = 0;
    pub const SELF_EMPLOYED: u8 = 1;
    pub const UNEMPLOYED: u8 = 2;
    pub const INACTIVE_IN_EDUCATION: u8 = 3;
    pub const INACTIVE: u8 = 4;
    /// Unemployed, by a label that said "long-term" (`pitkäaikaistyötön`): counted
    /// as unemployed, and refused where the start of unemployment does not make
    /// it long-term — as the record reader refuses the row.
    pub const UNEMPLOYED_LONG_TERM: u8 = 5;
}

impl Code for Gender {
    fn column_code(self) -> u8 {
        match self {
            Gender::Woman => 0,
            Gender::Man => 1,
            Gender::NonBinary => 2,
        }
    }
}

impl Code for LabourStatus {
    fn column_code(self) -> u8 {
        match self {
            LabourStatus::Employed => labour::EMPLOYED,
            LabourStatus::SelfEmployed => labour::SELF_EMPLOYED,
            LabourStatus::Unemployed { .. } => labour::UNEMPLOYED,
            LabourStatus::Inactive {
                in_education_or_training: true,
            } => labour::INACTIVE_IN_EDUCATION,
            LabourStatus::Inactive {
                in_education_or_training: false,
            } => labour::INACTIVE,
        }
    }
}

impl Code for EducationLevel {
    fn column_code(self) -> u8 {
        EducationLevel::code(self)
    }
}

impl Code for Answer {
    fn column_code(self) -> u8 {
        match self {
            Answer::Yes => 0,
            Answer::No => 1,
            Answer::Declined => 2,
        }
    }
}

impl Code for ExitSituation {
    fn column_code(self) -> u8 {
        ExitSituation::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| u8::try_from(i).ok())
            .unwrap_or(INVALID)
    }
}

impl Code for Improvement {
    fn column_code(self) -> u8 {
        match self {
            Improvement::PrecariousToStable => 0,
            Improvement::UnderemployedToFull => 1,
            Improvement::HigherSkilledJob => 2,
            Improvement::Promotion => 3,
        }
    }
}

/// A date column: days since 1970-01-01 (Arrow `Date32`) and which are present.
///
/// ```
/// use hanke::participant::columns::{Bitmap, DateColumn};
/// let days = [19_782, 0];
/// let col = DateColumn::new(&days, Some(Bitmap::new(&[0b01], 0, 2).unwrap()));
/// assert_eq!(col.len(), 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateColumn<'a> {
    pub(crate) days: &'a [i32],
    pub(crate) valid: Option<Bitmap<'a>>,
}

impl<'a> DateColumn<'a> {
    /// Days and validity (`None`: every value present).
    pub fn new(days: &'a [i32], valid: Option<Bitmap<'a>>) -> DateColumn<'a> {
        DateColumn { days, valid }
    }

    /// Rows in the column.
    pub fn len(&self) -> usize {
        self.days.len()
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }
}

/// A categorical column: keys, validity, and what each key means.
///
/// ```
/// use hanke::participant::Gender;
/// use hanke::participant::columns::{CodeColumn, Keys};
/// // A dictionary-encoded column: ["nainen", "mies"] with keys 0, 1, 0.
/// let keys = [0u8, 1, 0];
/// let col = CodeColumn::new(Keys::U8(&keys), None, &[Some(Gender::Woman), Some(Gender::Man)]);
/// assert_eq!(col.len(), 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeColumn<'a> {
    pub(crate) keys: Keys<'a>,
    pub(crate) valid: Option<Bitmap<'a>>,
    /// Key → internal code; [`INVALID`] for a dictionary entry that is no value.
    pub(crate) decode: Vec<u8>,
    /// The column's own key space, where it can be read in it
    /// ([`KeySpace::of`]): the kernel then compares keys with the key of each
    /// code it tests instead of decoding every key (issue 29: the `uint32`
    /// codes of a polars frame).
    pub(crate) key_space: Option<Box<KeySpace>>,
    /// `decode` padded to 256 entries with [`INVALID`], where the column is
    /// not read in its key space and the dictionary has at most 255 entries
    /// (so that entry 255, where every wider key is narrowed, is no value):
    /// whole blocks are decoded through it without a bounds check.
    pub(crate) table: Option<Box<[u8; 256]>>,
}

/// The key no code of a column read in its key space maps to: such a
/// dictionary has at most 255 entries, so no key that indexes it is 255.
pub(crate) const NO_KEY: u8 = u8::MAX;

/// How a dictionary's keys are read without decoding them: which key
/// stands for each internal code, and which keys are values.
///
/// A dictionary has a key space when it has at most 255 entries (so every
/// key that indexes it is a byte, and [`NO_KEY`] none), no two entries are
/// the same value, and the entries that are values lie in at most
/// [`KeySpace::MAX_RUNS`] runs of consecutive keys. Then a present row holds
/// a code exactly when its key is that code's key, and holds no value
/// exactly when its key is in no run. Polars exports every categorical
/// column with the dictionary of all its categories (issue 29: 24 entries
/// for the synthetic frame, each column's values in one to three runs when
/// the frame was built column by column, in up to as many runs as values
/// when `read_csv` filled the list row by row); pyarrow's and pandas'
/// dictionaries are the column's values, one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeySpace {
    /// Internal code → the key that means it; [`NO_KEY`] where none does.
    pub(crate) key_of: [u8; 256],
    /// The keys that are values: runs of (first key, how many).
    pub(crate) runs: Vec<(u8, u8)>,
    /// Whether every key is its own code (a table's own columns, pyarrow's
    /// dictionaries in code order): the kernel then compares with the codes
    /// themselves, constants it need not look up.
    pub(crate) identity: bool,
}

impl KeySpace {
    /// At most this many runs of value keys (each is one compare a block):
    /// as many as a column can have values — every closed list of the
    /// participant model has at most 16 — so that values scattered one by
    /// one (a list of all categories filled row by row, as polars'
    /// `read_csv` fills it) are still read in their key space.
    pub(crate) const MAX_RUNS: usize = 16;

    /// The key space of `decode` (key → internal code, [`INVALID`] for an
    /// entry that is no value); `None` where it has none (the column is then
    /// decoded key by key).
    pub(crate) fn of(decode: &[u8]) -> Option<KeySpace> {
        if decode.len() > usize::from(NO_KEY) {
            return None;
        }
        let mut space = KeySpace {
            key_of: [NO_KEY; 256],
            runs: Vec::new(),
            identity: decode.iter().enumerate().all(|(k, &c)| usize::from(c) == k),
        };
        for (key, &code) in decode.iter().enumerate() {
            if code == INVALID {
                continue;
            }
            let key = u8::try_from(key).ok()?;
            let slot = space.key_of.get_mut(usize::from(code))?;
            if *slot != NO_KEY {
                return None; // two keys mean one code
            }
            *slot = key;
            match space.runs.last_mut() {
                Some((first, n)) if first.checked_add(*n) == Some(key) => *n = n.checked_add(1)?,
                _ => space.runs.push((key, 1)),
            }
        }
        (space.runs.len() <= KeySpace::MAX_RUNS).then_some(space)
    }
}

impl<'a> CodeColumn<'a> {
    /// Keys into `dictionary` (entry `k` is what key `k` means; `None` for an
    /// entry that is not a value, which is an error wherever a present row uses it).
    pub fn new<T: Code>(
        keys: Keys<'a>,
        valid: Option<Bitmap<'a>>,
        dictionary: &[Option<T>],
    ) -> CodeColumn<'a> {
        let decode = dictionary
            .iter()
            .map(|v| v.map_or(INVALID, Code::column_code))
            .collect();
        CodeColumn::from_decode(keys, valid, decode)
    }

    /// Keys with their key → internal-code table (`INVALID` for no value);
    /// whether the keys are the codes themselves is read off the table.
    pub(crate) fn from_decode(
        keys: Keys<'a>,
        valid: Option<Bitmap<'a>>,
        decode: Vec<u8>,
    ) -> CodeColumn<'a> {
        let key_space = KeySpace::of(&decode).map(Box::new);
        let table = (key_space.is_none() && decode.len() < 256).then(|| {
            let mut table = Box::new([INVALID; 256]);
            for (t, c) in table.iter_mut().zip(&decode) {
                *t = *c;
            }
            table
        });
        CodeColumn {
            keys,
            valid,
            decode,
            key_space,
            table,
        }
    }

    /// Rows in the column.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// A yes/no column: values and validity as bitmaps (Arrow `Boolean`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlagColumn<'a> {
    pub(crate) values: Bitmap<'a>,
    pub(crate) valid: Option<Bitmap<'a>>,
}

impl<'a> FlagColumn<'a> {
    /// Values and validity (`None`: every value present).
    pub fn new(values: Bitmap<'a>, valid: Option<Bitmap<'a>>) -> FlagColumn<'a> {
        FlagColumn { values, valid }
    }

    /// Rows in the column.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// A column of which only presence is read (the municipality of residence:
/// completeness asks whether it is known; the code is validated where it is read
/// from a file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresenceColumn<'a> {
    pub(crate) len: usize,
    pub(crate) valid: Option<Bitmap<'a>>,
}

impl<'a> PresenceColumn<'a> {
    /// `len` rows with validity (`None`: every value present).
    pub fn new(len: usize, valid: Option<Bitmap<'a>>) -> PresenceColumn<'a> {
        PresenceColumn { len, valid }
    }
}

/// The participant fields the indicators read, as columns —
/// *osallistujatiedot sarakkeittain*. Every column but the entry date is
/// optional; an absent column reads as missing in every row. Lengths are checked
/// when a column is set; values are checked while computing (a present value that
/// is not a code, a date out of range, a missing entry date are errors with their
/// row).
///
/// ```
/// use hanke::participant::Gender;
/// use hanke::participant::columns::{CodeColumn, DateColumn, Keys, ParticipantColumns};
/// let entry = [19_782, 19_800];
/// let gender = [0u8, 1];
/// let cols = ParticipantColumns::new(DateColumn::new(&entry, None))
///     .with_gender(CodeColumn::new(Keys::U8(&gender), None, &[Some(Gender::Woman), Some(Gender::Man)]))?;
/// assert_eq!(cols.len(), 2);
/// # Ok::<(), hanke::participant::columns::ColumnsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantColumns<'a> {
    pub(crate) entry_date: DateColumn<'a>,
    pub(crate) birth_date: Option<DateColumn<'a>>,
    pub(crate) gender: Option<CodeColumn<'a>>,
    pub(crate) municipality: Option<PresenceColumn<'a>>,
    pub(crate) labour_status: Option<CodeColumn<'a>>,
    pub(crate) unemployed_since: Option<DateColumn<'a>>,
    pub(crate) education: Option<CodeColumn<'a>>,
    pub(crate) disability: Option<CodeColumn<'a>>,
    pub(crate) foreign_background: Option<CodeColumn<'a>>,
    pub(crate) third_country_national: Option<CodeColumn<'a>>,
    pub(crate) minority: Option<CodeColumn<'a>>,
    pub(crate) homeless: Option<CodeColumn<'a>>,
    pub(crate) other_disadvantaged: Option<CodeColumn<'a>>,
    pub(crate) household_jobless: Option<FlagColumn<'a>>,
    pub(crate) household_dependent_children: Option<FlagColumn<'a>>,
    pub(crate) household_single_adult: Option<FlagColumn<'a>>,
    pub(crate) exit_date: Option<DateColumn<'a>>,
    pub(crate) exit_situation: Option<CodeColumn<'a>>,
    pub(crate) qualification_gained: Option<FlagColumn<'a>>,
    pub(crate) follow_up_date: Option<DateColumn<'a>>,
    pub(crate) follow_up_employed: Option<FlagColumn<'a>>,
    pub(crate) follow_up_improvement: Option<CodeColumn<'a>>,
    /// Refuse rows whose values contradict each other, as the record reader
    /// refuses them (tables read from outside; a table of records holds only
    /// what the model allows).
    pub(crate) reader_checks: bool,
}

macro_rules! setter {
    ($(#[$doc:meta])* $fn:ident, $field:ident, $ty:ident, $name:literal) => {
        $(#[$doc])*
        pub fn $fn(mut self, column: $ty<'a>) -> Result<ParticipantColumns<'a>, ColumnsError> {
            self.check($name, column.len(), &[column.valid])?;
            self.$field = Some(column);
            Ok(self)
        }
    };
}

impl<'a> ParticipantColumns<'a> {
    /// Columns of as many participants as `entry_date` has rows; every other
    /// column absent.
    pub fn new(entry_date: DateColumn<'a>) -> ParticipantColumns<'a> {
        ParticipantColumns {
            entry_date,
            birth_date: None,
            gender: None,
            municipality: None,
            labour_status: None,
            unemployed_since: None,
            education: None,
            disability: None,
            foreign_background: None,
            third_country_national: None,
            minority: None,
            homeless: None,
            other_disadvantaged: None,
            household_jobless: None,
            household_dependent_children: None,
            household_single_adult: None,
            exit_date: None,
            exit_situation: None,
            qualification_gained: None,
            follow_up_date: None,
            follow_up_employed: None,
            follow_up_improvement: None,
            reader_checks: false,
        }
    }

    /// Rows (participants).
    pub fn len(&self) -> usize {
        self.entry_date.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.entry_date.is_empty()
    }

    fn check(
        &self,
        column: &'static str,
        len: usize,
        bitmaps: &[Option<Bitmap<'_>>],
    ) -> Result<(), ColumnsError> {
        let expected = self.len();
        if len != expected {
            return Err(ColumnsError::LengthMismatch {
                column,
                expected,
                found: len,
            });
        }
        if bitmaps.iter().flatten().any(|b| b.len() < expected) {
            return Err(ColumnsError::BitmapTooShort { column });
        }
        Ok(())
    }

    /// The same columns, refusing rows whose values contradict each other as
    /// the participant file's reader refuses them (`columns.inconsistent`): a
    /// start of unemployment for someone not unemployed, exit or follow-up data
    /// without their date, a household given in part.
    pub fn with_reader_checks(mut self) -> ParticipantColumns<'a> {
        self.reader_checks = true;
        self
    }

    setter!(
        /// The date of birth.
        with_birth_date, birth_date, DateColumn, "birth_date");
    setter!(
        /// The gender ([`Gender`] codes).
        with_gender, gender, CodeColumn, "gender");
    setter!(
        /// The labour-market status at entry ([`LabourStatus`] codes; the start of
        /// unemployment is [`Self::with_unemployed_since`]).
        with_labour_status, labour_status, CodeColumn, "labour_status");
    setter!(
        /// When the current unemployment began.
        with_unemployed_since, unemployed_since, DateColumn, "unemployed_since");
    setter!(
        /// The highest education ([`EducationLevel`] codes).
        with_education, education, CodeColumn, "education");
    setter!(
        /// Disability ([`Answer`] codes).
        with_disability, disability, CodeColumn, "disability");
    setter!(
        /// Foreign background ([`Answer`] codes).
        with_foreign_background, foreign_background, CodeColumn, "foreign_background");
    setter!(
        /// Third-country nationality ([`Answer`] codes).
        with_third_country_national, third_country_national, CodeColumn, "third_country_national");
    setter!(
        /// Minority ([`Answer`] codes).
        with_minority, minority, CodeColumn, "minority");
    setter!(
        /// Homelessness or housing exclusion ([`Answer`] codes).
        with_homeless, homeless, CodeColumn, "homeless");
    setter!(
        /// Other disadvantage ([`Answer`] codes).
        with_other_disadvantaged, other_disadvantaged, CodeColumn, "other_disadvantaged");
    setter!(
        /// The exit date.
        with_exit_date, exit_date, DateColumn, "exit_date");
    setter!(
        /// The situation on leaving ([`ExitSituation`] codes).
        with_exit_situation, exit_situation, CodeColumn, "exit_situation");
    setter!(
        /// The follow-up date.
        with_follow_up_date, follow_up_date, DateColumn, "follow_up_date");
    setter!(
        /// The improvement at follow-up ([`Improvement`] codes).
        with_follow_up_improvement, follow_up_improvement, CodeColumn, "follow_up_improvement");

    /// The municipality of residence (presence only).
    pub fn with_municipality(
        mut self,
        column: PresenceColumn<'a>,
    ) -> Result<ParticipantColumns<'a>, ColumnsError> {
        self.check("municipality", column.len, &[column.valid])?;
        self.municipality = Some(column);
        Ok(self)
    }

    fn flag(&self, name: &'static str, c: FlagColumn<'a>) -> Result<FlagColumn<'a>, ColumnsError> {
        self.check(name, c.len(), &[c.valid, Some(c.values)])?;
        Ok(c)
    }

    /// Whether nobody in the household is employed (2014–2020 CO12–CO13).
    pub fn with_household_jobless(
        mut self,
        column: FlagColumn<'a>,
    ) -> Result<ParticipantColumns<'a>, ColumnsError> {
        self.household_jobless = Some(self.flag("household_jobless", column)?);
        Ok(self)
    }

    /// Whether the household has dependent children (2014–2020 CO13–CO14).
    pub fn with_household_dependent_children(
        mut self,
        column: FlagColumn<'a>,
    ) -> Result<ParticipantColumns<'a>, ColumnsError> {
        self.household_dependent_children =
            Some(self.flag("household_dependent_children", column)?);
        Ok(self)
    }

    /// Whether the household has a single adult (2014–2020 CO14).
    pub fn with_household_single_adult(
        mut self,
        column: FlagColumn<'a>,
    ) -> Result<ParticipantColumns<'a>, ColumnsError> {
        self.household_single_adult = Some(self.flag("household_single_adult", column)?);
        Ok(self)
    }

    /// Whether a qualification was gained on leaving.
    pub fn with_qualification_gained(
        mut self,
        column: FlagColumn<'a>,
    ) -> Result<ParticipantColumns<'a>, ColumnsError> {
        self.qualification_gained = Some(self.flag("qualification_gained", column)?);
        Ok(self)
    }

    /// Whether the person was employed at the follow-up.
    pub fn with_follow_up_employed(
        mut self,
        column: FlagColumn<'a>,
    ) -> Result<ParticipantColumns<'a>, ColumnsError> {
        self.follow_up_employed = Some(self.flag("follow_up_employed", column)?);
        Ok(self)
    }
}

/// A growable bitmap, for [`ParticipantTable`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct BitmapBuf {
    pub(crate) bytes: Vec<u8>,
    pub(crate) len: usize,
}

impl BitmapBuf {
    fn clear(&mut self) {
        self.bytes.clear();
        self.len = 0;
    }

    fn push(&mut self, bit: bool) {
        if self.len % 8 == 0 {
            self.bytes.push(0);
        }
        if bit {
            if let Some(b) = self.bytes.last_mut() {
                *b |= 1 << (self.len % 8);
            }
        }
        self.len = self.len.saturating_add(1);
    }

    /// Appends the low `n` bits of `bits` (`n` ≤ 8, the rest zero), the
    /// first in the lowest bit, wherever the last byte stands.
    fn push_bits(&mut self, bits: u8, n: usize) {
        let used = self.len % 8;
        let free = 8usize.saturating_sub(used);
        match self.bytes.last_mut() {
            Some(last) if used != 0 => {
                *last |= bits << used;
                if n > free {
                    self.bytes.push(bits >> free);
                }
            }
            _ => self.bytes.push(bits),
        }
        self.len = self.len.saturating_add(n);
    }

    fn view(&self) -> Option<Bitmap<'_>> {
        Bitmap::new(&self.bytes, 0, self.len)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DateBuf {
    pub(crate) days: Vec<i32>,
    pub(crate) valid: BitmapBuf,
}

impl DateBuf {
    fn clear(&mut self) {
        self.days.clear();
        self.valid.clear();
    }

    fn push(&mut self, d: Option<NaiveDate>) {
        self.days.push(d.map_or(0, days_from_date));
        self.valid.push(d.is_some());
    }

    fn view(&self) -> DateColumn<'_> {
        DateColumn::new(&self.days, self.valid.view())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CodeBuf {
    pub(crate) codes: Vec<u8>,
    pub(crate) valid: BitmapBuf,
}

/// The identity dictionary: code `k` means code `k`.
const IDENTITY: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

impl CodeBuf {
    fn clear(&mut self) {
        self.codes.clear();
        self.valid.clear();
    }

    fn push<T: Code>(&mut self, v: Option<T>) {
        self.codes.push(v.map_or(0, Code::column_code));
        self.valid.push(v.is_some());
    }

    fn view(&self) -> CodeColumn<'_> {
        CodeColumn::from_decode(Keys::U8(&self.codes), self.valid.view(), IDENTITY.to_vec())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FlagBuf {
    pub(crate) values: BitmapBuf,
    pub(crate) valid: BitmapBuf,
}

impl FlagBuf {
    fn clear(&mut self) {
        self.values.clear();
        self.valid.clear();
    }

    fn push(&mut self, v: Option<bool>) {
        self.values.push(v == Some(true));
        self.valid.push(v.is_some());
    }

    fn view(&self) -> FlagColumn<'_> {
        FlagColumn {
            values: self.values.view().unwrap_or(Bitmap {
                bytes: &[],
                offset: 0,
                len: 0,
            }),
            valid: self.valid.view(),
        }
    }
}

/// Whether `p` has exit events after its exit day, which columns do not hold
/// (`columns.later_events`).
fn has_later_events(p: &Participant) -> bool {
    p.exit.as_ref().is_some_and(|x| !x.later_events.is_empty())
}

/// The buffers of a [`ParticipantTable`], grouped by kind.
struct Parts<'t> {
    entry_date: &'t mut Vec<i32>,
    municipality: &'t mut BitmapBuf,
    dates: [&'t mut DateBuf; DATES],
    codes: [&'t mut CodeBuf; CODES],
    flags: [&'t mut FlagBuf; FLAGS],
}

const DATES: usize = 4;
const CODES: usize = 11;
const FLAGS: usize = 5;

/// What one record puts in each column of a [`ParticipantTable`] — dates as
/// day numbers, codes as column codes — in the order of the arrays of
/// [`ParticipantTable::extend_records`].
struct RecordValues {
    entry: i32,
    municipality: bool,
    /// Birth, unemployed since, exit, follow-up.
    dates: [Option<i32>; DATES],
    /// Gender, labour status, education, the six disadvantages, exit
    /// situation, follow-up improvement.
    codes: [Option<u8>; CODES],
    /// The household's three, qualification gained, employed at follow-up.
    flags: [Option<bool>; FLAGS],
}

impl RecordValues {
    // Inlined: as a call it returns through memory (measured 64 → 70 ms for
    // a million records).
    #[inline(always)]
    fn of(p: &Participant) -> RecordValues {
        let e = &p.entry;
        let d = &e.disadvantages;
        let h = e.household;
        let exit = p.exit.as_ref();
        let f = p.follow_up.as_ref();
        let day = |d: Option<NaiveDate>| d.map(days_from_date);
        RecordValues {
            entry: days_from_date(e.date),
            municipality: e.municipality.is_some(),
            dates: [
                day(e.birth_date),
                day(match e.labour_status {
                    Some(LabourStatus::Unemployed { since }) => since,
                    _ => None,
                }),
                day(exit.map(|x| x.date)),
                day(f.map(|f| f.date)),
            ],
            codes: [
                e.gender.map(Code::column_code),
                e.labour_status.map(Code::column_code),
                e.education.map(Code::column_code),
                d.disability.map(Code::column_code),
                d.foreign_background.map(Code::column_code),
                d.third_country_national.map(Code::column_code),
                d.minority.map(Code::column_code),
                d.homeless.map(Code::column_code),
                d.other_disadvantaged.map(Code::column_code),
                exit.and_then(|x| x.situation).map(Code::column_code),
                f.and_then(|f| f.improvement).map(Code::column_code),
            ],
            flags: [
                h.map(|h| h.jobless),
                h.map(|h| h.dependent_children),
                h.map(|h| h.single_adult),
                exit.and_then(|x| x.qualification_gained),
                f.and_then(|f| f.employed),
            ],
        }
    }
}

/// Participant records turned into owned columns — the layout
/// [`ParticipantColumns`] borrows. Built once, computed many times (at about
/// 40 bytes a participant instead of a few hundred for records).
///
/// ```
/// use chrono::NaiveDate;
/// use hanke::synthetic::{generate, SyntheticConfig};
/// use hanke::participant::columns::ParticipantTable;
/// use hanke::indicator::{Catalogue, CommonIndicators};
/// use hanke::rulebook::Rulebook;
/// use hanke::programme::ProgrammePeriod;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
/// let people = generate(&SyntheticConfig::new(7, 500, d(2023, 1, 1), d(2025, 12, 31)), rules);
/// let table = ParticipantTable::from_participants(&people)?;
///
/// let from_records = CommonIndicators::compute(Catalogue::EsfPlus, rules, None, &people)?;
/// let mut from_columns = CommonIndicators::new(Catalogue::EsfPlus, rules, None)?;
/// from_columns.add_columns(&table.columns())?;
/// assert_eq!(from_records, from_columns);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParticipantTable {
    pub(crate) entry_date: Vec<i32>,
    pub(crate) birth_date: DateBuf,
    pub(crate) gender: CodeBuf,
    pub(crate) municipality: BitmapBuf,
    pub(crate) labour_status: CodeBuf,
    pub(crate) unemployed_since: DateBuf,
    pub(crate) education: CodeBuf,
    pub(crate) disability: CodeBuf,
    pub(crate) foreign_background: CodeBuf,
    pub(crate) third_country_national: CodeBuf,
    pub(crate) minority: CodeBuf,
    pub(crate) homeless: CodeBuf,
    pub(crate) other_disadvantaged: CodeBuf,
    pub(crate) household_jobless: FlagBuf,
    pub(crate) household_dependent_children: FlagBuf,
    pub(crate) household_single_adult: FlagBuf,
    pub(crate) exit_date: DateBuf,
    pub(crate) exit_situation: CodeBuf,
    pub(crate) qualification_gained: FlagBuf,
    pub(crate) follow_up_date: DateBuf,
    pub(crate) follow_up_employed: FlagBuf,
    pub(crate) follow_up_improvement: CodeBuf,
}

impl ParticipantTable {
    /// An empty table.
    pub fn new() -> ParticipantTable {
        ParticipantTable::default()
    }

    /// The records as a table; fails on a record with later exit events.
    pub fn from_participants<'p>(
        participants: impl IntoIterator<Item = &'p Participant>,
    ) -> Result<ParticipantTable, ColumnsError> {
        const GROUP: usize = 4_096;
        let mut t = ParticipantTable::new();
        let mut group: Vec<&Participant> = Vec::with_capacity(GROUP);
        for p in participants {
            group.push(p);
            if group.len() == GROUP {
                t.extend_records(&group)?;
                group.clear();
            }
        }
        t.extend_records(&group)?;
        Ok(t)
    }

    /// Empties the table, keeping its buffers (a caller laying out records
    /// chunk by chunk allocates once). Through `parts`, which names
    /// every field, so a new column cannot be forgotten here.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hanke::participant::Participant;
    /// use hanke::participant::columns::ParticipantTable;
    /// let day = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    /// let p = Participant::new("P1".parse().unwrap(), day);
    /// let mut table = ParticipantTable::from_participants([&p])?;
    /// table.clear();
    /// assert!(table.is_empty());
    /// # Ok::<(), hanke::participant::columns::ColumnsError>(())
    /// ```
    pub fn clear(&mut self) {
        let Parts {
            entry_date,
            municipality,
            dates,
            codes,
            flags,
        } = self.parts();
        entry_date.clear();
        municipality.clear();
        dates.into_iter().for_each(DateBuf::clear);
        codes.into_iter().for_each(CodeBuf::clear);
        flags.into_iter().for_each(FlagBuf::clear);
    }

    /// Rows.
    pub fn len(&self) -> usize {
        self.entry_date.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.entry_date.is_empty()
    }

    /// Appends a record; a record with later exit events is refused
    /// (`columns.later_events`) and the table is left as it was.
    pub fn push(&mut self, p: &Participant) -> Result<(), ColumnsError> {
        if has_later_events(p) {
            return Err(ColumnsError::LaterEvents { row: self.len() });
        }
        // Field by field rather than through `RecordValues` (whose arrays a
        // single record would spill to the stack: a CSV import appending as
        // it reads ran 5 % slower so). `groups_append_as_single_pushes`
        // checks the two against each other on arbitrary records.
        let e = &p.entry;
        self.entry_date.push(days_from_date(e.date));
        self.birth_date.push(e.birth_date);
        self.gender.push(e.gender);
        self.municipality.push(e.municipality.is_some());
        self.labour_status.push(e.labour_status);
        self.unemployed_since.push(match e.labour_status {
            Some(LabourStatus::Unemployed { since }) => since,
            _ => None,
        });
        self.education.push(e.education);
        let d = &e.disadvantages;
        self.disability.push(d.disability);
        self.foreign_background.push(d.foreign_background);
        self.third_country_national.push(d.third_country_national);
        self.minority.push(d.minority);
        self.homeless.push(d.homeless);
        self.other_disadvantaged.push(d.other_disadvantaged);
        self.household_jobless.push(e.household.map(|h| h.jobless));
        self.household_dependent_children
            .push(e.household.map(|h| h.dependent_children));
        self.household_single_adult
            .push(e.household.map(|h| h.single_adult));
        let exit = p.exit.as_ref();
        self.exit_date.push(exit.map(|x| x.date));
        self.exit_situation.push(exit.and_then(|x| x.situation));
        self.qualification_gained
            .push(exit.and_then(|x| x.qualification_gained));
        let f = p.follow_up.as_ref();
        self.follow_up_date.push(f.map(|f| f.date));
        self.follow_up_employed.push(f.and_then(|f| f.employed));
        self.follow_up_improvement
            .push(f.and_then(|f| f.improvement));
        Ok(())
    }

    /// The table's buffers, the arrays in the order of `RecordValues`.
    /// Every field is named, so a new column cannot be forgotten here.
    fn parts(&mut self) -> Parts<'_> {
        let ParticipantTable {
            entry_date,
            birth_date,
            gender,
            municipality,
            labour_status,
            unemployed_since,
            education,
            disability,
            foreign_background,
            third_country_national,
            minority,
            homeless,
            other_disadvantaged,
            household_jobless,
            household_dependent_children,
            household_single_adult,
            exit_date,
            exit_situation,
            qualification_gained,
            follow_up_date,
            follow_up_employed,
            follow_up_improvement,
        } = self;
        let dates = [birth_date, unemployed_since, exit_date, follow_up_date];
        let codes = [
            gender,
            labour_status,
            education,
            disability,
            foreign_background,
            third_country_national,
            minority,
            homeless,
            other_disadvantaged,
            exit_situation,
            follow_up_improvement,
        ];
        let flags = [
            household_jobless,
            household_dependent_children,
            household_single_adult,
            qualification_gained,
            follow_up_employed,
        ];
        Parts {
            entry_date,
            municipality,
            dates,
            codes,
            flags,
        }
    }

    /// Appends records, eight at a time: each record is read once, its values
    /// gathered with those of the seven beside it, and every column then gets
    /// eight values and a byte of validity bits at once (70 → 65 ms a million
    /// records against pushing one by one). If any record has later exit
    /// events the table is left as it was and the error names that record's
    /// row — the row it would have had.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hanke::participant::{Participant, ParticipantId};
    /// use hanke::participant::columns::ParticipantTable;
    /// let day = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    /// let ps: Vec<Participant> = (1..=3)
    ///     .map(|i| Participant::new(format!("P{i}").parse::<ParticipantId>().unwrap(), day))
    ///     .collect();
    /// let refs: Vec<&Participant> = ps.iter().collect();
    /// let mut table = ParticipantTable::new();
    /// table.extend_records(&refs)?;
    /// assert_eq!(table, ParticipantTable::from_participants(&ps)?);
    /// # Ok::<(), hanke::participant::columns::ColumnsError>(())
    /// ```
    pub fn extend_records(&mut self, records: &[&Participant]) -> Result<(), ColumnsError> {
        if let Some(i) = records.iter().position(|p| has_later_events(p)) {
            return Err(ColumnsError::LaterEvents {
                row: self.len().saturating_add(i),
            });
        }
        let Parts {
            entry_date,
            municipality,
            mut dates,
            mut codes,
            mut flags,
        } = self.parts();
        entry_date.reserve(records.len());
        dates.iter_mut().for_each(|d| d.days.reserve(records.len()));
        codes
            .iter_mut()
            .for_each(|c| c.codes.reserve(records.len()));
        // Record by record (each record is read once, while it is in cache),
        // eight at a time: the validity and flag bits of eight records are
        // gathered in bytes and appended once.
        for eight in records.chunks(8) {
            // The eight records' values gathered on the stack, then appended
            // a column at a time.
            let mut entry_days = [0i32; 8];
            let mut days = [[0i32; 8]; DATES];
            let mut code_values = [[0u8; 8]; CODES];
            let mut date_bits = [0u8; DATES];
            let mut code_bits = [0u8; CODES];
            let mut flag_bits = [[0u8; 2]; FLAGS];
            let mut municipality_bits = 0u8;
            for (i, p) in eight.iter().enumerate() {
                let v = RecordValues::of(p);
                if let Some(slot) = entry_days.get_mut(i) {
                    *slot = v.entry;
                }
                municipality_bits |= u8::from(v.municipality) << i;
                for ((column, bits), day) in days.iter_mut().zip(&mut date_bits).zip(v.dates) {
                    if let Some(slot) = column.get_mut(i) {
                        *slot = day.unwrap_or(0);
                    }
                    *bits |= u8::from(day.is_some()) << i;
                }
                for ((column, bits), code) in
                    code_values.iter_mut().zip(&mut code_bits).zip(v.codes)
                {
                    if let Some(slot) = column.get_mut(i) {
                        *slot = code.unwrap_or(0);
                    }
                    *bits |= u8::from(code.is_some()) << i;
                }
                for (bits, flag) in flag_bits.iter_mut().zip(v.flags) {
                    bits[0] |= u8::from(flag == Some(true)) << i;
                    bits[1] |= u8::from(flag.is_some()) << i;
                }
            }
            let n = eight.len();
            entry_date.extend_from_slice(entry_days.get(..n).unwrap_or_default());
            municipality.push_bits(municipality_bits, n);
            for ((buf, column), bits) in dates.iter_mut().zip(&days).zip(date_bits) {
                buf.days
                    .extend_from_slice(column.get(..n).unwrap_or_default());
                buf.valid.push_bits(bits, n);
            }
            for ((buf, column), bits) in codes.iter_mut().zip(&code_values).zip(code_bits) {
                buf.codes
                    .extend_from_slice(column.get(..n).unwrap_or_default());
                buf.valid.push_bits(bits, n);
            }
            for (buf, [values, valid]) in flags.iter_mut().zip(flag_bits) {
                buf.values.push_bits(values, n);
                buf.valid.push_bits(valid, n);
            }
        }
        Ok(())
    }

    /// The table as borrowed columns.
    pub fn columns(&self) -> ParticipantColumns<'_> {
        ParticipantColumns {
            entry_date: DateColumn::new(&self.entry_date, None),
            birth_date: Some(self.birth_date.view()),
            gender: Some(self.gender.view()),
            municipality: Some(PresenceColumn::new(self.len(), self.municipality.view())),
            labour_status: Some(self.labour_status.view()),
            unemployed_since: Some(self.unemployed_since.view()),
            education: Some(self.education.view()),
            disability: Some(self.disability.view()),
            foreign_background: Some(self.foreign_background.view()),
            third_country_national: Some(self.third_country_national.view()),
            minority: Some(self.minority.view()),
            homeless: Some(self.homeless.view()),
            other_disadvantaged: Some(self.other_disadvantaged.view()),
            household_jobless: Some(self.household_jobless.view()),
            household_dependent_children: Some(self.household_dependent_children.view()),
            household_single_adult: Some(self.household_single_adult.view()),
            exit_date: Some(self.exit_date.view()),
            exit_situation: Some(self.exit_situation.view()),
            qualification_gained: Some(self.qualification_gained.view()),
            follow_up_date: Some(self.follow_up_date.view()),
            follow_up_employed: Some(self.follow_up_employed.view()),
            follow_up_improvement: Some(self.follow_up_improvement.view()),
            reader_checks: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]
        /// Records appended in groups of any sizes, after any number of
        /// single pushes (so that groups start at every bit offset of the
        /// validity bytes), make the table that pushing them one by one
        /// makes; a group holding a record with later exit events is refused
        /// whole, naming the row that record would have had, and leaves the
        /// table as it was.
        #[test]
        fn groups_append_as_single_pushes(
            people in proptest::collection::vec(proptest::prelude::any::<Participant>(), 0..40),
            sizes in proptest::collection::vec(1usize..20, 1..8),
            singles in 0usize..9,
        ) {
            let mut one_by_one = ParticipantTable::new();
            let mut grouped = ParticipantTable::new();
            let mut rest: &[Participant] = &people;
            let (first, tail) = rest.split_at(singles.min(rest.len()));
            for p in first {
                let a = one_by_one.push(p);
                proptest::prop_assert_eq!(&a, &grouped.push(p));
            }
            rest = tail;
            for size in sizes.iter().cycle() {
                if rest.is_empty() {
                    break;
                }
                let (group, tail) = rest.split_at((*size).min(rest.len()));
                rest = tail;
                let refs: Vec<&Participant> = group.iter().collect();
                let before = grouped.clone();
                match grouped.extend_records(&refs) {
                    Ok(()) => {
                        for p in group {
                            proptest::prop_assert!(one_by_one.push(p).is_ok());
                        }
                    }
                    Err(e) => {
                        proptest::prop_assert_eq!(&grouped, &before);
                        let bad = group.iter().position(has_later_events);
                        proptest::prop_assert_eq!(
                            e,
                            ColumnsError::LaterEvents { row: before.len() + bad.unwrap() }
                        );
                        // One by one, the records before it go in and it is refused.
                        for p in group {
                            if one_by_one.push(p).is_err() {
                                break;
                            }
                        }
                        proptest::prop_assert_eq!(one_by_one.len(), before.len() + bad.unwrap());
                        one_by_one = before;
                    }
                }
                proptest::prop_assert_eq!(&one_by_one, &grouped);
            }
        }
    }

    #[test]
    fn bitmap_words_follow_the_bit_offset() {
        let bytes = [0xFFu8, 0x00, 0xAA, 0x55, 0xFF, 0x0F, 0xF0, 0x11, 0x22, 0x33];
        for offset in 0..8 {
            let len = 80 - offset - 1;
            let b = Bitmap::new(&bytes, offset, len).unwrap();
            for start in [0, 1, 7, 8, 13, len - 1] {
                let w = b.word(start, 64);
                for k in 0..64 {
                    let i = start + k;
                    let want = i < len && {
                        let bit = offset + i;
                        bytes[bit / 8] >> (bit % 8) & 1 == 1
                    };
                    assert_eq!(w >> k & 1 == 1, want, "offset {offset} start {start} k {k}");
                }
            }
        }
        assert!(Bitmap::new(&bytes, 1, 80).is_none());
    }

    /// `$check!(type, Variant)` for every key width of [`Keys`].
    macro_rules! every_key_width {
        ($check:ident) => {
            $check!(u8, U8);
            $check!(i8, I8);
            $check!(u16, U16);
            $check!(i16, I16);
            $check!(u32, U32);
            $check!(i32, I32);
            $check!(i64, I64);
        };
    }

    proptest::proptest! {
        /// The vectorised check of a dictionary's keys is the key-by-key one:
        /// every key an index below the length, for every key width.
        #[test]
        fn all_below_is_every_key_an_index_below(
            keys in proptest::collection::vec(-3i64..300, 0..100),
            len in 0usize..300,
        ) {
            let expected = keys.iter().all(|&k| usize::try_from(k).is_ok_and(|k| k < len));
            macro_rules! check {
                ($t:ty, $variant:ident) => {
                    if let Some(narrow) = keys.iter().map(|&k| <$t>::try_from(k).ok()).collect::<Option<Vec<$t>>>() {
                        let k = Keys::$variant(&narrow);
                        proptest::prop_assert_eq!(k.all_below(len), expected, "{}", stringify!($t));
                        for i in 0..narrow.len() {
                            proptest::prop_assert_eq!(k.index(i), usize::try_from(keys[i]).ok());
                        }
                        proptest::prop_assert_eq!(k.index(narrow.len()), None);
                    }
                };
            }
            every_key_width!(check);
        }
    }

    proptest::proptest! {
        /// `decode_through` is the key-by-key lookup — a key in 0..=255
        /// through the table, any other as key 255 — for every key width,
        /// from any start, into an `out` shorter or longer than the keys.
        #[test]
        fn decode_through_is_the_lookup_key_by_key(
            keys in proptest::collection::vec(proptest::prop_oneof![-3i64..300, proptest::prelude::any::<i64>()], 0..100),
            table in proptest::collection::vec(proptest::prelude::any::<u8>(), 256..257),
            start in 0usize..110,
            len in 0usize..110,
        ) {
            let table: [u8; 256] = table.try_into().unwrap();
            macro_rules! check {
                ($t:ty, $variant:ident) => {
                    let narrow: Vec<$t> = keys.iter().filter_map(|&k| <$t>::try_from(k).ok()).collect();
                    let mut got = vec![7u8; len];
                    Keys::$variant(&narrow).decode_through(start, &table, &mut got);
                    let mut want = vec![7u8; len];
                    for (w, &k) in want.iter_mut().zip(narrow.iter().skip(start)) {
                        let k = i64::try_from(k).unwrap();
                        *w = table[usize::try_from(k).ok().filter(|&k| k < 256).unwrap_or(255)];
                    }
                    proptest::prop_assert_eq!(got, want, "{}", stringify!($t));
                };
            }
            every_key_width!(check);
        }
    }

    /// A dictionary has a key space where each code is one key's, the
    /// value keys lie in few runs and every key is a byte — and not
    /// otherwise.
    #[test]
    fn a_key_space_is_one_key_a_code_in_few_runs() {
        const NONE: u8 = INVALID;
        // Polars' list of all categories: the column's values in two runs.
        let space = KeySpace::of(&[NONE, NONE, 1, 0, NONE, 2]).unwrap();
        assert_eq!(space.runs, vec![(2, 2), (5, 1)]);
        assert_eq!(&space.key_of[..4], &[3, 2, 5, NO_KEY]);
        assert!(space.key_of[4..].iter().all(|&k| k == NO_KEY));
        assert!(!space.identity);
        // Exactly the values: one run from 0; none at all: no runs.
        assert_eq!(KeySpace::of(&[2, 0, 1]).unwrap().runs, vec![(0, 3)]);
        // Keys that are their codes are told apart (compared as constants).
        assert!(KeySpace::of(&[0, 1, 2]).unwrap().identity);
        assert!(!KeySpace::of(&[2, 0, 1]).unwrap().identity);
        assert!(!KeySpace::of(&[NONE, 1]).unwrap().identity);
        assert_eq!(KeySpace::of(&[]).unwrap().runs, vec![]);
        assert_eq!(KeySpace::of(&[NONE; 255]).unwrap().runs, vec![]);
        // Two keys of one code (two spellings of a value): decoded.
        assert_eq!(KeySpace::of(&[0, 1, 0]), None);
        // Runs up to the limit, and one more.
        let runs = |n: usize| -> Vec<u8> { (0..n).flat_map(|c| [c as u8, NONE]).collect() };
        assert_eq!(
            KeySpace::of(&runs(KeySpace::MAX_RUNS)).unwrap().runs.len(),
            KeySpace::MAX_RUNS
        );
        assert_eq!(KeySpace::of(&runs(KeySpace::MAX_RUNS + 1)), None);
        // 255 entries have one (every key below 255); 256 have none.
        let mut long = vec![NONE; 255];
        long[254] = 0;
        assert_eq!(KeySpace::of(&long).unwrap().key_of[0], 254);
        long.push(NONE);
        assert_eq!(KeySpace::of(&long), None);
        // A column built on either reads it: the table's own codes have one.
        let keys = [0u8];
        assert!(
            CodeColumn::from_decode(Keys::U8(&keys), None, vec![0, 1])
                .key_space
                .is_some()
        );
        assert!(
            CodeColumn::from_decode(Keys::U8(&keys), None, vec![0, 0])
                .table
                .is_some()
        );
    }

    #[test]
    fn keys_decode_through_the_dictionary_and_mark_strangers() {
        let mut out = [0u8; 4];
        Keys::I32(&[1, 0, -1, 7]).decode_into(0, &[5, 6], &mut out);
        assert_eq!(out, [6, 5, INVALID, INVALID]);
        Keys::U32(&[9, 1, 1, 0, 1]).decode_into(1, &[5, 6], &mut out);
        assert_eq!(out, [6, 6, 5, 6]);
    }

    #[test]
    fn days_round_trip_at_the_edges() {
        for d in [NaiveDate::MIN, NaiveDate::MAX, NaiveDate::default()] {
            assert_eq!(date_from_days(days_from_date(d)), Some(d));
        }
        assert_eq!(date_from_days(i32::MAX), None);
        assert_eq!(date_from_days(i32::MIN), None);
    }
}
