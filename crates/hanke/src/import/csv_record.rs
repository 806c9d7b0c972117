//! A streaming RFC 4180 record reader that reports what it cannot read instead
//! of guessing.
//!
//! The `csv` crate accepts malformed quoting silently (`"ab"c` reads as `abc`),
//! and the import must say which line is broken and why, so this reader is
//! strict: a quote inside an unquoted field, text after a closing quote and a
//! quote left open at the end of the file are errors with the record's first
//! line. Buffers are reused from record to record, so reading allocates only
//! while they grow.

use std::io::BufRead;

/// Detects `;` or `,` from the first line, without consuming it.
pub(crate) fn detect_delimiter<R: BufRead>(src: &mut R) -> u8 {
    // Peek at what is buffered without consuming it.
    let buf = src.fill_buf().unwrap_or(&[]);
    let line = buf.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let count = |d: u8| line.iter().filter(|b| **b == d).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// What is wrong with a record's syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SyntaxError {
    /// A `"` inside a field that did not start with one.
    QuoteInUnquotedField { field: usize },
    /// Text after the closing `"` of a quoted field.
    TextAfterClosingQuote { field: usize },
    /// A quoted field still open at the end of the file.
    UnterminatedQuote,
}

impl SyntaxError {
    pub(crate) fn describe(self) -> String {
        match self {
            SyntaxError::QuoteInUnquotedField { field } => format!(
                "field {} has a quote (\") inside an unquoted value; quote the whole value and double the inner quotes",
                field.saturating_add(1)
            ),
            SyntaxError::TextAfterClosingQuote { field } => {
                format!(
                    "field {} has text after its closing quote",
                    field.saturating_add(1)
                )
            }
            SyntaxError::UnterminatedQuote => {
                "a quoted value is not closed before the end of the file".to_string()
            }
        }
    }
}

/// A failure to read: syntax (the reader can go on) or I/O (it cannot).
#[derive(Debug)]
pub(crate) enum ReadError {
    Syntax { line: u64, error: SyntaxError },
    Io { line: u64, error: std::io::Error },
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

pub(crate) struct RecordReader<R> {
    src: R,
    line_buf: Vec<u8>,
    data: Vec<u8>,
    /// The record's fields as text, when the whole record is UTF-8: checked
    /// once per record, not once per field. Ping-pongs its buffer with `data`.
    text: String,
    utf8: bool,
    ends: Vec<usize>,
    /// The number of the next physical line to read, 1-based.
    next_line: u64,
    delimiter: u8,
    first: bool,
    pub(crate) blank_lines: u64,
}

impl<R: BufRead> RecordReader<R> {
    pub(crate) fn new(src: R, delimiter: u8) -> RecordReader<R> {
        RecordReader {
            src,
            line_buf: Vec::with_capacity(256),
            data: Vec::with_capacity(256),
            text: String::new(),
            utf8: false,
            ends: Vec::with_capacity(32),
            next_line: 1,
            delimiter,
            first: true,
            blank_lines: 0,
        }
    }

    /// The number of fields of the last record read.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The raw bytes of field `i` of the last record read.
    /// Where field `i` lies in the record's buffer.
    fn span(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            None => 0,
            Some(j) => *self.ends.get(j)?,
        };
        Some(start..end)
    }

    pub(crate) fn field(&self, i: usize) -> Option<&[u8]> {
        let span = self.span(i)?;
        if self.utf8 {
            self.text.as_bytes().get(span)
        } else {
            self.data.get(span)
        }
    }

