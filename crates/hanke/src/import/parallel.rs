//! The threads of [`ParticipantCsvReader::read_parallel`](super::ParticipantCsvReader::read_parallel)
//! — *rinnakkainen luku*: the calling thread splits lines into batches of
//! records, each thread turns its batches into participants with the one
//! reading of a row ([`RowFormat::read`]), and the results come back in the
//! order the batches were sent.
//!
//! Batches go round-robin: batch *k* to thread *k* mod *n*, each thread with
//! its own queue of work and of results, so the results are taken back in
//! order by asking thread *k* mod *n* for its next one — no reordering, and a
//! bound on what is in flight ([`IN_FLIGHT`] batches a thread). A used batch
//! comes back with its result and is filled again, so the buffers are
//! allocated once.

use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};
use std::thread::{Builder, Scope, ScopedJoinHandle};

use super::csv_record::{RecordBatch, RowAccount};
use super::participants::{RowFormat, reject};
use super::record::RecordBuilder;
use crate::finding::Finding;
use crate::participant::Participant;

/// One row of a batch, in the order of the file.
#[derive(Debug)]
pub(crate) enum Row {
    /// The next record of the batch's [`RecordBatch`], read from this line.
    Fields(u64),
    /// A line the CSV syntax rejected (counted in `rows_read` already; the
    /// thread counts it rejected, in its place among the batch's rows).
    Malformed(Finding),
}

/// Rows for a thread: their records, and the rows in order.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    /// The records of the [`Row::Fields`] rows, in order.
    pub(crate) records: RecordBatch,
    /// Every row.
    pub(crate) rows: Vec<Row>,
}

/// The participants a batch accepted, and the line each was read from.
#[derive(Debug, Default)]
pub(crate) struct Accepted {
    /// The participants, in the order of the file.
    pub(crate) people: Vec<Participant>,
    /// The line of each.
    pub(crate) lines: Vec<u64>,
}

/// What a thread gives back: the emptied batch, the account of its rows and
/// what it accepted.
type Done = (Batch, RowAccount, Accepted);

/// Batches a thread may have queued or finished but not yet taken back.
const IN_FLIGHT: usize = 2;

/// The most threads a reading starts (the one bound of every computation on
/// threads): more would only add batches in flight, since one calling thread
/// splits the lines for all of them (ADR 0025 §9).
pub(crate) const MAX_THREADS: usize = hanke_base::split::MAX_PARTS;

/// The threads and their queues.
pub(crate) struct Pool<'scope> {
    work: Vec<SyncSender<Batch>>,
    done: Vec<Receiver<Done>>,
    threads: Vec<Option<ScopedJoinHandle<'scope, ()>>>,
    sent: usize,
    received: usize,
    free: Vec<Batch>,
}

