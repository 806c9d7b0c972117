//! One record per person per project — *yksi tietue henkilöä kohden*.
//!
//! A person who enters again is the same participant: the records are merged
//! keeping the first entry and the last exit (SFC 2014 FAQ "a person is counted
//! once per operation"; TEM ESR Henkilö instructions — RULES.md §1.1).

use std::num::NonZeroUsize;
use std::ops::Range;

use hanke_base::split::on_threads;
use serde::Serialize;

use super::{Participant, ParticipantId, Pseudonym, Pseudonymiser};
use crate::PersonalIdentityCode;
use crate::finding::{Finding, rules};

/// What two records were matched on. `Debug` masks the identity code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DuplicateKey {
    /// The same personal identity code.
    IdentityCode(PersonalIdentityCode),
    /// The same pseudonym.
    Pseudonym(Pseudonym),
}

impl DuplicateKey {
    /// `identity_code` or `pseudonym`.
    pub fn kind(&self) -> &'static str {
        match self {
            DuplicateKey::IdentityCode(_) => "identity_code",
            DuplicateKey::Pseudonym(_) => "pseudonym",
        }
    }
}

/// One merge: which records became one participant — *yhdistäminen*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Merge {
    /// The id kept (the record of the first entry).
    pub kept: ParticipantId,
    /// The ids merged into it, in entry order.
    pub merged: Vec<ParticipantId>,
    /// `identity_code` or `pseudonym`: what matched (never the value).
    pub matched_on: &'static str,
}

/// The outcome of [`merge_duplicates`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Merged {
    /// One record per person, in the order of each person's first record.
    pub participants: Vec<Participant>,
    /// What was merged.
    pub merges: Vec<Merge>,
    /// `PART-DUP-001` for each merge, `PART-DUP-002` where merged records
    /// disagree, then `PART-DUP-003` for each id that several of the
    /// participants still share ([`repeated_ids`]).
    pub findings: Vec<Finding>,
}

pub(crate) fn key_of(
    p: &Participant,
    pseudonymiser: Option<&Pseudonymiser>,
) -> Option<DuplicateKey> {
    match (&p.identity_code, pseudonymiser, p.pseudonym) {
        (Some(code), Some(ps), _) => Some(DuplicateKey::Pseudonym(ps.pseudonym(code))),
        (_, _, Some(pseudonym)) => Some(DuplicateKey::Pseudonym(pseudonym)),
        (Some(code), None, None) => Some(DuplicateKey::IdentityCode(code.clone())),
        (None, _, None) => None,
    }
}

/// Whether any two records are of one person (the same identity code or
/// pseudonym) — the check before [`merge_duplicates`], which takes the records
/// by value: a caller holding many records clones them only when a merge is due.
///
/// ```
/// use hanke::participant::{Participant, has_duplicates};
/// let a = Participant::new("A".parse()?, "2024-01-10".parse()?);
/// let mut b = Participant::new("B".parse()?, "2024-05-02".parse()?);
/// assert!(!has_duplicates(&[a.clone(), b.clone()]));
/// let code = hanke::PersonalIdentityCode::parse_allowing_temporary("010190-905V")?;
/// let mut a = a;
/// a.identity_code = Some(code.clone());
/// b.identity_code = Some(code);
/// assert!(has_duplicates(&[a, b]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn has_duplicates(participants: &[Participant]) -> bool {
    let mut seen = std::collections::HashSet::new();
    participants
        .iter()
        .filter_map(|p| key_of(p, None))
        .any(|k| !seen.insert(k))
}

/// Merges the records of one person into one participant.
///
/// Records match on the identity code, or on the pseudonym. With a
/// `pseudonymiser`, identity codes are pseudonymised first, so that a record
/// holding only a code and one holding only a pseudonym still match. Records
/// with neither are never merged.
///
/// The merged participant keeps the record of the **first entry** (its id and
/// entry data; birth date and gender filled from the others when missing) and
/// the **last exit**: none if the most recently entered record has not left,
/// otherwise the latest exit of all the records, with its follow-up.
///
/// ```
/// use chrono::NaiveDate;
/// use hanke::participant::{merge_duplicates, Participant, Exit, ExitSituation};
/// use hanke::PersonalIdentityCode;
/// let d = |m, day| NaiveDate::from_ymd_opt(2016, m, day).unwrap();
/// let code = PersonalIdentityCode::parse_allowing_temporary("010190-900P")?;
/// let mut a = Participant::new("A".parse()?, d(1, 10));
/// a.identity_code = Some(code.clone());
/// a.exit = Some(Exit::new(d(3, 1), Some(ExitSituation::JobSeeking)));
/// let mut b = Participant::new("B".parse()?, d(5, 2));
/// b.identity_code = Some(code);
/// b.exit = Some(Exit::new(d(8, 31), Some(ExitSituation::Education)));
/// let m = merge_duplicates(vec![b, a], None);
/// assert_eq!(m.participants.len(), 1);
/// let p = &m.participants[0];
/// assert_eq!((p.id.as_str(), p.entry.date, p.exit.as_ref().unwrap().date), ("A", d(1, 10), d(8, 31)));
/// assert_eq!(m.findings[0].rule_id, "PART-DUP-001");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn merge_duplicates(
    participants: Vec<Participant>,
    pseudonymiser: Option<&Pseudonymiser>,
) -> Merged {
    merge_duplicates_parallel(participants, pseudonymiser, NonZeroUsize::MIN)
}