    /// Field `i` as text; `Some(Err(()))` when it is not UTF-8.
    pub(crate) fn field_str(&self, i: usize) -> Option<Result<&str, ()>> {
        let span = self.span(i)?;
        // Fields end at ASCII delimiters and quotes, never inside a character,
        // so a UTF-8 record slices into UTF-8 fields.
        match self.text.get(span).filter(|_| self.utf8) {
            Some(t) => Some(Ok(t)),
            None => Some(std::str::from_utf8(self.field(i)?).map_err(|_| ())),
        }
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

    fn read_line(&mut self) -> Result<bool, ReadError> {
        self.line_buf.clear();
        let n = self
            .src
            .read_until(b'\n', &mut self.line_buf)
            .map_err(|error| ReadError::Io {
                line: self.next_line,
                error,
            })?;
        if n == 0 {
            return Ok(false);
        }
        if self.first {
            self.first = false;
            if self.line_buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
                self.line_buf.drain(..3);
            }
        }
        if self.line_buf.last() == Some(&b'\n') {
            self.line_buf.pop();
            if self.line_buf.last() == Some(&b'\r') {
                self.line_buf.pop();
            }
        }
        self.next_line = self.next_line.saturating_add(1);
        Ok(true)
    }

    /// Reads the next record; returns its first line number, or `None` at the end.
    /// Blank lines between records are skipped and counted.
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "offsets inside the line buffer: below its length"
    )]
    pub(crate) fn read(&mut self) -> Result<Option<u64>, ReadError> {
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
        let mut state = State::FieldStart;
        loop {
            let (line, data, ends) = (&self.line_buf, &mut self.data, &mut self.ends);
            let delimiter = self.delimiter;
            let mut i = 0;
            while let Some(rest) = line.get(i..).filter(|r| !r.is_empty()) {
                let field = ends.len();
                // Runs of ordinary bytes are copied whole; the state machine
                // steps only on delimiters and quotes.
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
                        return Err(ReadError::Syntax {
                            line: start_line,
                            error: SyntaxError::QuoteInUnquotedField { field },
                        });
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
                        return Err(ReadError::Syntax {
                            line: start_line,
                            error: SyntaxError::TextAfterClosingQuote { field },
                        });
                    }
                }
            }
            if state != State::Quoted {
                self.ends.push(self.data.len());
                self.seal();
                return Ok(Some(start_line));
            }
            // A line break inside a quoted value belongs to the value.
            self.data.push(b'\n');
            if !self.read_line()? {
                return Err(ReadError::Syntax {
                    line: start_line,
                    error: SyntaxError::UnterminatedQuote,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reader as first written, a byte at a time: the reference the
    /// run-copying reader must equal on any input.
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
            return Err(SyntaxError::UnterminatedQuote);
        }
        fields.push(data);
        Ok(fields)
    }

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
                prop::sample::select(vec![b'a', b'x', b' ', b',', b';', b'"', 0xC3, 0xA4]),
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
    }

    fn fields(r: &RecordReader<&[u8]>) -> Vec<String> {
        (0..r.len())
            .map(|i| String::from_utf8(r.field(i).unwrap().to_vec()).unwrap())
            .collect()
    }

    #[test]
    fn reads_rfc4180() {
        let text = "\u{feff}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\n\n\"multi\nline\",2,3\n";
        let mut r = RecordReader::new(text.as_bytes(), b',');
        assert_eq!(r.read().unwrap(), Some(1));
        assert_eq!(fields(&r), ["a", "b", "c"]);
        assert_eq!(r.read().unwrap(), Some(2));
        assert_eq!(fields(&r), ["x, y", "say \"hi\"", ""]);
        assert_eq!(r.read().unwrap(), Some(4));
        assert_eq!(fields(&r), ["multi\nline", "2", "3"]);
        assert_eq!(r.read().unwrap(), None);
        assert_eq!(r.blank_lines, 1);
    }

    #[test]
    fn reports_bad_quoting_and_goes_on() {
        let text = "a,b\"c\n\"ab\"c,d\nok,1\n\"open,2\n";
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
        assert!(matches!(
            r.read(),
            Err(ReadError::Syntax {
                line: 4,
                error: SyntaxError::UnterminatedQuote
            })
        ));
        assert_eq!(r.read().unwrap(), None);
    }
}