impl<'scope> Pool<'scope> {
    /// Starts `threads` threads in `scope` (at least one, at most
    /// [`MAX_THREADS`]), each reading rows of `format`. Where the system
    /// refuses a thread, the threads started so far read; `None` if it
    /// refuses the first (the caller then reads on its own thread) — a
    /// thread count never ends a reading.
    pub(crate) fn start<'env>(
        scope: &'scope Scope<'scope, 'env>,
        threads: usize,
        format: &'scope RowFormat<'_>,
    ) -> Option<Pool<'scope>> {
        let mut pool = Pool {
            work: Vec::new(),
            done: Vec::new(),
            threads: Vec::new(),
            sent: 0,
            received: 0,
            free: Vec::new(),
        };
        for _ in 0..threads.clamp(1, MAX_THREADS) {
            let (work, batches) = sync_channel::<Batch>(IN_FLIGHT);
            let (finished, done) = channel::<Done>();
            let spawned = Builder::new()
                .name("hanke-csv-rows".to_owned())
                .spawn_scoped(scope, move || {
                    let mut builder = RecordBuilder::default();
                    for batch in batches {
                        let done = read_batch(format, &mut builder, batch);
                        if finished.send(done).is_err() {
                            // The reader stopped (a read failure): nothing
                            // more is wanted.
                            break;
                        }
                    }
                });
            let Ok(thread) = spawned else { break };
            pool.work.push(work);
            pool.done.push(done);
            pool.threads.push(Some(thread));
        }
        (!pool.threads.is_empty()).then_some(pool)
    }

    /// An empty batch to fill (one given back by a thread, where there is one).
    pub(crate) fn batch(&mut self) -> Batch {
        self.free.pop().unwrap_or_default()
    }

    /// Sends `batch` to the next thread; takes back (and hands to `done`)
    /// the oldest results while too many are in flight; returns an empty
    /// batch to fill next.
    pub(crate) fn send(
        &mut self,
        batch: Batch,
        done: &mut dyn FnMut(RowAccount, Accepted),
    ) -> Batch {
        let n = self.work.len();
        let k = self.sent.checked_rem(n).unwrap_or(0);
        let sent = self.work.get(k).map(|w| w.send(batch));
        if !matches!(sent, Some(Ok(()))) {
            self.rethrow(k);
        }
        self.sent = self.sent.saturating_add(1);
        while self.sent.saturating_sub(self.received) > n.saturating_mul(IN_FLIGHT) {
            self.receive(done);
        }
        self.batch()
    }

    /// Sends the last `batch` (if it has rows), and takes back every result.
    pub(crate) fn finish(mut self, batch: Batch, done: &mut dyn FnMut(RowAccount, Accepted)) {
        if !batch.rows.is_empty() {
            let _ = self.send(batch, done);
        }
        while self.received < self.sent {
            self.receive(done);
        }
        // Dropping the queues ends the threads; the scope joins them.
    }

    /// Takes back the oldest result.
    fn receive(&mut self, done: &mut dyn FnMut(RowAccount, Accepted)) {
        let k = self.received.checked_rem(self.done.len()).unwrap_or(0);
        match self.done.get(k).map(Receiver::recv) {
            Some(Ok((batch, account, accepted))) => {
                self.free.push(batch);
                done(account, accepted);
            }
            _ => self.rethrow(k),
        }
        self.received = self.received.saturating_add(1);
    }

    /// Thread `k` stopped taking work or giving results: it can only have
    /// panicked (a bug in reading a row). Carry the panic to the caller, as
    /// one thread would have.
    fn rethrow(&mut self, k: usize) -> ! {
        let thread = self.threads.get_mut(k).and_then(Option::take);
        let payload = match thread.map(ScopedJoinHandle::join) {
            Some(Err(payload)) => payload,
            _ => Box::new("a thread reading participant rows ended early"),
        };
        std::panic::resume_unwind(payload)
    }
}

