//! A streaming RFC 4180 record reader that reports what it cannot read instead
//! of guessing.
//!
//! The `csv` crate accepts malformed quoting silently (`"ab"c` reads as `abc`),
//! and the import must say which line is broken and why, so this reader is
//! strict: a quote inside an unquoted field, text after a closing quote and a
//! quote left open are errors with the record's lines.
//!
//! **A record is one line.** The files hanke reads (participant records, the
//! EURA project list) never hold a line break inside a value, so a quote left
//! open at the end of a line is a broken line, not a value that goes on: where
//! the quote closes on a later line, the lines from the first to that one are
//! one rejected record ([`SyntaxError::SpansLines`], naming both lines); where
//! it never closes, only the first line is rejected
//! ([`SyntaxError::UnterminatedQuote`]) and the lines after it are read again
//! as records of their own. Either way every physical line is accounted for:
//! `lines == header + blank_lines + record_lines` ([`RecordReader::lines`]).
//!
//! Lines end in `\n`, `\r\n` or a lone `\r` (old spreadsheet exports). Buffers
//! are reused from record to record, so reading allocates only while they grow.

use std::collections::VecDeque;
use std::io::BufRead;

use serde::Serialize;

/// The character encoding of a text file — *merkistö*.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 (a byte-order mark at the start is skipped).
    #[default]
    Utf8,
    /// Windows-1252, the "ANSI" encoding Excel uses on Finnish Windows when a
    /// sheet is saved as plain CSV. Every byte is a character except the five
    /// the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): a line
    /// with one of those is not valid text and is rejected.
    Windows1252,
}

impl Encoding {
    /// The name used in reports and options: `utf-8`, `windows-1252`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Windows1252 => "windows-1252",
        }
    }

    /// Reads `utf-8`/`utf8` or `windows-1252`/`cp1252`/`ansi`, any case.
    ///
    /// ```
    /// use hanke_base::csv_record::Encoding;
    /// assert_eq!(Encoding::from_name("CP1252"), Some(Encoding::Windows1252));
    /// assert_eq!(Encoding::from_name("latin-9"), None);
    /// assert_eq!("latin-9".parse::<Encoding>().unwrap_err().code(), "import.encoding");
    /// ```
    pub fn from_name(name: &str) -> Option<Encoding> {
        match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "windows-1252" | "cp1252" | "ansi" => Some(Encoding::Windows1252),
            _ => None,
        }
    }
}

/// An encoding hanke does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an encoding hanke reads (utf-8, windows-1252)")]
pub struct UnknownEncoding(crate::Echo);

error_codes! {
    UnknownEncoding {
        UnknownEncoding(..) => "import.encoding": "An encoding hanke does not read (it reads utf-8 and windows-1252).",
    }
}

impl std::str::FromStr for Encoding {
    type Err = UnknownEncoding;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Encoding::from_name(s).ok_or_else(|| UnknownEncoding(crate::Echo::new(s)))
    }
}

impl Encoding {
    /// Guesses the encoding of a file's first bytes **only where it is
    /// certain**: `Some(Windows1252)` when `sample` is not UTF-8 and every byte
    /// outside ASCII is one of the letters Finnish and Swedish text uses in
    /// Windows-1252 (å ä ö é ü š ž and their capitals) — in UTF-8 each of these
    /// bytes would need a lead byte before it, and in the other single-byte
    /// encodings a Finnish export could be in (ISO 8859-1 and -15) they are the
    /// same letters. `Some(Utf8)` for UTF-8 text (an incomplete character at the
    /// end of the sample is allowed); `None` when it cannot be told.
    ///
    /// ```
    /// use hanke_base::csv_record::Encoding;
    /// assert_eq!(Encoding::detect(b"Aloitusp\xe4iv\xe4;Sukupuoli\n"), Some(Encoding::Windows1252));
    /// assert_eq!(Encoding::detect("Aloituspäivä".as_bytes()), Some(Encoding::Utf8));
    /// assert_eq!(Encoding::detect(b"x\x80y"), None); // the euro sign: not certain
    /// ```
    pub fn detect(sample: &[u8]) -> Option<Encoding> {
        match std::str::from_utf8(sample) {
            Ok(_) => return Some(Encoding::Utf8),
            // Only a character cut at the end of the sample: UTF-8 so far.
            Err(e) if e.error_len().is_none() => return Some(Encoding::Utf8),
            Err(_) => {}
        }
        const LETTERS: [u8; 16] = [
            0xC4, 0xC5, 0xD6, 0xE4, 0xE5, 0xF6, // Ä Å Ö ä å ö
            0xC9, 0xE9, 0xDC, 0xFC, // É é Ü ü
            0x8A, 0x9A, 0x8E, 0x9E, // Š š Ž ž
            0xD5, 0xF5, // Õ õ (Estonian names)
        ];
        sample
            .iter()
            .all(|b| b.is_ascii() || LETTERS.contains(b))
            .then_some(Encoding::Windows1252)
    }
}

/// Windows-1252 bytes 0x80–0x9F as characters; `None` for the five undefined.
/// Source: the Unicode Consortium's mapping `MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT`.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201C}'),
    Some('\u{201D}'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// `line` (Windows-1252) as UTF-8 in `out`. An undefined byte is kept as it
/// is, which leaves the line invalid UTF-8: rejected, never guessed at.
fn windows_1252_to_utf8(line: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let mut utf8 = [0u8; 4];
    for &b in line {
        let c = match b {
            0x00..=0x7F => {
                out.push(b);
                continue;
            }
            0x80..=0x9F => CP1252_HIGH.get(usize::from(b & 0x1F)).copied().flatten(),
            _ => Some(char::from(b)),
        };
        match c {
            Some(c) => out.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes()),
            None => out.push(b),
        }
    }
}