/// [`merge_duplicates`] on up to `threads` threads, with an **identical**
/// result — the same participants in the same order, the same merges and
/// findings — for any number of threads.
///
/// The records are cut into contiguous parts (at least 16 384 records each,
/// so a project's list stays on the calling thread): each thread makes and sorts the keys of its part, the sorted runs
/// are merged on the calling thread (equal keys stay in record order: a key
/// is sorted with its record number), and each thread then merges the people
/// whose first record lies in its part, reading their later records wherever
/// they are. The parts' outputs are joined in order. Threads are opt-in and
/// scoped, as everywhere in hanke (ADR 0025); a pseudonymiser's keyed hashes,
/// the costliest keys, are made on the threads too.
///
/// ```
/// use std::num::NonZeroUsize;
/// use hanke::participant::{merge_duplicates, merge_duplicates_parallel, Participant};
/// use hanke::PersonalIdentityCode;
/// let code = PersonalIdentityCode::parse_allowing_temporary("010190-900P")?;
/// let mut people = Vec::new();
/// for i in 0..100_000u32 {
///     let mut p = Participant::new(format!("P{i}").parse()?, "2024-01-10".parse()?);
///     if i % 1_000 == 0 {
///         p.identity_code = Some(code.clone());
///     }
///     people.push(p);
/// }
/// let two = merge_duplicates_parallel(people.clone(), None, NonZeroUsize::new(2).unwrap());
/// let one = merge_duplicates(people, None);
/// assert_eq!((two.participants.len(), two.merges.len()), (99_901, 1));
/// assert!(two.participants == one.participants && two.findings == one.findings);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn merge_duplicates_parallel(
    participants: Vec<Participant>,
    pseudonymiser: Option<&Pseudonymiser>,
    threads: NonZeroUsize,
) -> Merged {
    merge_in_parts(
        participants,
        pseudonymiser,
        threads,
        MIN_RECORDS_PER_THREAD,
        PACK_BELOW,
    )
}

/// [`merge_duplicates_parallel`] with parts of at least `min_records` (tests
/// cut small inputs at every place), identity codes' keys packed with their
/// record numbers below `pack_below` records (tests take either way).
fn merge_in_parts(
    participants: Vec<Participant>,
    pseudonymiser: Option<&Pseudonymiser>,
    threads: NonZeroUsize,
    min_records: usize,
    pack_below: usize,
) -> Merged {
    let parts = hanke_base::split::contiguous(participants.len(), threads.get(), min_records, 1);
    let people = People::of(&participants, pseudonymiser, &parts, pack_below);
    if people.groups.is_empty() {
        // Every record is its own person: nothing moves.
        let spreads: Vec<u64> = participants.iter().map(|p| p.id.spread()).collect();
        let findings = repeated_among(&participants, &spreads);
        return Merged {
            participants,
            merges: Vec::new(),
            findings,
        };
    }
    // The merge's work lies with the people's first records, which bunch
    // where people first entered: cut by work, not by records.
    let parts = people.parts_of_equal_work(parts.len());
    let mut outs = on_threads(&parts, |part| people.merge_part(&participants, part)).into_iter();
    let (mut out, mut spreads) = outs.next().unwrap_or_else(|| {
        let none = Merged {
            participants: Vec::new(),
            merges: Vec::new(),
            findings: Vec::new(),
        };
        (none, Vec::new())
    });
    for (part, part_spreads) in outs {
        out.participants.extend(part.participants);
        out.merges.extend(part.merges);
        out.findings.extend(part.findings);
        spreads.extend(part_spreads);
    }
    let repeated = repeated_among(&out.participants, &spreads);
    out.findings.extend(repeated);
    out
}

/// `PART-DUP-003` for each participant id that several of `participants`
/// share, in the order of each id's first record: records that are not one
/// person's by identity code or pseudonym and so count as several
/// participants (what [`merge_duplicates`] gives back says it; a caller that
/// skips the merge because [`has_duplicates`] is false asks this).
///
/// Cheap where ids are unique, as they almost always are: a 64-bit hash of
/// each id marks a slot of a table of sixteen slots a record (two bits a
/// slot: seen, seen twice; four bytes a record), and only ids whose slot was
/// marked twice are compared as ids (BENCHMARKS.md, "tenth part"; sorting
/// the hashes instead cost 13 % of the merge at 1 M records).
///
/// ```
/// use hanke::participant::{Participant, repeated_ids};
/// let p = |id: &str, day: &str| Participant::new(id.parse().unwrap(), day.parse().unwrap());
/// let people = [p("P1", "2024-01-10"), p("P2", "2024-02-01"), p("P1", "2024-05-02")];
/// let f = repeated_ids(&people);
/// assert_eq!((f.len(), f[0].rule_id, f[0].path.as_str()), (1, "PART-DUP-003", "participants[P1]"));
/// assert!(f[0].message_en.starts_with("2 records have the id P1"));
/// assert!(repeated_ids(&people[..2]).is_empty());
/// ```
pub fn repeated_ids(participants: &[Participant]) -> Vec<Finding> {
    let spreads: Vec<u64> = participants.iter().map(|p| p.id.spread()).collect();
    repeated_among(participants, &spreads)
}