/// Reads a batch's rows in order, as [`ParticipantCsvReader::next_participant`](super::ParticipantCsvReader::next_participant)
/// would: the same [`RowFormat::read`] for each record, a syntax rejection
/// counted in its place.
fn read_batch(format: &RowFormat<'_>, builder: &mut RecordBuilder, mut batch: Batch) -> Done {
    let mut account = RowAccount::default();
    let mut accepted = Accepted {
        people: Vec::with_capacity(batch.rows.len()),
        lines: Vec::with_capacity(batch.rows.len()),
    };
    let mut records = 0..batch.records.len();
    for row in batch.rows.drain(..) {
        match row {
            Row::Malformed(finding) => reject(&mut account, finding),
            Row::Fields(line) => {
                let record = records.next().and_then(|k| batch.records.get(k));
                let Some(record) = record else {
                    unreachable!("a batch holds a record for every row of fields")
                };
                if let Some(p) = format.read(record, line, builder, &mut account) {
                    accepted.people.push(p);
                    accepted.lines.push(line);
                }
            }
        }
    }
    batch.records.clear();
    (batch, account, accepted)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use std::num::NonZeroUsize;

    use proptest::prelude::*;

    use crate::import::{
        ImportOptions, ParticipantCsvReader, read_participants_csv,
        read_participants_csv_with_lines,
    };
    use crate::participant::{Participant, Pseudonymiser};
    use crate::programme::ProgrammePeriod;
    use crate::rulebook::Rulebook;

    /// A real-shaped file (synthetic people; identity codes with temporary
    /// numbers), to break line by line.
    const FILE: &str = include_str!(
        "../../../../examples/data/participants/yhteiskunnalliset_yritykset_esr_plus.csv"
    );

    /// What can happen to a line of a file someone edited by hand.
    #[derive(Debug, Clone, Copy)]
    enum Edit {
        Keep,
        /// A field fewer.
        DropField,
        /// A quote in the middle of a field (a syntax error).
        StrayQuote,
        /// A quote opened and never closed on the line (may span lines).
        OpenQuote,
        /// A line of delimiters only (an empty spreadsheet row).
        EmptyRow,
        /// A blank line before it.
        BlankBefore,
        /// An impossible entry date.
        BadDate,
        /// A byte that is not UTF-8 (nor Windows-1252's undefined ones).
        NotUtf8,
        /// A value quoted as RFC 4180 allows.
        Quoted,
        /// A line ending in `\r\n`.
        CrLf,
        /// A value under the empty header.
        StrayValue,
    }

    fn edit() -> impl Strategy<Value = Edit> {
        use Edit as E;
        prop::sample::select(vec![
            E::Keep,
            E::Keep,
            E::Keep,
            E::DropField,
            E::StrayQuote,
            E::OpenQuote,
            E::EmptyRow,
            E::BlankBefore,
            E::BadDate,
            E::NotUtf8,
            E::Quoted,
            E::CrLf,
            E::StrayValue,
        ])
    }

    /// The file's first `n` rows with `edits`, and an extra column with an
    /// empty header at the end.
    fn broken_file(n: usize, edits: &[Edit]) -> Vec<u8> {
        let mut lines = FILE.lines();
        let mut out = Vec::new();
        out.extend_from_slice(lines.next().unwrap().as_bytes());
        out.extend_from_slice(b",\n");
        for (line, e) in lines.take(n).zip(edits.iter().cycle()) {
            let mut l = format!("{line},").into_bytes();
            match e {
                Edit::Keep => {}
                Edit::DropField => {
                    let cut = l.iter().rposition(|b| *b == b',').unwrap();
                    l.truncate(cut);
                }
                Edit::StrayQuote => l.insert(3, b'"'),
                Edit::OpenQuote => l.insert(0, b'"'),
                Edit::EmptyRow => l = vec![b','; 26],
                Edit::BlankBefore => {
                    l.splice(0..0, *b" \n");
                }
                Edit::BadDate => {
                    let at = l.iter().position(|b| *b == b',').unwrap() + 1;
                    l.splice(at..at + 10, *b"2025-02-30");
                }
                Edit::NotUtf8 => l.insert(2, 0xE4),
                Edit::Quoted => {
                    // `"ILO-0001"`: the id quoted, as RFC 4180 allows.
                    let end = l.iter().position(|b| *b == b',').unwrap();
                    l.insert(end, b'"');
                    l.insert(0, b'"');
                }
                Edit::CrLf => l.push(b'\r'),
                Edit::StrayValue => l.push(b'x'),
            }
            out.extend_from_slice(&l);
            out.push(b'\n');
        }
        out
    }

    fn options(flags: u8) -> ImportOptions {
        let mut o = ImportOptions {
            accept_temporary_codes: flags & 1 == 1,
            ..ImportOptions::default()
        };
        if flags & 2 == 2 {
            o.rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027)
                .and_then(|r| r.participants());
        }
        if flags & 4 == 4 {
            o.pseudonymiser = Some(Pseudonymiser::new(&[7; 32]).unwrap());
            o.drop_identity_codes = flags & 8 == 8;
        }
        o
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// The threads read exactly what one reader reads: the same
        /// participants in the same order, and the same report — counts,
        /// lines and every finding — whatever the file's faults, the number
        /// of threads and where the batches are cut.
        #[test]
        fn threads_read_as_one_reader_does(
            n in 0usize..150,
            edits in proptest::collection::vec(edit(), 1..12),
            flags in 0u8..16,
            threads in 1usize..4,
            batch_rows in 1usize..9,
        ) {
            let file = broken_file(n, &edits);
            // The reference: the streaming reader, one row at a time.
            let mut streaming = ParticipantCsvReader::new(&file[..], options(flags)).unwrap();
            let (mut one, mut one_lines) = (Vec::new(), Vec::new());
            while let Some(p) = streaming.next_participant().unwrap() {
                one_lines.push(streaming.line().unwrap());
                one.push(p);
            }
            let one_report = streaming.into_report();
            let reader = ParticipantCsvReader::new(&file[..], options(flags)).unwrap();
            let (mut many, mut many_lines): (Vec<Participant>, Vec<u64>) = (Vec::new(), Vec::new());
            let mut batches = 0usize;
            let report = reader
                .read_in_batches(NonZeroUsize::new(threads).unwrap(), batch_rows, |b| {
                    batches += 1;
                    many.extend(b.people);
                    many_lines.extend(b.lines);
                })
                .unwrap();
            prop_assert!(report.is_balanced());
            prop_assert_eq!(&report, &one_report);
            prop_assert!(many == one, "participants differ");
            prop_assert_eq!(&many_lines, &one_lines);
            if threads > 1 {
                // Every batch came back (an empty one too: a batch of
                // rejected rows gives nothing, but is handed on).
                prop_assert_eq!(batches, (report.rows_read as usize).div_ceil(batch_rows));
            }
            // The whole-file readers with the option: the same again.
            let mut threaded = options(flags);
            threaded.threads = NonZeroUsize::new(threads);
            let (people, lines, whole) = read_participants_csv_with_lines(&file[..], threaded).unwrap();
            prop_assert_eq!(&whole, &one_report);
            prop_assert!(people == one, "participants differ");
            prop_assert_eq!(lines.iter().map(|l| l.1).collect::<Vec<_>>(), one_lines);
        }
    }

    /// A thread count past [`super::MAX_THREADS`] (a caller's `usize::MAX`, a
    /// Python `threads=10**9`) starts at most that many and reads the same —
    /// never a panic or a thread per batch.
    #[test]
    fn any_thread_count_reads_the_same() {
        let file = broken_file(
            150,
            &[Edit::Keep, Edit::BadDate, Edit::Keep, Edit::StrayQuote],
        );
        let (one, one_report) = read_participants_csv(&file[..], options(3)).unwrap();
        for threads in [super::MAX_THREADS, super::MAX_THREADS + 1, usize::MAX] {
            let reader = ParticipantCsvReader::new(&file[..], options(3)).unwrap();
            let mut many = Vec::new();
            let report = reader
                .read_in_batches(NonZeroUsize::new(threads).unwrap(), 1, |b| {
                    many.extend(b.people)
                })
                .unwrap();
            assert_eq!(report, one_report);
            assert!(many == one, "participants differ on {threads} threads");
        }
        assert!(one_report.accepted > 50, "{}", one_report.accepted);
    }

    /// The public call cuts the default batches: a file of several batches
    /// reads the same on two threads.
    #[test]
    fn several_default_batches_read_the_same() {
        let body: Vec<&str> = FILE.lines().skip(1).collect();
        let mut file = String::from(FILE.lines().next().unwrap());
        file.push('\n');
        for i in 0..(crate::import::participants::BATCH_ROWS * 3 + 17) {
            file.push_str(body[i % body.len()]);
            file.push('\n');
        }
        let (one, one_report) = read_participants_csv(file.as_bytes(), options(3)).unwrap();
        let reader = ParticipantCsvReader::new(file.as_bytes(), options(3)).unwrap();
        let mut many = Vec::new();
        let report = reader
            .read_parallel(NonZeroUsize::new(2).unwrap(), |b| many.extend(b))
            .unwrap();
        assert_eq!(report, one_report);
        assert!(many == one);
        assert!(one_report.accepted > 10_000, "{}", one_report.accepted);
    }
}