/// Detects `;` or `,` from the first line, without consuming it — or a tab,
/// what Excel's "Text (tab delimited)" writes, when the line has tabs and
/// neither of the others. A header line with a tab and no `,` or `;` read
/// with either would be one column named with tabs, refused as unknown; so
/// the tab only turns that refusal into a reading, and a line with `,` or `;`
/// is split as before.
///
/// ```
/// use hanke_base::csv_record::detect_delimiter;
/// assert_eq!(detect_delimiter(&mut &b"a;b;c,d\n"[..]), b';');
/// assert_eq!(detect_delimiter(&mut &b"a\tb\n"[..]), b'\t');
/// assert_eq!(detect_delimiter(&mut &b"a\tb,c\n"[..]), b',');
/// ```
pub fn detect_delimiter<R: BufRead>(src: &mut R) -> u8 {
    // Peek at what is buffered without consuming it.
    let buf = src.fill_buf().unwrap_or(&[]);
    let line = buf
        .split(|b| *b == b'\n' || *b == b'\r')
        .next()
        .unwrap_or(&[]);
    let count = |d: u8| line.iter().filter(|b| **b == d).count();
    let (semicolons, commas) = (count(b';'), count(b','));
    if semicolons > commas {
        b';'
    } else if commas == 0 && count(b'\t') > 0 {
        b'\t'
    } else {
        b','
    }
}

/// What is wrong with a record's syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxError {
    /// A `"` inside a field that did not start with one.
    QuoteInUnquotedField {
        /// The field, counted from 0.
        field: usize,
    },
    /// Text after the closing `"` of a quoted field.
    TextAfterClosingQuote {
        /// The field, counted from 0.
        field: usize,
    },
    /// A quote opened on the record's line and never closed before the end of
    /// the file; only that line is rejected.
    UnterminatedQuote {
        /// The field, counted from 0.
        field: usize,
    },
    /// A quote opened on the first line closes on a later one: the lines
    /// between were read as one record and are rejected together.
    SpansLines {
        /// The field, counted from 0.
        field: usize,
        /// The line the quote closes on.
        last_line: u64,
    },
}

impl SyntaxError {
    /// What is wrong, in English, Finnish and Swedish.
    fn messages(self) -> [String; 3] {
        match self {
            SyntaxError::QuoteInUnquotedField { field } => {
                let f = field.saturating_add(1);
                [
                    format!(
                        "field {f} has a quote (\") inside an unquoted value; quote the whole value and double the inner quotes"
                    ),
                    format!(
                        "kentässä {f} on lainausmerkki (\") lainaamattoman arvon sisällä; lainaa koko arvo ja kahdenna sisemmät lainausmerkit"
                    ),
                    format!(
                        "fält {f} har ett citattecken (\") i ett värde utan citattecken; citera hela värdet och dubblera de inre citattecknen"
                    ),
                ]
            }
            SyntaxError::TextAfterClosingQuote { field } => {
                let f = field.saturating_add(1);
                [
                    format!("field {f} has text after its closing quote"),
                    format!("kentässä {f} on tekstiä lopettavan lainausmerkin jälkeen"),
                    format!("fält {f} har text efter det avslutande citattecknet"),
                ]
            }
            SyntaxError::UnterminatedQuote { field } => {
                let f = field.saturating_add(1);
                [
                    format!(
                        "field {f} opens a quote that is never closed; the line is rejected and the lines after it are read on their own"
                    ),
                    format!(
                        "kentän {f} lainausmerkkiä ei suljeta; rivi hylätään ja sitä seuraavat rivit luetaan erikseen"
                    ),
                    format!(
                        "fält {f} öppnar ett citattecken som aldrig stängs; raden avvisas och raderna efter den läses var för sig"
                    ),
                ]
            }
            SyntaxError::SpansLines { field, last_line } => {
                let f = field.saturating_add(1);
                [
                    format!(
                        "field {f} opens a quote that closes only on line {last_line}, so the lines up to it would be one record; values never hold a line break, so they are rejected together: fix the quote"
                    ),
                    format!(
                        "kentän {f} lainausmerkki sulkeutuu vasta rivillä {last_line}, joten rivit siihen asti olisivat yksi tietue; arvoissa ei ole rivinvaihtoja, joten ne hylätään yhdessä: korjaa lainausmerkki"
                    ),
                    format!(
                        "citattecknet i fält {f} stängs först på rad {last_line}, så raderna dit skulle bli en post; värden har inga radbrytningar, så de avvisas tillsammans: rätta citattecknet"
                    ),
                ]
            }
        }
    }

    /// What is wrong, in English.
    pub fn describe(self) -> String {
        let [en, _, _] = self.messages();
        en
    }

    /// What is wrong, in Finnish.
    pub fn describe_fi(self) -> String {
        let [_, fi, _] = self.messages();
        fi
    }

    /// What is wrong, in Swedish.
    pub fn describe_sv(self) -> String {
        let [_, _, sv] = self.messages();
        sv
    }

    /// The last line of the rejected record, where it is not the first.
    pub fn last_line(self) -> Option<u64> {
        match self {
            SyntaxError::SpansLines { last_line, .. } => Some(last_line),
            _ => None,
        }
    }
}

/// A failure to read: syntax (the reader can go on) or I/O (it cannot).
#[derive(Debug)]
pub enum ReadError {
    /// A record that breaks the syntax; the reader goes on after it.
    Syntax {
        /// The record's first line.
        line: u64,
        /// What is wrong.
        error: SyntaxError,
    },
    /// The source failed; the reader stops.
    Io {
        /// The line being read.
        line: u64,
        /// The failure.
        error: std::io::Error,
    },
}

/// The position of the first `a` or `b` in `hay` (its length if none), eight
/// bytes at a time: a word has a byte equal to `x` where `w ^ x·0x01…01` has a
/// zero byte, and the lowest flag of the zero-byte test is exact.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "offsets inside `hay`: below its length"
)]
fn find(hay: &[u8], a: u8, b: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_bytes = |w: u64| w.wrapping_sub(ONES) & !w & HIGHS;
    let (wa, wb) = (ONES * u64::from(a), ONES * u64::from(b));
    let mut chunks = hay.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let w = u64::from_le_bytes(eight);
        let hits = zero_bytes(w ^ wa) | zero_bytes(w ^ wb);
        if hits != 0 {
            return offset + (hits.trailing_zeros() / 8) as usize;
        }
        offset += 8;
    }
    let tail = chunks.remainder();
    offset
        + tail
            .iter()
            .position(|&c| c == a || c == b)
            .unwrap_or(tail.len())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