/// A hash of an id's text as a table holds it (trimmed), equal for equal
/// texts: for [`repeated_by_spread`] from a table's reader.
#[cfg(feature = "arrow")]
pub(crate) fn text_spread(text: &str) -> u64 {
    text.trim().bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// [`repeated_ids`] with each participant's id hash given ([`ParticipantId::spread`],
/// `spreads[k]` of `participants[k]`): the merge takes them while each
/// record is at hand, and the ids are then read again only where a hash
/// repeats.
fn repeated_among(participants: &[Participant], spreads: &[u64]) -> Vec<Finding> {
    repeated_by_spread(spreads, |k| participants.get(k).map(|p| p.id))
}

/// The ids of `spreads.len()` records said as [`repeated_ids`] says them:
/// `spreads[k]` a hash of record `k`'s id that is equal for equal ids, and
/// `id_at(k)` the id, asked only of records whose hash repeats (a table's
/// reader hashes the id's text as it lies, and parses only those).
#[allow(
    clippy::arithmetic_side_effects,
    reason = "bit positions below the table's length, a power of two"
)]
pub(crate) fn repeated_by_spread(
    spreads: &[u64],
    id_at: impl Fn(usize) -> Option<ParticipantId>,
) -> Vec<Finding> {
    let bits = spreads
        .len()
        .saturating_mul(16)
        .max(1024)
        .checked_next_power_of_two()
        .unwrap_or(1 << 40);
    // Two bits a slot side by side — seen, seen twice — so that a slot is
    // one word: one read from afar a record.
    let slot = |spread: u64| {
        let i = spread as usize & (bits - 1);
        (i >> 5, 1u64 << ((i & 31) << 1))
    };
    let mut table = vec![0u64; bits >> 5];
    let mut any = false;
    for &spread in spreads {
        let (word, seen) = slot(spread);
        if let Some(w) = table.get_mut(word) {
            if *w & seen != 0 {
                *w |= seen << 1;
                any = true;
            } else {
                *w |= seen;
            }
        }
    }
    if !any {
        return Vec::new();
    }
    let suspect = |spread: u64| {
        let (word, seen) = slot(spread);
        table.get(word).is_some_and(|w| w & (seen << 1) != 0)
    };
    let mut counts: std::collections::HashMap<ParticipantId, usize> =
        std::collections::HashMap::new();
    let mut order = Vec::new();
    for (k, _) in spreads
        .iter()
        .enumerate()
        .filter(|(_, spread)| suspect(**spread))
    {
        let Some(id) = id_at(k) else { continue };
        let n = counts.entry(id).or_insert_with(|| {
            order.push(id);
            0
        });
        *n = n.saturating_add(1);
    }
    order
        .into_iter()
        .filter_map(|id| {
            let n = counts.get(&id).copied().filter(|&n| n > 1)?;
            let id = id.as_str();
            Some(Finding::new(
                &rules::PARTICIPANT_ID_REPEATED,
                format!("participants[{id}]"),
                format!("{n} records have the id {id} and are counted as {n} participants: if they are one person's, give their identity code or pseudonym (they are merged then), else give each its own id"),
                format!("{n} tietueella on tunnus {id}, ja ne lasketaan {n} osallistujaksi: jos ne ovat saman henkilön, anna henkilötunnus tai pseudonyymi (ne yhdistetään silloin), muuten anna kullekin oma tunnus"),
                format!("{n} poster har koden {id} och räknas som {n} deltagare: om de är samma persons, ange personbeteckning eller pseudonym (då slås de samman), annars ge var och en en egen kod"),
            ))
        })
        .collect()
}

/// No thread of [`merge_duplicates_parallel`] but the last merges fewer
/// records than this (a few milliseconds of work): a project's list is merged
/// on the calling thread, however many threads are offered.
const MIN_RECORDS_PER_THREAD: usize = 16_384;

/// What each record is in the merge ([`Role::get`]), in one word: a group's
/// index, or one of the two largest words, which no index reaches (a
/// vector's length is below `isize::MAX`). Half the size of the enum it
/// stands for, and written, read and scanned once a record (issue 29).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Role(usize);

/// What a record is in the merge.
enum Is {
    /// The only record of its person (or a record with neither code nor
    /// pseudonym): kept as it is.
    Alone,
    /// The first record of a person with several, with the index of its
    /// group: the merged participant is output where this record stands.
    Keeps(usize),
    /// A later record of a person with several: merged, not output.
    Merged,
}

impl Role {
    const ALONE: Role = Role(usize::MAX);
    const MERGED: Role = Role(usize::MAX - 1);

    /// The first record of group `group`.
    fn keeps(group: usize) -> Role {
        Role(group)
    }

    fn get(self) -> Is {
        match self {
            Role::ALONE => Is::Alone,
            Role::MERGED => Is::Merged,
            Role(group) => Is::Keeps(group),
        }
    }
}

/// Who is who, found by sorting instead of hashing (issue 29): the records'
/// keys — an identity code as one word ([`PersonalIdentityCode::key`]; the
/// birth date follows from the code), a pseudonym as its bytes — are sorted
/// with their record numbers, so equal keys stand together in record order.
/// Sorting reads and writes memory in order, where a hash table of millions of
/// people misses the cache at every record (measured: 0.41 s against 1.6 s for
/// 10 M keys); its time is `n log n` whatever the codes are, so codes chosen to
/// collide cannot slow it, and it allocates two words a record, not one vector
/// per record as before.
struct People {
    roles: Vec<Role>,
    /// The records of each person with several, in record order, the
    /// people in the order of their first records: the range of `rows` that
    /// holds them, and what matched.
    groups: Vec<(std::ops::Range<usize>, &'static str)>,
    rows: Vec<usize>,
    /// How many people (the output's length).
    count: usize,
}

impl People {
    fn of(
        participants: &[Participant],
        pseudonymiser: Option<&Pseudonymiser>,
        parts: &[Range<usize>],
        pack_below: usize,
    ) -> People {
        let mut people = People {
            roles: vec![Role::ALONE; participants.len()],
            groups: Vec::new(),
            rows: Vec::new(),
            count: participants.len(),
        };
        if participants.len() < pack_below {
            people.mark_keys(participants, pseudonymiser, parts, Packed::new);
        } else {
            people.mark_keys(participants, pseudonymiser, parts, |k, i| (k, i));
        }
        people.in_record_order();
        people
    }

    /// Marks the people of the records' keys ([`sorted_keys`], identity
    /// codes' entries as `code` makes them): those of one code, then those
    /// of one pseudonym.
    fn mark_keys<C: Entry + Ord + Send>(
        &mut self,
        participants: &[Participant],
        pseudonymiser: Option<&Pseudonymiser>,
        parts: &[Range<usize>],
        code: impl Fn(u64, usize) -> C + Sync,
    ) {
        let (codes, pseudonyms) = sorted_keys(participants, pseudonymiser, parts, code);
        self.mark(&codes, "identity_code");
        self.mark(&pseudonyms, "pseudonym");
    }

    /// The records cut into `parts` contiguous parts of about equal work:
    /// a record alone is copied (one unit), a person's first record merges
    /// the person's records (a unit a record, and two for reading each later
    /// one from afar and writing the finding), a later record is nothing.
    fn parts_of_equal_work(&self, parts: usize) -> Vec<Range<usize>> {
        let all = 0..self.roles.len();
        if parts <= 1 {
            return vec![all];
        }
        let work = |role: &Role| -> usize {
            match role.get() {
                Is::Alone => 1,
                Is::Merged => 0,
                Is::Keeps(g) => self
                    .groups
                    .get(g)
                    .map_or(1, |(rows, _)| rows.len().saturating_mul(3)),
            }
        };
        let total: usize = self.roles.iter().map(work).fold(0, usize::saturating_add);
        let per = total.div_ceil(parts.max(1)).max(1);
        let mut out = Vec::with_capacity(parts);
        let (mut start, mut done) = (0usize, 0usize);
        for (i, role) in self.roles.iter().enumerate() {
            done = done.saturating_add(work(role));
            if done >= per && out.len().saturating_add(1) < parts {
                let end = i.saturating_add(1);
                out.push(start..end);
                start = end;
                done = 0;
            }
        }
        out.push(start..self.roles.len());
        out
    }

