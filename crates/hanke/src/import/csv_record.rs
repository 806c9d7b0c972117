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
                field + 1
            ),
            SyntaxError::TextAfterClosingQuote { field } => {
                format!("field {} has text after its closing quote", field + 1)
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
    pub(crate) fn field(&self, i: usize) -> Option<&[u8]> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { *self.ends.get(i - 1)? };
        self.data.get(start..end)
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
        self.next_line += 1;
        Ok(true)
    }

    /// Reads the next record; returns its first line number, or `None` at the end.
    /// Blank lines between records are skipped and counted.
    pub(crate) fn read(&mut self) -> Result<Option<u64>, ReadError> {
        self.data.clear();
        self.ends.clear();
        let start_line = loop {
            let line = self.next_line;
            if !self.read_line()? {
                return Ok(None);
            }
            if self.line_buf.iter().all(|b| *b == b' ' || *b == b'\t') {
                self.blank_lines += 1;
                continue;
            }
            break line;
        };
        let mut state = State::FieldStart;
        loop {
            for i in 0..self.line_buf.len() {
                let Some(&b) = self.line_buf.get(i) else {
                    break;
                };
                let field = self.ends.len();
                match state {
                    State::FieldStart if b == b'"' => state = State::Quoted,
                    State::FieldStart | State::Unquoted if b == self.delimiter => {
                        self.ends.push(self.data.len());
                        state = State::FieldStart;
                    }
                    State::FieldStart | State::Unquoted if b == b'"' => {
                        return Err(ReadError::Syntax {
                            line: start_line,
                            error: SyntaxError::QuoteInUnquotedField { field },
                        });
                    }
                    State::FieldStart | State::Unquoted => {
                        self.data.push(b);
                        state = State::Unquoted;
                    }
                    State::Quoted if b == b'"' => state = State::QuoteInQuoted,
                    State::Quoted => self.data.push(b),
                    State::QuoteInQuoted if b == b'"' => {
                        self.data.push(b'"');
                        state = State::Quoted;
                    }
                    State::QuoteInQuoted if b == self.delimiter => {
                        self.ends.push(self.data.len());
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