/// Runs the record state machine over one line from `state`: field bytes go
/// to `data`, field ends to `ends`. The state at the end of the line, or the
/// syntax error (the field it is in).
#[allow(
    clippy::arithmetic_side_effects,
    reason = "offsets inside the line: below its length"
)]
fn scan_line(
    line: &[u8],
    mut state: State,
    delimiter: u8,
    data: &mut Vec<u8>,
    ends: &mut Vec<usize>,
) -> Result<State, SyntaxError> {
    let mut i = 0;
    while let Some(rest) = line.get(i..).filter(|r| !r.is_empty()) {
        let field = ends.len();
        // Runs of ordinary bytes are copied whole; the state machine steps
        // only on delimiters and quotes.
        let run = match state {
            State::FieldStart | State::Unquoted => find(rest, delimiter, b'"'),
            State::Quoted => find(rest, b'"', b'"'),
            State::QuoteInQuoted => 0,
        };
        if run > 0 {
            data.extend_from_slice(rest.get(..run).unwrap_or(&[]));
            if state == State::FieldStart {
                state = State::Unquoted;
            }
            i += run;
            continue;
        }
        let Some(&b) = rest.first() else { break };
        i += 1;
        match state {
            State::FieldStart if b == b'"' => state = State::Quoted,
            State::FieldStart | State::Unquoted if b == delimiter => {
                ends.push(data.len());
                state = State::FieldStart;
            }
            State::FieldStart | State::Unquoted => {
                return Err(SyntaxError::QuoteInUnquotedField { field });
            }
            State::Quoted => state = State::QuoteInQuoted,
            State::QuoteInQuoted if b == b'"' => {
                data.push(b'"');
                state = State::Quoted;
            }
            State::QuoteInQuoted if b == delimiter => {
                ends.push(data.len());
                state = State::FieldStart;
            }
            State::QuoteInQuoted => {
                return Err(SyntaxError::TextAfterClosingQuote { field });
            }
        }
    }
    Ok(state)
}

/// A record line that holds no quote (almost every line of a participant
/// file), taken whole: `data` gets the line with its delimiters, `ends` the
/// delimiters' offsets — one copy a line instead of one a field, and no state
/// to step (issue 29). [`RecordReader::span`] skips the delimiter before each
/// field. The property test `run_copying_equals_the_byte_machine` reads
/// quote-free lines this way and compares them with the byte machine.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "offsets inside the line: below its length"
)]
fn split_unquoted(line: &[u8], delimiter: u8, data: &mut Vec<u8>, ends: &mut Vec<usize>) {
    data.extend_from_slice(line);
    // Every delimiter of a word at once: the exact zero-byte test (no borrow
    // crosses a byte, unlike `find`'s, whose flags past the first may be
    // false), then its set bits in order — one pass over the line instead of
    // a search restarted at every field.
    const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let delimiters = u64::from_le_bytes([delimiter; 8]);
    let mut words = line.chunks_exact(8);
    let mut offset = 0;
    for word in &mut words {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        let x = u64::from_le_bytes(eight) ^ delimiters;
        let mut hits = !(((x & LOWS) + LOWS) | x | LOWS);
        while hits != 0 {
            ends.push(offset + (hits.trailing_zeros() / 8) as usize);
            hits &= hits - 1;
        }
        offset += 8;
    }
    for (i, &b) in words.remainder().iter().enumerate() {
        if b == delimiter {
            ends.push(offset + i);
        }
    }
}

/// Whether a file's first bytes are UTF-16 text: a byte-order mark of either
/// order (`FF FE`, `FE FF`; UTF-32's little-endian mark begins with the
/// first), or, without one, the NUL bytes that every ASCII character of
/// UTF-16 carries — the first two characters each a NUL and a byte that is
/// not. Text in UTF-8 or Windows-1252 never holds a NUL byte (control
/// character 0 is no character of a CSV header), so neither is mistaken.
///
/// Source: The Unicode Standard, §23.8 "Specials" (U+FEFF as the byte order
/// mark) and §3.10 (the UTF-16BE and UTF-16LE encoding schemes).
fn looks_like_utf16(sample: &[u8]) -> bool {
    if sample.starts_with(&[0xFF, 0xFE]) || sample.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    match sample {
        [a, 0, c, 0, ..] | [0, a, 0, c, ..] => *a != 0 && *c != 0,
        _ => false,
    }
}

/// How far past an open quote the reader looks for its closing one before it
/// takes the quote as never closed (a bound on memory and work per line).
const LOOKAHEAD_LINES: usize = 10_000;

/// Reads CSV records — one per line, quotes never spanning lines — and keeps
/// the account of the lines it read (*riviluettelo*): every physical line is a
/// header, blank or record line, so that nothing is skipped silently.
pub struct RecordReader<R> {
    src: R,
    /// The current physical line, as UTF-8 where the encoding is known.
    line_buf: Vec<u8>,
    /// The line as read, before decoding.
    raw_buf: Vec<u8>,
    /// Lines read ahead while looking for a closing quote and given back, to
    /// be read again as records of their own (already counted in `lines`).
    pending: VecDeque<Vec<u8>>,
    data: Vec<u8>,
    /// The record's fields as text, when the whole record is UTF-8: checked
    /// once per record, not once per field. Ping-pongs its buffer with `data`.
    text: String,
    utf8: bool,
    ends: Vec<usize>,
    /// Whether `data` holds the record's line as it was, a delimiter between
    /// fields ([`split_unquoted`]), rather than the fields alone.
    gaps: bool,
    /// The number of the next physical line to read, 1-based.
    next_line: u64,
    delimiter: u8,
    encoding: Encoding,
    first: bool,
    /// The last line ended in a lone `\r`: a `\n` right after it is part of
    /// that line's end, not an empty line.
    after_cr: bool,
    /// Physical lines read from the source.
    lines: u64,
    /// Blank lines read.
    pub blank_lines: u64,
    /// Lines of every record returned, well-formed or not (the header too).
    record_lines: u64,
}