    /// The merge of the records of `part`: each record alone as it is, each
    /// person whose first record lies in `part` merged there (their later
    /// records may lie in any part). The part that comes first (from record
    /// 0), whose output the others are appended to, reserves room for all.
    /// With it, each participant's id hash ([`ParticipantId::spread`]), taken
    /// while the record is at hand, for [`repeated_among`].
    fn merge_part(&self, participants: &[Participant], part: Range<usize>) -> (Merged, Vec<u64>) {
        let first = part.start == 0;
        // The groups whose first records lie in `part`, numbered in record
        // order: a run of group numbers, found by their first records.
        let first_record = |(rows, _): &(Range<usize>, &'static str)| {
            self.rows.get(rows.start).copied().unwrap_or(usize::MAX)
        };
        let merges = self
            .groups
            .partition_point(|g| first_record(g) < part.end)
            .saturating_sub(
                self.groups
                    .partition_point(|g| first_record(g) < part.start),
            );
        let roles = self.roles.get(part.clone()).unwrap_or(&[]);
        let records = participants.get(part).unwrap_or(&[]);
        let mut out = Merged {
            participants: Vec::new(),
            merges: Vec::new(),
            findings: Vec::new(),
        };
        let kept = if first {
            self.count
        } else {
            roles.iter().filter(|&&r| r != Role::MERGED).count()
        };
        out.participants.reserve_exact(kept);
        // A finding a merge, and room for one in sixteen merged records
        // disagreeing (5 % in the benchmark): the findings, 190 bytes each,
        // are not copied as they grow (issue 29).
        out.merges.reserve_exact(merges);
        out.findings
            .reserve_exact(merges.saturating_add(merges / 16));
        let mut spreads = Vec::with_capacity(kept);
        let mut group: Vec<&Participant> = Vec::new();
        // The later records of a person lie far apart (people enter again
        // months later): each is a cache miss. They are read where they are
        // merged; the processor overlaps the misses of the groups that
        // follow. Reading them ahead in batches (a copy of each record
        // into `black_box`, or of one field) was measured slower on
        // 2026-12-06: 1.86–1.94 s at 10 M records without, 1.99–2.20 s with
        // (BENCHMARKS.md, "thirteenth part").
        for (p, role) in records.iter().zip(roles) {
            let (rows, matched_on) = match role.get() {
                Is::Alone => {
                    spreads.push(p.id.spread());
                    out.participants.push(p.clone());
                    continue;
                }
                Is::Merged => continue,
                Is::Keeps(g) => match self.groups.get(g) {
                    Some((rows, matched_on)) => {
                        (self.rows.get(rows.clone()).unwrap_or(&[]), *matched_on)
                    }
                    None => continue,
                },
            };
            group.clear();
            group.extend(rows.iter().filter_map(|&i| participants.get(i)));
            let Some((merged, merge, disagree)) = merge_group(&mut group, matched_on) else {
                continue;
            };
            out.findings.push(merge_finding(&merge));
            for what in disagree {
                out.findings.push(disagree_finding(&merge, what));
            }
            spreads.push(merged.id.spread());
            out.participants.push(merged);
            out.merges.push(merge);
        }
        (out, spreads)
    }

    /// Renumbers the groups, and lays out their rows, in the order of their
    /// first records — the order the merge visits them. Marked in key order,
    /// the group of the next record to merge lay anywhere in `groups` and
    /// its rows anywhere in `rows`: two reads that each waited for the one
    /// before, ahead of the record itself. In record order both are read in
    /// sequence, and only the records are far apart — reads that do not wait
    /// for each other (issue 29).
    fn in_record_order(&mut self) {
        let mut rows = Vec::with_capacity(self.rows.len());
        let mut groups = Vec::with_capacity(self.groups.len());
        for role in &mut self.roles {
            let Is::Keeps(g) = role.get() else { continue };
            if let Some((range, matched_on)) = self.groups.get(g) {
                let from = rows.len();
                rows.extend_from_slice(self.rows.get(range.clone()).unwrap_or(&[]));
                *role = Role::keeps(groups.len());
                groups.push((from..rows.len(), *matched_on));
            }
        }
        self.rows = rows;
        self.groups = groups;
    }