impl<R: BufRead> RecordReader<R> {
    /// Reads the header record: its line, or why the file cannot be read
    /// (empty, a header that breaks the syntax, a failed read).
    ///
    /// A file in UTF-16 — what Excel saves as "Unicode text" — is refused
    /// before any of it is read ([`FileError::Utf16`]): read as bytes, its
    /// header would be names with a NUL byte between letters, a refusal that
    /// names the wrong cause.
    pub fn read_header(&mut self) -> Result<u64, FileError> {
        if self.first && looks_like_utf16(self.src.fill_buf().unwrap_or(&[])) {
            return Err(FileError::Utf16);
        }
        match self.read() {
            Ok(Some(line)) => Ok(line),
            Ok(None) => Err(FileError::Empty),
            Err(e) => Err(e.into()),
        }
    }

    /// A reader of UTF-8 records separated by `delimiter`.
    pub fn new(src: R, delimiter: u8) -> RecordReader<R> {
        RecordReader::with_encoding(src, delimiter, Encoding::Utf8)
    }

    /// A reader of records in `encoding`.
    pub fn with_encoding(src: R, delimiter: u8, encoding: Encoding) -> RecordReader<R> {
        RecordReader {
            src,
            line_buf: Vec::with_capacity(256),
            raw_buf: Vec::new(),
            pending: VecDeque::new(),
            data: Vec::with_capacity(256),
            text: String::new(),
            utf8: false,
            ends: Vec::with_capacity(32),
            gaps: false,
            next_line: 1,
            delimiter,
            encoding,
            first: true,
            after_cr: false,
            lines: 0,
            blank_lines: 0,
            record_lines: 0,
        }
    }

    /// Physical lines read so far: `blank_lines + record_lines` once the
    /// reader has reached the end.
    pub fn lines(&self) -> u64 {
        self.lines
    }

    /// Lines of the records read so far (the header's included).
    pub fn record_lines(&self) -> u64 {
        self.record_lines
    }

    /// The last physical line read, as text bytes (for a reader that wants to
    /// look at a rejected line as a whole).
    pub fn line_bytes(&self) -> &[u8] {
        &self.line_buf
    }

    /// The number of fields of the last record read.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the last record read has no fields (none read yet).
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The last record read, as a view: what [`Self::field`] and
    /// [`Self::field_str`] read, and what a [`RecordBatch`] copies.
    #[inline]
    pub fn record(&self) -> Record<'_> {
        Record {
            bytes: if self.utf8 {
                self.text.as_bytes()
            } else {
                &self.data
            },
            text: if self.utf8 { Some(&self.text) } else { None },
            ends: &self.ends,
            gaps: self.gaps,
        }
    }

    /// The raw bytes of field `i` of the last record read.
    pub fn field(&self, i: usize) -> Option<&[u8]> {
        self.record().field(i)
    }

    /// Field `i` as text; `Some(Err(()))` when it is not UTF-8.
    pub fn field_str(&self, i: usize) -> Option<Result<&str, ()>> {
        self.record().field_str(i)
    }

    /// Checks the finished record's UTF-8 once, moving it into `text` if it is.
    fn seal(&mut self) {
        match String::from_utf8(std::mem::take(&mut self.data)) {
            Ok(text) => {
                self.text = text;
                self.utf8 = true;
            }
            Err(e) => {
                self.data = e.into_bytes();
                self.utf8 = false;
            }
        }
    }

    /// Reads one physical line from the source into `raw_buf`, without its
    /// end (`\n`, `\r\n` or `\r`); `false` at the end of the input.
    fn read_physical(&mut self) -> std::io::Result<bool> {
        self.raw_buf.clear();
        let mut any = false;
        loop {
            let (taken, ended) = {
                let buf = match self.src.fill_buf() {
                    Ok(b) => b,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                };
                if buf.is_empty() {
                    return Ok(any);
                }
                if self.after_cr {
                    self.after_cr = false;
                    if buf.first() == Some(&b'\n') {
                        (1, None)
                    } else {
                        (0, None)
                    }
                } else {
                    any = true;
                    let i = find(buf, b'\n', b'\r');
                    self.raw_buf.extend_from_slice(buf.get(..i).unwrap_or(buf));
                    match buf.get(i) {
                        Some(&end) => (i.saturating_add(1), Some(end)),
                        None => (buf.len(), None),
                    }
                }
            };
            self.src.consume(taken);
            if let Some(end) = ended {
                self.after_cr = end == b'\r';
                return Ok(true);
            }
        }
    }

    fn read_line(&mut self) -> Result<bool, ReadError> {
        if let Some(line) = self.pending.pop_front() {
            self.line_buf = line;
            self.next_line = self.next_line.saturating_add(1);
            return Ok(true);
        }
        let got = self.read_physical().map_err(|error| ReadError::Io {
            line: self.next_line,
            error,
        })?;
        if !got {
            return Ok(false);
        }
        self.lines = self.lines.saturating_add(1);
        if self.first {
            self.first = false;
            if self.raw_buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
                self.raw_buf.drain(..3);
            }
        }
        match self.encoding {
            Encoding::Utf8 => std::mem::swap(&mut self.line_buf, &mut self.raw_buf),
            Encoding::Windows1252 => windows_1252_to_utf8(&self.raw_buf, &mut self.line_buf),
        }
        self.next_line = self.next_line.saturating_add(1);
        Ok(true)
    }

    /// Reads the next record; returns its line number, or `None` at the end.
    /// Blank lines between records are skipped and counted.
    pub fn read(&mut self) -> Result<Option<u64>, ReadError> {
        if self.utf8 {
            // Take the buffer back from the last record's text.
            self.data = std::mem::take(&mut self.text).into_bytes();
            self.utf8 = false;
        }
        self.data.clear();
        self.ends.clear();
        let start_line = loop {
            let line = self.next_line;
            if !self.read_line()? {
                return Ok(None);
            }
            if self.line_buf.iter().all(|b| *b == b' ' || *b == b'\t') {
                self.blank_lines = self.blank_lines.saturating_add(1);
                continue;
            }
            break line;
        };
        self.gaps = !self.line_buf.contains(&b'"');
        let scanned = if self.gaps {
            split_unquoted(
                &self.line_buf,
                self.delimiter,
                &mut self.data,
                &mut self.ends,
            );
            Ok(State::Unquoted)
        } else {
            scan_line(
                &self.line_buf,
                State::FieldStart,
                self.delimiter,
                &mut self.data,
                &mut self.ends,
            )
        };
        match scanned {
            Err(error) => {
                self.record_lines = self.record_lines.saturating_add(1);
                Err(ReadError::Syntax {
                    line: start_line,
                    error,
                })
            }
            Ok(State::Quoted) => self.open_quote(start_line),
            Ok(_) => {
                self.record_lines = self.record_lines.saturating_add(1);
                self.ends.push(self.data.len());
                self.seal();
                Ok(Some(start_line))
            }
        }
    }

    /// The record that starts on `start_line` leaves a quote open at the end
    /// of the line: find where it would close, and reject accordingly (see
    /// the module).
    fn open_quote(&mut self, start_line: u64) -> Result<Option<u64>, ReadError> {
        let field = self.ends.len();
        // The record's own line stays at hand (`line_bytes`), whatever is read ahead.
        let first = self.line_buf.clone();
        let mut ahead: Vec<Vec<u8>> = Vec::new();
        let mut state = State::Quoted;
        while ahead.len() < LOOKAHEAD_LINES {
            let line = self.next_line;
            if !self.read_line()? {
                break;
            }
            ahead.push(self.line_buf.clone());
            self.data.clear();
            self.ends.clear();
            match scan_line(
                &self.line_buf,
                state,
                self.delimiter,
                &mut self.data,
                &mut self.ends,
            ) {
                Ok(State::Quoted) => state = State::Quoted,
                // Closed on this line (well-formed or not from there on).
                _ => {
                    let lines = line.saturating_sub(start_line).saturating_add(1);
                    self.record_lines = self.record_lines.saturating_add(lines);
                    self.line_buf = first;
                    return Err(ReadError::Syntax {
                        line: start_line,
                        error: SyntaxError::SpansLines {
                            field,
                            last_line: line,
                        },
                    });
                }
            }
        }
        // Never closed: only the first line is rejected; the lines read
        // ahead are read again as records of their own.
        self.record_lines = self.record_lines.saturating_add(1);
        self.next_line = start_line.saturating_add(1);
        for line in ahead.into_iter().rev() {
            self.pending.push_front(line);
        }
        self.line_buf = first;
        Err(ReadError::Syntax {
            line: start_line,
            error: SyntaxError::UnterminatedQuote { field },
        })
    }
}

/// One record's fields as the reader split them — *tietue*: a view of the
/// [`RecordReader`]'s buffers, or of a [`RecordBatch`]'s copy. Both read
/// fields through the same code, so a record reads the same wherever it is.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// The record's field bytes (with the delimiters between them where
    /// `gaps`).
    bytes: &'a [u8],
    /// The same bytes as text, when the whole record is UTF-8.
    text: Option<&'a str>,
    /// Where each field ends in `bytes`.
    ends: &'a [usize],
    /// Whether a delimiter lies between consecutive fields in `bytes` (a
    /// quote-free line kept whole, [`split_unquoted`]).
    gaps: bool,
}

impl<'a> Record<'a> {
    /// The number of fields.
    #[inline]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the record has no fields.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Where field `i` lies in `bytes`.
    #[inline]
    fn span(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            None => 0,
            // Past the delimiter where the line was kept whole.
            Some(j) => self.ends.get(j)?.saturating_add(usize::from(self.gaps)),
        };
        Some(start..end)
    }

    /// The raw bytes of field `i`.
    #[inline]
    pub fn field(&self, i: usize) -> Option<&'a [u8]> {
        self.bytes.get(self.span(i)?)
    }

    /// Field `i` as text; `Some(Err(()))` when it is not UTF-8.
    // Across the crate boundary: called for every field of every row.
    #[inline]
    pub fn field_str(&self, i: usize) -> Option<Result<&'a str, ()>> {
        let span = self.span(i)?;
        // Fields end at ASCII delimiters and quotes, never inside a character,
        // so a UTF-8 record slices into UTF-8 fields.
        match self.text.and_then(|t| t.get(span.clone())) {
            Some(t) => Some(Ok(t)),
            None => Some(std::str::from_utf8(self.bytes.get(span)?).map_err(|_| ())),
        }
    }
}

/// Records copied out of a [`RecordReader`] to be read elsewhere — *tietuerä*:
/// a reader splits lines on one thread and the batch carries the records to
/// another, where [`RecordBatch::get`] gives back a [`Record`] that reads
/// exactly as the reader's did. UTF-8 records are kept as text (checked once,
/// by the reader), the others as bytes. `clear` keeps the buffers, so a batch
/// sent back and forth allocates only while it grows.
///
/// ```
/// use hanke_base::csv_record::{RecordBatch, RecordReader};
/// let mut reader = RecordReader::new("a;\"b;c\"\nd;e\n".as_bytes(), b';');
/// let mut batch = RecordBatch::default();
/// while let Ok(Some(_)) = reader.read() {
///     batch.push(reader.record());
/// }
/// assert_eq!(batch.len(), 2);
/// assert_eq!(batch.get(0).and_then(|r| r.field_str(1)), Some(Ok("b;c")));
/// assert_eq!(batch.get(1).and_then(|r| r.field_str(0)), Some(Ok("d")));
/// ```
#[derive(Debug, Clone, Default)]
pub struct RecordBatch {
    /// The UTF-8 records' bytes, one after another.
    text: String,
    /// The other records' bytes.
    raw: Vec<u8>,
    /// Every record's field ends, relative to the record's start.
    ends: Vec<usize>,
    /// Where each record lies in the buffers.
    records: Vec<Entry>,
}

/// Where one record of a [`RecordBatch`] lies.
#[derive(Debug, Clone)]
struct Entry {
    /// Its bytes, in `text` or `raw`.
    bytes: std::ops::Range<usize>,
    /// Its field ends, in `ends`.
    ends: std::ops::Range<usize>,
    /// Whether it is text (in `text`).
    text: bool,
    /// Whether its line was kept whole ([`Record::gaps`]).
    gaps: bool,
}