    /// Marks each run of equal keys in `sorted` as one person.
    fn mark<E: Entry>(&mut self, sorted: &[E], matched_on: &'static str) {
        for run in sorted.chunk_by(|a, b| a.key() == b.key()) {
            let [first, rest @ ..] = run else {
                continue;
            };
            if rest.is_empty() {
                continue;
            }
            if let Some(role) = self.roles.get_mut(first.record()) {
                *role = Role::keeps(self.groups.len());
            }
            for e in rest {
                if let Some(role) = self.roles.get_mut(e.record()) {
                    *role = Role::MERGED;
                }
            }
            self.count = self.count.saturating_sub(rest.len());
            let from = self.rows.len();
            self.rows.extend(run.iter().map(Entry::record));
            self.groups.push((from..self.rows.len(), matched_on));
        }
    }
}

/// The keys of the records of each of `parts` — identity codes' as `code`
/// makes them of a code's key and its record number, pseudonyms' beside
/// their record numbers — sorted on the parts' threads, then the sorted runs
/// merged: equal keys stand together in record order.
#[allow(clippy::type_complexity, reason = "the two sorted key lists")]
fn sorted_keys<C: Entry + Ord + Send>(
    participants: &[Participant],
    pseudonymiser: Option<&Pseudonymiser>,
    parts: &[Range<usize>],
    code: impl Fn(u64, usize) -> C + Sync,
) -> (Vec<C>, Vec<([u8; 32], usize)>) {
    let runs = on_threads(parts, |part| {
        let mut codes: Vec<C> = Vec::new();
        let mut pseudonyms: Vec<([u8; 32], usize)> = Vec::new();
        let records = participants.get(part.clone()).unwrap_or(&[]);
        for (i, p) in part.zip(records) {
            match key_of(p, pseudonymiser) {
                None => {}
                Some(DuplicateKey::IdentityCode(c)) => codes.push(code(c.key(), i)),
                Some(DuplicateKey::Pseudonym(p)) => pseudonyms.push((*p.as_bytes(), i)),
            }
        }
        codes.sort_unstable();
        pseudonyms.sort_unstable();
        (codes, pseudonyms)
    });
    let (codes, pseudonyms): (Vec<_>, Vec<_>) = runs.into_iter().unzip();
    (merge_runs(codes), merge_runs(pseudonyms))
}

/// An entry of a sorted key list: a key and its record's number, ordered by
/// key, then by record.
trait Entry: Copy {
    /// What two records of one person share.
    type Key: PartialEq;
    fn key(&self) -> Self::Key;
    fn record(&self) -> usize;
}

impl<K: PartialEq + Copy> Entry for (K, usize) {
    type Key = K;
    fn key(&self) -> K {
        self.0
    }
    fn record(&self) -> usize {
        self.1
    }
}

/// The bits of a [`Packed`] entry that hold the record number.
const RECORD_BITS: u32 = u64::BITS - PersonalIdentityCode::KEY_BITS;

/// Below this many records, an identity code's key and its record's number
/// are packed into one word ([`Packed`]; 2³⁰, a billion records).
const PACK_BELOW: usize = 1 << RECORD_BITS;

/// An identity code's key ([`PersonalIdentityCode::key`], below 2³⁴) in the
/// high bits and its record's number in the low [`RECORD_BITS`]: a word
/// sorts as the pair (key, record) does, in half the memory and half the
/// time (issue 29: 10 M keys sorted in 0.12 s against 0.25 s as pairs).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Packed(u64);

impl Packed {
    /// Only below [`PACK_BELOW`] records, where `record` fits its bits.
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "a key below 2^KEY_BITS shifted by the other bits"
    )]
    fn new(key: u64, record: usize) -> Packed {
        Packed((key << RECORD_BITS) | record as u64)
    }
}

impl Entry for Packed {
    type Key = u64;
    fn key(&self) -> u64 {
        self.0 >> RECORD_BITS
    }
    #[allow(
        clippy::cast_possible_truncation,
        reason = "RECORD_BITS bits, below PACK_BELOW"
    )]
    fn record(&self) -> usize {
        (self.0 & (u64::MAX >> PersonalIdentityCode::KEY_BITS)) as usize
    }
}

/// Sorted runs merged into one sorted vector, two at a time (a run per
/// thread: a handful). Keys are unique with their record numbers, so the
/// order is the one sorting them all at once gives.
fn merge_runs<T: Ord + Copy>(mut runs: Vec<Vec<T>>) -> Vec<T> {
    while runs.len() > 1 {
        let mut next = Vec::with_capacity(runs.len().div_ceil(2));
        let mut pairs = runs.into_iter();
        while let Some(a) = pairs.next() {
            match pairs.next() {
                Some(b) => next.push(merge_two(&a, &b)),
                None => next.push(a),
            }
        }
        runs = next;
    }
    runs.pop().unwrap_or_default()
}

/// Two sorted runs as one.
fn merge_two<T: Ord + Copy>(a: &[T], b: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len().saturating_add(b.len()));
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if y < x => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(v) => out.push(*v),
            None => return out,
        }
    }
}

/// `PART-DUP-001`: which records became one. Written piece by piece into
/// strings of their final length: a merge of millions of records makes a
/// finding per person (804 MB of text for 10 M records of the benchmark), and
/// `format!`'s spare capacity alone was 390 MB of it (issue 29). The merged
/// ids are joined once, in the English text, and copied from there into the
/// other two (each id's text is checked as UTF-8 when read: twice instead of
/// six times; and no string made only to be copied).
fn merge_finding(merge: &Merge) -> Finding {
    let (fi, sv) = match merge.matched_on {
        "pseudonym" => ("pseudonyymi", "pseudonym"),
        _ => ("henkilötunnus", "personbeteckning"),
    };
    let kept = merge.kept.as_str();
    // The English text is written first with the ids joined in it; the other
    // two take the ids from it, so that no string is made only to be copied.
    let ids_len = merge
        .merged
        .iter()
        .map(|id| id.as_str().len().saturating_add(2))
        .fold(0, usize::saturating_add)
        .saturating_sub(2);
    let en_parts = [
        " merged into ",
        kept,
        " (same ",
        merge.matched_on,
        "; first entry, last exit)",
    ];
    let mut en = String::with_capacity(en_parts.iter().map(|p| p.len()).fold(
        ids_len.saturating_add("records ".len()),
        usize::saturating_add,
    ));
    en.push_str("records ");
    let from = en.len();
    for (i, id) in merge.merged.iter().enumerate() {
        if i > 0 {
            en.push_str(", ");
        }
        en.push_str(id.as_str());
    }
    let ids_at = from..en.len();
    for p in en_parts {
        en.push_str(p);
    }
    let ids = en.get(ids_at).unwrap_or("");
    let fi = concat(&[
        "tietueet ",
        ids,
        " yhdistetty tietueeseen ",
        kept,
        " (sama ",
        fi,
        "; ensimmäinen aloitus, viimeinen lopetus)",
    ]);
    let sv = concat(&[
        "posterna ",
        ids,
        " sammanslagna till ",
        kept,
        " (samma ",
        sv,
        "; första start, sista avslut)",
    ]);
    Finding::new(
        &rules::PARTICIPANT_DUPLICATES_MERGED,
        concat(&["participants[", kept, "]"]),
        en,
        fi,
        sv,
    )
}

/// `parts` in a string of exactly their length.
fn concat(parts: &[&str]) -> String {
    let len = parts.iter().map(|p| p.len()).fold(0, usize::saturating_add);
    let mut out = String::with_capacity(len);
    for p in parts {
        out.push_str(p);
    }
    out
}