impl RecordBatch {
    /// Copies `record` in as the last of the batch.
    pub fn push(&mut self, record: Record<'_>) {
        let first_end = self.ends.len();
        self.ends.extend_from_slice(record.ends);
        let (buffer_len, text) = match record.text {
            Some(t) => {
                self.text.push_str(t);
                (self.text.len(), true)
            }
            None => {
                self.raw.extend_from_slice(record.bytes);
                (self.raw.len(), false)
            }
        };
        self.records.push(Entry {
            bytes: buffer_len.saturating_sub(record.bytes.len())..buffer_len,
            ends: first_end..self.ends.len(),
            text,
            gaps: record.gaps,
        });
    }

    /// Record `k`, as it was pushed.
    #[inline]
    pub fn get(&self, k: usize) -> Option<Record<'_>> {
        let entry = self.records.get(k)?;
        let ends = self.ends.get(entry.ends.clone())?;
        if entry.text {
            let t = self.text.get(entry.bytes.clone())?;
            Some(Record {
                bytes: t.as_bytes(),
                text: Some(t),
                ends,
                gaps: entry.gaps,
            })
        } else {
            Some(Record {
                bytes: self.raw.get(entry.bytes.clone())?,
                text: None,
                ends,
                gaps: entry.gaps,
            })
        }
    }

    /// The number of records.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether the batch holds no record.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Empties the batch, keeping its buffers.
    pub fn clear(&mut self) {
        self.text.clear();
        self.raw.clear();
        self.ends.clear();
        self.records.clear();
    }
}

/// Why a CSV file cannot be read at all — *tiedostovirhe*: the failures every
/// CSV reader of hanke shares (the participant reader's `ImportError` and the
/// EURA list's `ListImportError` wrap it), so that the same mistake has the
/// same code whichever reader met it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FileError {
    /// The file has no header line.
    #[error("the file is empty: a header line is needed")]
    Empty,
    /// The header cannot be read (bad quoting, not text in the file's encoding).
    #[error("line {line}: the header cannot be read: {message}")]
    Header {
        /// The line.
        line: u64,
        /// What is wrong.
        message: crate::Echo,
    },
    /// The file is UTF-16 text — Excel's "Unicode text" — which hanke does
    /// not read: saved as "CSV UTF-8 (comma delimited)" it is read as it is.
    #[error(
        "the file is UTF-16 text (Excel's \"Unicode text\"), which hanke does not read: save it as \"CSV UTF-8\""
    )]
    Utf16,
    /// Reading failed.
    #[error("line {line}: read error: {source}")]
    Io {
        /// The line being read.
        line: u64,
        /// The I/O error.
        source: std::io::Error,
    },
}

error_codes! {
    FileError {
        FileError::Empty => "csv.empty": "The file has no header line.",
        FileError::Header { .. } => "csv.header": "The header cannot be read (bad quoting, not text in the file's encoding).",
        FileError::Utf16 => "csv.unicode_text": "The file is UTF-16 text (Excel's \"Unicode text\"), which hanke does not read: save it as CSV UTF-8.",
        FileError::Io { .. } => "csv.io": "Reading failed.",
    }
}

impl FileError {
    /// The line of the file, where there is one.
    pub fn line(&self) -> Option<u64> {
        match self {
            FileError::Empty | FileError::Utf16 => None,
            FileError::Header { line, .. } | FileError::Io { line, .. } => Some(*line),
        }
    }
}

impl From<ReadError> for FileError {
    /// A record that cannot be read where the header should be, or a failed
    /// read anywhere.
    fn from(e: ReadError) -> FileError {
        match e {
            ReadError::Syntax { line, error } => FileError::Header {
                line,
                message: crate::Echo::message(&error.describe()),
            },
            ReadError::Io { line, error } => FileError::Io {
                line,
                source: error,
            },
        }
    }
}

/// The account of the rows of a file — *riviluettelo*: every data row is
/// accepted or rejected (with its reasons), and every physical line is the
/// header, a blank line or a line of a row. The participant reader's
/// `ImportReport` and the EURA list's `ListImportReport` are this account with
/// what each reader adds.
///
/// ```
/// use hanke_base::csv_record::RowAccount;
/// let mut a = RowAccount::default();
/// a.rows_read = 2;
/// a.accepted = 1;
/// a.rejected = 1;
/// a.lines = 3;
/// a.record_lines = 2;
/// assert!(a.is_balanced());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RowAccount {
    /// Data rows read (the header and blank lines are not rows).
    pub rows_read: u64,
    /// Rows accepted.
    pub accepted: u64,
    /// Rows rejected.
    pub rejected: u64,
    /// Why rows were rejected: one finding per problem, each with its line
    /// and field.
    pub rejections: Vec<crate::finding::Finding>,
    /// Findings on accepted rows, with their lines.
    pub findings: Vec<crate::finding::Finding>,
    /// Blank lines skipped.
    pub blank_lines: u64,
    /// Physical lines of the file, counted as they are read (a line ends in
    /// `\n`, `\r\n` or a lone `\r`).
    pub lines: u64,
    /// Lines of the data rows, accepted or rejected (a row that a stray quote
    /// ran on over several lines counts each of them).
    pub record_lines: u64,
}

impl RowAccount {
    /// The lines of the rejected rows, in order, each once.
    pub fn rejected_lines(&self) -> Vec<u64> {
        let mut lines: Vec<u64> = self.rejections.iter().filter_map(|f| f.line).collect();
        lines.dedup();
        lines
    }

    /// Whether every row and every line is accounted for: rows read =
    /// accepted + rejected, and lines = the header + blank lines + the lines
    /// of every row.
    pub fn is_balanced(&self) -> bool {
        self.accepted.checked_add(self.rejected) == Some(self.rows_read)
            && Some(self.lines)
                == self
                    .blank_lines
                    .checked_add(self.record_lines)
                    .and_then(|n| n.checked_add(1))
    }
}

/// Gives a reader's report the fields and methods of its [`RowAccount`]
/// (`report.rows_read`, `report.is_balanced()`): the report *is* the account
/// with what its reader adds.
#[doc(hidden)]
#[macro_export]
macro_rules! row_account_report {
    ($ty:ty) => {
        impl std::ops::Deref for $ty {
            type Target = $crate::csv_record::RowAccount;
            fn deref(&self) -> &$crate::csv_record::RowAccount {
                &self.account
            }
        }

        impl std::ops::DerefMut for $ty {
            fn deref_mut(&mut self) -> &mut $crate::csv_record::RowAccount {
                &mut self.account
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reader as first written, a byte at a time, on one line: the
    /// reference the run-copying reader must equal on any input.
    fn reference(line: &[u8], delimiter: u8) -> Result<Vec<Vec<u8>>, SyntaxError> {
        let (mut fields, mut data) = (Vec::new(), Vec::new());
        let mut state = State::FieldStart;
        for &b in line {
            let field = fields.len();
            match state {
                State::FieldStart if b == b'"' => state = State::Quoted,
                State::FieldStart | State::Unquoted if b == delimiter => {
                    fields.push(std::mem::take(&mut data));
                    state = State::FieldStart;
                }
                State::FieldStart | State::Unquoted if b == b'"' => {
                    return Err(SyntaxError::QuoteInUnquotedField { field });
                }
                State::FieldStart | State::Unquoted => {
                    data.push(b);
                    state = State::Unquoted;
                }
                State::Quoted if b == b'"' => state = State::QuoteInQuoted,
                State::Quoted => data.push(b),
                State::QuoteInQuoted if b == b'"' => {
                    data.push(b'"');
                    state = State::Quoted;
                }
                State::QuoteInQuoted if b == delimiter => {
                    fields.push(std::mem::take(&mut data));
                    state = State::FieldStart;
                }
                State::QuoteInQuoted => return Err(SyntaxError::TextAfterClosingQuote { field }),
            }
        }
        if state == State::Quoted {
            return Err(SyntaxError::UnterminatedQuote {
                field: fields.len(),
            });
        }
        fields.push(data);
        Ok(fields)
    }

    /// Physical lines of `text`, counted independently of the reader: every
    /// `\r\n`, lone `\r` and lone `\n` ends one, and text after the last end is
    /// one more.
    fn physical_lines(text: &[u8]) -> u64 {
        let mut n = 0;
        let mut i = 0;
        while i < text.len() {
            match text[i] {
                b'\r' if text.get(i + 1) == Some(&b'\n') => {
                    n += 1;
                    i += 2;
                    continue;
                }
                b'\r' | b'\n' => n += 1,
                _ => {}
            }
            i += 1;
        }
        let ends_open = text.last().is_some_and(|b| *b != b'\n' && *b != b'\r');
        n + u64::from(ends_open)
    }

    /// Each record read: its first line, and its fields or its error.
    type Records = Vec<(u64, Result<Vec<String>, SyntaxError>)>;

    /// Reads every record.
    fn read_all(text: &[u8]) -> (Records, RecordReader<&[u8]>) {
        let mut r = RecordReader::new(text, b',');
        let mut out = Vec::new();
        loop {
            match r.read() {
                Ok(Some(line)) => out.push((line, Ok(fields(&r)))),
                Ok(None) => break,
                Err(ReadError::Syntax { line, error }) => out.push((line, Err(error))),
                Err(ReadError::Io { .. }) => unreachable!(),
            }
        }
        (out, r)
    }

    /// A field as read: its bytes and its text (each `None` past the end).
    type FieldRead = (Option<Vec<u8>>, Option<Result<String, ()>>);

    proptest! {
        #[test]
        fn find_is_position(
            hay in proptest::collection::vec(prop::sample::select(vec![0u8, 1, b',', b'"', 0x80, 0xFF, b'a']), 0..40),
            a in prop::sample::select(vec![b',', b';', b'"', 0u8, 0xFF]),
            b in prop::sample::select(vec![b'"', 0x80u8, 1]),
        ) {
            let expected = hay.iter().position(|&c| c == a || c == b).unwrap_or(hay.len());
            prop_assert_eq!(find(&hay, a, b), expected);
        }

        #[test]
        fn run_copying_equals_the_byte_machine(
            line in proptest::collection::vec(
                // Where a word-at-a-time test of the delimiter would misfire:
                // 0xAC and 0xBB differ from `,` and `;` in the high bit only,
                // `-` and `:` in the low bit (a borrow out of a delimiter's
                // byte turns the next into a false one).
                prop::sample::select(vec![
                    b'a', b'x', b' ', b',', b';', b'"', 0xC3, 0xA4, 0xAC, 0xBB, b'-', b':',
                ]),
                1..40,
            ),
            semicolon in any::<bool>(),
        ) {
            let delimiter = if semicolon { b';' } else { b',' };
            let mut text = line.clone();
            text.push(b'\n');
            let mut r = RecordReader::new(&text[..], delimiter);
            let got = match r.read() {
                Ok(Some(_)) => Ok((0..r.len()).map(|i| r.field(i).unwrap().to_vec()).collect()),
                Ok(None) => Ok(vec![]),
                Err(ReadError::Syntax { error, .. }) => Err(error),
                Err(ReadError::Io { .. }) => unreachable!(),
            };
            let blank = line.iter().all(|b| *b == b' ');
            if !blank {
                prop_assert_eq!(got, reference(&line, delimiter));
            }
        }

        /// A record copied into a batch reads exactly as it did in the reader
        /// — every field's bytes and text, quoted or kept whole, UTF-8 or not
        /// — however text and other records are mixed in the batch, and
        /// again after the batch is cleared and refilled.
        #[test]
        fn a_batched_record_reads_as_the_reader_did(
            text in proptest::collection::vec(
                prop::sample::select(vec![b'a', b';', b'"', b'\n', b' ', 0xC3, 0xA4, 0xFF]),
                0..160,
            ),
        ) {
            let mut r = RecordReader::new(&text[..], b';');
            let mut batch = RecordBatch::default();
            // Pushed into a batch that held other records and was cleared.
            batch.push(Record { bytes: b"x;y", text: None, ends: &[1, 3], gaps: true });
            batch.clear();
            let mut seen: Vec<Vec<FieldRead>> = Vec::new();
            loop {
                match r.read() {
                    Ok(Some(_)) => {}
                    Ok(None) => break,
                    Err(_) => continue,
                }
                let fields = |rec: Record<'_>| -> Vec<FieldRead> {
                    // One index past the end: both say there is none.
                    (0..=rec.len())
                        .map(|i| (rec.field(i).map(<[u8]>::to_vec), rec.field_str(i).map(|t| t.map(str::to_string))))
                        .collect()
                };
                prop_assert_eq!(r.record().len(), r.len());
                seen.push(fields(r.record()));
                batch.push(r.record());
                prop_assert_eq!(batch.len(), seen.len());
                for (k, want) in seen.iter().enumerate() {
                    let got = batch.get(k).map(fields);
                    prop_assert_eq!(got.as_ref(), Some(want));
                }
            }
            prop_assert!(batch.get(seen.len()).is_none());
        }

        /// Every physical line is accounted for — as blank, or as a line of
        /// exactly one record — whatever quotes and line ends the text has;
        /// records never hold a line break; a record's lines follow on from
        /// the last one's.
        #[test]
        fn every_line_is_accounted_for(
            text in proptest::collection::vec(
                prop::sample::select(vec![b'a', b',', b'"', b'\n', b'\r', b' ']),
                0..120,
            ),
        ) {
            let (records, r) = read_all(&text);
            prop_assert_eq!(r.lines(), physical_lines(&text));
            prop_assert_eq!(r.lines(), r.blank_lines + r.record_lines());
            let mut covered = 0u64;
            let mut last = 0u64;
            for (line, result) in &records {
                prop_assert!(*line > last, "{line} after {last}");
                let end = match result {
                    Err(SyntaxError::SpansLines { last_line, .. }) => *last_line,
                    _ => *line,
                };
                covered += end - line + 1;
                last = end;
                if let Ok(fields) = result {
                    prop_assert!(fields.iter().all(|f| !f.contains(['\n', '\r'])));
                }
            }
            prop_assert_eq!(covered, r.record_lines());
        }
    }

    fn fields(r: &RecordReader<&[u8]>) -> Vec<String> {
        (0..r.len())
            .map(|i| String::from_utf8(r.field(i).unwrap().to_vec()).unwrap())
            .collect()
    }

    #[test]
    fn reads_rfc4180_one_line_a_record() {
        let text = "\u{feff}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\n\n\"multi\nline\",2,3\nz,1,2\n";
        let mut r = RecordReader::new(text.as_bytes(), b',');
        assert_eq!(r.read().unwrap(), Some(1));
        assert_eq!(fields(&r), ["a", "b", "c"]);
        assert_eq!(r.read().unwrap(), Some(2));
        assert_eq!(fields(&r), ["x, y", "say \"hi\"", ""]);
        // A value with a line break is two lines rejected together.
        assert!(matches!(
            r.read(),
            Err(ReadError::Syntax {
                line: 4,
                error: SyntaxError::SpansLines {
                    field: 0,
                    last_line: 5
                }
            })
        ));
        assert_eq!(r.read().unwrap(), Some(6));
        assert_eq!(fields(&r), ["z", "1", "2"]);
        assert_eq!(r.read().unwrap(), None);
        assert_eq!((r.lines(), r.blank_lines, r.record_lines()), (6, 1, 5));
    }

    #[test]
    fn reports_bad_quoting_and_goes_on() {
        let text = "a,b\"c\n\"ab\"c,d\nok,1\n\"open,2\nnext,3\n";
        let mut r = RecordReader::new(text.as_bytes(), b',');
        assert!(matches!(
            r.read(),
            Err(ReadError::Syntax {
                line: 1,
                error: SyntaxError::QuoteInUnquotedField { field: 1 }
            })
        ));
        assert!(matches!(
            r.read(),
            Err(ReadError::Syntax {
                line: 2,
                error: SyntaxError::TextAfterClosingQuote { field: 0 }
            })
        ));
        assert_eq!(r.read().unwrap(), Some(3));
        assert_eq!(fields(&r), ["ok", "1"]);
        // Never closed: the line alone is rejected, the next read on its own.
        assert!(matches!(
            r.read(),
            Err(ReadError::Syntax {
                line: 4,
                error: SyntaxError::UnterminatedQuote { field: 0 }
            })
        ));
        assert_eq!(r.read().unwrap(), Some(5));
        assert_eq!(fields(&r), ["next", "3"]);
        assert_eq!(r.read().unwrap(), None);
        assert_eq!((r.lines(), r.record_lines()), (5, 5));
    }

    #[test]
    fn a_stray_quote_closed_two_lines_later_rejects_the_three_lines() {
        let text = "h1,h2\n\"x,1\nok,2\ny\",3\nz,4\n";
        let (records, r) = read_all(text.as_bytes());
        assert_eq!(records.len(), 3);
        assert!(matches!(
            records[1],
            (
                2,
                Err(SyntaxError::SpansLines {
                    field: 0,
                    last_line: 4
                })
            )
        ));
        assert_eq!(records[2], (5, Ok(vec!["z".to_string(), "4".to_string()])));
        assert_eq!((r.lines(), r.record_lines()), (5, 5));
    }

    #[test]
    fn line_ends_of_every_kind() {
        let text = "a,b\r1,2\r\n3,4\n\r\n5,6";
        let (records, r) = read_all(text.as_bytes());
        let lines: Vec<u64> = records.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 2, 3, 5]);
        assert_eq!((r.lines(), r.blank_lines), (5, 1));
        assert_eq!(physical_lines(text.as_bytes()), 5);
    }

    #[test]
    fn windows_1252() {
        let mut out = Vec::new();
        windows_1252_to_utf8(b"Aloitusp\xe4iv\xe4 \x80 \x96", &mut out);
        assert_eq!(String::from_utf8(out.clone()).unwrap(), "Aloituspäivä € –");
        windows_1252_to_utf8(b"x\x81", &mut out);
        assert!(String::from_utf8(out).is_err());
        let text = b"Sukupuoli;Kunta\nnainen;H\xe4meenlinna\n";
        let mut r = RecordReader::with_encoding(&text[..], b';', Encoding::Windows1252);
        r.read().unwrap();
        r.read().unwrap();
        assert_eq!(r.field_str(1), Some(Ok("Hämeenlinna")));
    }
}