/// `PART-DUP-002`: the merged records disagree on `what`.
fn disagree_finding(merge: &Merge, what: &str) -> Finding {
    Finding::new(
        &rules::PARTICIPANT_DUPLICATES_DISAGREE,
        format!("participants[{}].entry.{what}", merge.kept.as_str()),
        format!("the merged records have different values of {what}; check the identity codes"),
        format!("yhdistetyissä tietueissa on eri {what}; tarkista henkilötunnukset"),
        format!("de sammanslagna posterna har olika {what}; kontrollera personbeteckningarna"),
    )
}

/// Merges one person's records (given in record order; at least two).
fn merge_group(
    group: &mut [&Participant],
    matched_on: &'static str,
) -> Option<(Participant, Merge, Vec<&'static str>)> {
    // Stable: records entered on the same day keep their order.
    group.sort_by_key(|p| p.entry.date);
    let latest_entry_open = group.last().is_some_and(|p| p.exit.is_none());
    let exit_holder = if latest_entry_open {
        None
    } else {
        group
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.exit.as_ref().map(|e| (i, e.date)))
            .max_by_key(|&(i, date)| (date, i))
            .map(|(i, _)| i)
    };
    let exit_and_follow_up = exit_holder
        .and_then(|i| group.get(i))
        .map(|p| (p.exit.clone(), p.follow_up));
    let mut disagree = Vec::new();
    let mut rest = group.iter();
    let mut base = (*rest.next()?).clone();
    let mut merged_ids = Vec::with_capacity(group.len().saturating_sub(1));
    for other in rest {
        merged_ids.push(other.id);
        match (base.entry.birth_date, other.entry.birth_date) {
            (None, b) => base.entry.birth_date = b,
            (Some(a), Some(b)) if a != b && !disagree.contains(&"birth_date") => {
                disagree.push("birth_date");
            }
            _ => {}
        }
        match (base.entry.gender, other.entry.gender) {
            (None, g) => base.entry.gender = g,
            (Some(a), Some(b)) if a != b && !disagree.contains(&"gender") => {
                disagree.push("gender");
            }
            _ => {}
        }
        if base.identity_code.is_none() {
            base.identity_code.clone_from(&other.identity_code);
        }
        if base.pseudonym.is_none() {
            base.pseudonym = other.pseudonym;
        }
    }
    match exit_and_follow_up {
        Some((exit, follow_up)) => {
            base.exit = exit;
            base.follow_up = follow_up;
        }
        None => {
            base.exit = None;
            base.follow_up = None;
        }
    }
    let merge = Merge {
        kept: base.id,
        merged: merged_ids,
        matched_on,
    };
    Some((base, merge, disagree))
}

/// The grouping before issue 29 (a hash map and a vector per record) and its
/// findings' texts, kept as the reference the sorted merge is checked
/// against; both merge one person's records with the same `merge_group`.
#[cfg(test)]
mod reference {
    use super::*;
    use std::collections::HashMap;

    pub(super) fn merge_by_hashing(
        participants: Vec<Participant>,
        pseudonymiser: Option<&Pseudonymiser>,
    ) -> Merged {
        // Groups of records by key, in order of first appearance, each with what
        // matched (`None` for a record with neither code nor pseudonym).
        let mut groups: Vec<(Option<&'static str>, Vec<Participant>)> =
            Vec::with_capacity(participants.len());
        let mut index: HashMap<DuplicateKey, usize> = HashMap::new();
        for p in participants {
            let Some(key) = key_of(&p, pseudonymiser) else {
                groups.push((None, vec![p]));
                continue;
            };
            if let Some((_, group)) = index.get(&key).and_then(|&i| groups.get_mut(i)) {
                group.push(p);
            } else {
                index.insert(key.clone(), groups.len());
                groups.push((Some(key.kind()), vec![p]));
            }
        }
        let mut out = Merged {
            participants: Vec::with_capacity(groups.len()),
            merges: Vec::new(),
            findings: Vec::new(),
        };
        for (kind, group) in groups {
            if group.len() == 1 {
                out.participants.extend(group);
                continue;
            }
            // One person's records merge by the one `merge_group`: what this
            // reference checks is who is grouped with whom, in which order,
            // and the findings' texts.
            let mut refs: Vec<&Participant> = group.iter().collect();
            let Some((merged, merge, disagree)) =
                merge_group(&mut refs, kind.unwrap_or("identity_code"))
            else {
                continue;
            };
            let path = format!("participants[{}]", merged.id);
            let ids: Vec<&str> = merge.merged.iter().map(ParticipantId::as_str).collect();
            out.findings.push(Finding::new(
                &rules::PARTICIPANT_DUPLICATES_MERGED,
                &path,
                format!(
                    "records {} merged into {} (same {}; first entry, last exit)",
                    ids.join(", "),
                    merge.kept,
                    merge.matched_on
                ),
                format!(
                    "tietueet {} yhdistetty tietueeseen {} (sama {}; ensimmäinen aloitus, viimeinen lopetus)",
                    ids.join(", "),
                    merge.kept,
                    match merge.matched_on {
                        "pseudonym" => "pseudonyymi",
                        _ => "henkilötunnus",
                    }
                ), format!(
                "posterna {} sammanslagna till {} (samma {}; första start, sista avslut)",
                ids.join(", "),
                merge.kept,
                match merge.matched_on {
                    "pseudonym" => "pseudonym",
                    _ => "personbeteckning",
                }
            )));
            for what in disagree {
                out.findings.push(Finding::new(
                    &rules::PARTICIPANT_DUPLICATES_DISAGREE,
                    format!("{path}.entry.{what}"),
                    format!(
                        "the merged records have different values of {what}; check the identity codes"
                    ),
                    format!("yhdistetyissä tietueissa on eri {what}; tarkista henkilötunnukset"),
                    format!(
                        "de sammanslagna posterna har olika {what}; kontrollera personbeteckningarna"
                    ),
                ));
            }
            out.participants.push(merged);
            out.merges.push(merge);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::participant::{Exit, ExitSituation, FollowUp, Gender};
    use chrono::NaiveDate;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2017, m, day).unwrap()
    }

    fn rec(id: &str, code: &str, entry: NaiveDate, exit: Option<NaiveDate>) -> Participant {
        let mut p = Participant::new(id.parse().unwrap(), entry);
        p.identity_code = Some(PersonalIdentityCode::parse_allowing_temporary(code).unwrap());
        p.exit = exit.map(|e| Exit::new(e, Some(ExitSituation::JobSeeking)));
        p
    }

    const CODE_A: &str = "010190-900P";
    const CODE_B: &str = "020290-9027";

    #[test]
    fn first_entry_last_exit() {
        let mut late = rec("R2", CODE_A, d(5, 1), Some(d(6, 30)));
        late.follow_up = Some(FollowUp::new(d(12, 31), Some(true)));
        let early = rec("R1", CODE_A, d(1, 15), Some(d(9, 1))); // overlaps, leaves last
        let other = rec("X", CODE_B, d(2, 1), None);
        let m = merge_duplicates(vec![late, other, early], None);
        assert_eq!(m.participants.len(), 2);
        let p = &m.participants[0];
        assert_eq!(p.id.as_str(), "R1");
        assert_eq!(p.entry.date, d(1, 15));
        assert_eq!(p.exit.as_ref().unwrap().date, d(9, 1));
        assert_eq!(
            p.follow_up, None,
            "the follow-up belongs to the earlier exit"
        );
        assert_eq!(m.merges[0].merged[0].as_str(), "R2");
        assert_eq!(m.merges[0].matched_on, "identity_code");
        assert_eq!(m.participants[1].id.as_str(), "X");
    }

    #[test]
    fn re_entry_still_open_has_no_exit() {
        let a = rec("R1", CODE_A, d(1, 15), Some(d(3, 1)));
        let b = rec("R2", CODE_A, d(4, 1), None);
        let m = merge_duplicates(vec![a, b], None);
        assert!(m.participants[0].exit.is_none());
        // A forgotten exit on an earlier record does not keep the person "in".
        let a = rec("R1", CODE_A, d(1, 15), None);
        let b = rec("R2", CODE_A, d(4, 1), Some(d(6, 1)));
        let m = merge_duplicates(vec![a, b], None);
        assert_eq!(m.participants[0].exit.as_ref().unwrap().date, d(6, 1));
    }

    #[test]
    fn pseudonyms_link_codes_and_report_disagreement() {
        let ps = Pseudonymiser::new(b"test secret, sixteen+ bytes").unwrap();
        let mut a = rec("R1", CODE_A, d(1, 15), Some(d(3, 1)));
        a.entry.gender = Some(Gender::Woman);
        let mut b = Participant::new("R2".parse().unwrap(), d(4, 1));
        b.pseudonym = Some(ps.pseudonym(a.identity_code.as_ref().unwrap()));
        b.entry.gender = Some(Gender::Man);
        let m = merge_duplicates(vec![a.clone(), b.clone()], Some(&ps));
        assert_eq!(m.participants.len(), 1);
        assert_eq!(m.merges[0].matched_on, "pseudonym");
        let ids: Vec<_> = m.findings.iter().map(|f| f.rule_id).collect();
        assert_eq!(ids, ["PART-DUP-001", "PART-DUP-002"]);
        assert!(m.findings[1].path.ends_with("entry.gender"));
        // Without the pseudonymiser a code and a pseudonym cannot be matched.
        assert_eq!(merge_duplicates(vec![a, b], None).participants.len(), 2);
    }

    #[test]
    fn records_without_identity_are_kept_apart() {
        let a = Participant::new("N1".parse().unwrap(), d(1, 1));
        let b = Participant::new("N2".parse().unwrap(), d(1, 1));
        let m = merge_duplicates(vec![a, b], None);
        assert_eq!(m.participants.len(), 2);
        assert!(m.findings.is_empty());
    }

    /// Any thread count merges the same: past `split::MAX_PARTS` (a Python
    /// `threads=10**9`) at most that many threads are started.
    #[test]
    fn any_thread_count_merges_the_same() {
        let records: Vec<Participant> = (0..300)
            .map(|i| {
                let code = [CODE_A, CODE_B][i % 2];
                let day = NaiveDate::from_yo_opt(2017, (i % 300 + 1) as u32).unwrap();
                let mut p = rec(&format!("R{i}"), code, day, None);
                if i % 3 == 0 {
                    p.identity_code = None;
                }
                p
            })
            .collect();
        let one = merge_duplicates(records.clone(), None);
        assert_eq!(one.merges.len(), 2);
        for threads in [64, 65, usize::MAX] {
            let many = merge_in_parts(
                records.clone(),
                None,
                NonZeroUsize::new(threads).unwrap(),
                1,
                PACK_BELOW,
            );
            assert_eq!(many.participants, one.participants, "{threads}");
            assert_eq!(many.findings, one.findings, "{threads}");
        }
    }

    proptest::proptest! {
        /// A packed entry gives back its key and record, up to the largest
        /// of each, and sorts as the pair (key, record) does.
        #[test]
        fn a_packed_entry_is_its_pair(
            a in (0u64..1 << PersonalIdentityCode::KEY_BITS, 0usize..PACK_BELOW),
            b in (0u64..1 << PersonalIdentityCode::KEY_BITS, 0usize..PACK_BELOW),
            edge in 0u8..4,
        ) {
            let top = (1u64 << PersonalIdentityCode::KEY_BITS) - 1;
            let a = match edge {
                1 => (top, PACK_BELOW - 1),
                2 => (0, PACK_BELOW - 1),
                3 => (top, 0),
                _ => a,
            };
            let (pa, pb) = (Packed::new(a.0, a.1), Packed::new(b.0, b.1));
            proptest::prop_assert_eq!((pa.key(), pa.record()), a);
            proptest::prop_assert_eq!(pa.cmp(&pb), a.cmp(&b));
        }
    }

    /// One generated record: entry and exit as days of 2017, which of a few
    /// identity codes (or none), whether it holds a pseudonym instead, and the
    /// values a merge fills in or compares.
    #[allow(clippy::type_complexity, reason = "the tuple proptest generates")]
    fn record(
        n: usize,
        (entry, exit, code, pseudonymised, gender, birth, follow_up): (
            u32,
            Option<u32>,
            Option<usize>,
            bool,
            Option<bool>,
            Option<u32>,
            bool,
        ),
        ps: &Pseudonymiser,
    ) -> Participant {
        const CODES: [&str; 4] = ["010190-900P", "020290-9027", "010190Y900P", "311299A999E"];
        let day = |d: u32| NaiveDate::from_yo_opt(2017, d % 365 + 1).unwrap();
        let mut p = Participant::new(format!("R{n}").parse().unwrap(), day(entry));
        let code =
            code.map(|c| PersonalIdentityCode::parse_allowing_temporary(CODES[c % 4]).unwrap());
        match (code, pseudonymised) {
            (Some(c), true) => p.pseudonym = Some(ps.pseudonym(&c)),
            (c, _) => p.identity_code = c,
        }
        p.entry.gender = gender.map(|w| if w { Gender::Woman } else { Gender::Man });
        p.entry.birth_date = birth.map(|b| NaiveDate::from_yo_opt(1990, b % 365 + 1).unwrap());
        p.exit = exit.map(|e| Exit::new(day(entry + e % 200), Some(ExitSituation::JobSeeking)));
        if follow_up {
            p.follow_up = p.exit.as_ref().map(|e| FollowUp::new(e.date, Some(true)));
        }
        p
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        /// The sorted merge gives exactly what the hashing merge of before
        /// issue 29 gave — the participants, their order, the merges and the
        /// findings, their texts written without `format!` — with and without
        /// a pseudonymiser, for records with codes, pseudonyms and neither,
        /// same-day entries and open exits —
        /// and the same on 1–4 threads with the records cut anywhere, codes'
        /// keys packed with their record numbers or not.
        #[test]
        fn sorting_merges_as_hashing_did(
            rows in proptest::collection::vec(
                (0u32..40, proptest::option::of(0u32..60), proptest::option::weighted(0.8, 0usize..4),
                 proptest::bool::weighted(0.2), proptest::option::of(proptest::bool::ANY),
                 proptest::option::of(0u32..3), proptest::bool::ANY),
                // Up to 80 records, cut into parts anywhere.
                0..80,
            ),
            with_pseudonymiser in proptest::bool::ANY,
            threads in 1usize..5,
            min_records in proptest::sample::select(vec![1usize, 5, 32]),
            packed in proptest::bool::ANY,
        ) {
            let ps = Pseudonymiser::new(b"test secret, sixteen+ bytes").unwrap();
            let records: Vec<Participant> =
                rows.into_iter().enumerate().map(|(n, r)| record(n, r, &ps)).collect();
            let key = with_pseudonymiser.then_some(&ps);
            let fast = merge_duplicates(records.clone(), key);
            // On threads, the records cut into parts at any place: the same.
            // Codes' keys packed with their record numbers, or as pairs
            // (past a billion records): the same.
            let parts = merge_in_parts(
                records.clone(),
                key,
                NonZeroUsize::new(threads).unwrap(),
                min_records,
                if packed { PACK_BELOW } else { 0 },
            );
            let slow = reference::merge_by_hashing(records, key);
            proptest::prop_assert_eq!(&fast.participants, &slow.participants);
            proptest::prop_assert_eq!(&fast.merges, &slow.merges);
            proptest::prop_assert_eq!(&fast.findings, &slow.findings);
            proptest::prop_assert_eq!(parts.participants, slow.participants);
            proptest::prop_assert_eq!(parts.merges, slow.merges);
            proptest::prop_assert_eq!(parts.findings, slow.findings);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Every id that several of the merged participants share is said
        /// once (`PART-DUP-003`) with how many share it, in the order of its
        /// first record, and no other: ids drawn from a small pool, codes from
        /// another (records of one code merge, and then share nothing), on
        /// 1–3 threads with the records cut anywhere.
        #[test]
        fn every_repeated_id_is_said_once(
            rows in proptest::collection::vec((0u8..6, proptest::option::of(0u8..4), 0u32..200), 0..40),
            threads in 1usize..4,
            min_records in proptest::sample::select(vec![1usize, 3, 32]),
        ) {
            let codes = ["010190-900P", "020290-9027", "010101A900C", "311299-999Y"];
            let records: Vec<Participant> = rows
                .iter()
                .map(|(id, code, day)| {
                    let mut p = Participant::new(
                        format!("P{id}").parse().unwrap(),
                        NaiveDate::from_ymd_opt(2017, 1, 1).unwrap() + chrono::Days::new(u64::from(*day)),
                    );
                    p.identity_code = code.and_then(|c| {
                        PersonalIdentityCode::parse_allowing_temporary(codes[usize::from(c)]).ok()
                    });
                    p
                })
                .collect();
            let merged = merge_in_parts(records, None, NonZeroUsize::new(threads).unwrap(), min_records, PACK_BELOW);
            // The model: count the ids of what is counted.
            let mut order: Vec<ParticipantId> = Vec::new();
            let mut counts: std::collections::HashMap<ParticipantId, usize> = Default::default();
            for p in &merged.participants {
                *counts.entry(p.id).or_insert_with(|| { order.push(p.id); 0 }) += 1;
            }
            let want: Vec<(String, String)> = order
                .iter()
                .filter(|id| counts[id] > 1)
                .map(|id| (format!("participants[{id}]"), format!("{} records have the id {id} ", counts[id])))
                .collect();
            let got: Vec<(String, String)> = merged
                .findings
                .iter()
                .filter(|f| f.rule_id == "PART-DUP-003")
                .map(|f| (f.path.clone(), f.message_en.split("and are").next().unwrap().to_string()))
                .collect();
            proptest::prop_assert_eq!(got, want);
            // They come after the merges' own findings.
            let first = merged.findings.iter().position(|f| f.rule_id == "PART-DUP-003");
            if let Some(first) = first {
                proptest::prop_assert!(merged.findings[first..].iter().all(|f| f.rule_id == "PART-DUP-003"));
            }
        }
    }
}
