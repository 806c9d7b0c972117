//! A first look at a project's participants — *osallistujayhteenveto*: how many,
//! how complete, by gender and age group, and where the leavers went, counted by
//! the period's rules. (The EU indicator tables are built on the same rules.)

use std::fmt::Write as _;

use serde::Serialize;

use crate::disclosure::{Cell, SmallNumbers};
use crate::participant::{LtuDefinition, Participant};
use crate::rulebook::ParticipantRules;

/// Counts over a set of participants by one period's rules.
///
/// ```
/// use hanke::{indicator::ParticipantOverview, synthetic::duuniin_coaching};
/// use hanke::rulebook::Rulebook;
/// use hanke::programme::ProgrammePeriod;
/// let rules = Rulebook::for_period(ProgrammePeriod::Period2014To2020).unwrap().participants().unwrap();
/// let o = ParticipantOverview::new(rules, &duuniin_coaching());
/// assert_eq!((o.total, o.left, o.employment, o.education_or_training, o.job_searching), (29, 29, 6, 8, 15));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ParticipantOverview {
    /// Participants (records, one per person).
    pub total: usize,
    /// Records complete for the period.
    pub complete: usize,
    /// By gender code, in the period's order, then `unknown`.
    pub by_gender: Vec<(&'static str, usize)>,
    /// By age-group code, in the period's order, then `unknown`.
    pub by_age_group: Vec<(&'static str, usize)>,
    /// Long-term unemployed at entry.
    pub long_term_unemployed: usize,
    /// The definition of long-term unemployment used.
    pub ltu_definition: LtuDefinition,
    /// Participants who have left.
    pub left: usize,
    /// Leavers job searching upon leaving.
    pub job_searching: usize,
    /// Leavers in education or training upon leaving.
    pub education_or_training: usize,
    /// Leavers gaining a qualification.
    pub qualification: usize,
    /// Leavers in employment, including self-employment, upon leaving.
    pub employment: usize,
    /// Leavers in none of the categories.
    pub no_result: usize,
}

impl ParticipantOverview {
    /// Counts `participants` by `rules`.
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "counts of the participants given: none exceeds the slice's length"
    )]
    pub fn new(rules: &ParticipantRules, participants: &[Participant]) -> ParticipantOverview {
        let mut by_gender: Vec<(&'static str, usize)> =
            rules.genders.iter().map(|g| (g.code(), 0)).collect();
        by_gender.push(("unknown", 0));
        let mut by_age_group: Vec<(&'static str, usize)> =
            rules.age_groups.iter().map(|g| (g.code, 0)).collect();
        by_age_group.push(("unknown", 0));
        let mut o = ParticipantOverview {
            total: participants.len(),
            complete: 0,
            by_gender: Vec::new(),
            by_age_group: Vec::new(),
            long_term_unemployed: 0,
            ltu_definition: rules.ltu,
            left: 0,
            job_searching: 0,
            education_or_training: 0,
            qualification: 0,
            employment: 0,
            no_result: 0,
        };
        let bump = |table: &mut Vec<(&'static str, usize)>, code: &str| {
            let slot = table
                .iter()
                .position(|(c, _)| *c == code)
                .or(table.len().checked_sub(1));
            if let Some((_, n)) = slot.and_then(|i| table.get_mut(i)) {
                *n += 1;
            }
        };
        for p in participants {
            let d = rules.derive(p);
            o.complete += usize::from(d.complete);
            let gender = p
                .entry
                .gender
                .filter(|g| rules.accepts_gender(*g))
                .map_or("unknown", |g| g.code());
            bump(&mut by_gender, gender);
            bump(&mut by_age_group, d.age_group.map_or("unknown", |g| g.code));
            o.long_term_unemployed += usize::from(d.long_term_unemployed == Some(true));
            if let Some(exit) = &p.exit {
                o.left += 1;
                let c = rules.result_upon_leaving(exit).categories;
                o.job_searching += usize::from(c.job_searching);
                o.education_or_training += usize::from(c.education_or_training);
                o.qualification += usize::from(c.qualification);
                o.employment += usize::from(c.employment);
                o.no_result += usize::from(!c.any());
            }
        }
        o.by_gender = by_gender;
        o.by_age_group = by_age_group;
        o
    }

    /// A few lines of text for a terminal.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "  participants {} ({} complete); long-term unemployed at entry {} ({}{})",
            self.total,
            self.complete,
            self.long_term_unemployed,
            self.ltu_definition.source(),
            self.ltu_definition.verification().label()
        );
        write_groups_and_leavers(
            &mut s,
            &0,
            &self.by_gender,
            &self.by_age_group,
            [
                &self.left,
                &self.employment,
                &self.education_or_training,
                &self.job_searching,
                &self.qualification,
                &self.no_result,
            ],
        );
        s
    }
}

/// A [`ParticipantOverview`] ready to publish — *julkaistava
/// osallistujayhteenveto*: small counts suppressed under a [`SmallNumbers`]
/// policy (`PUB-SMALL-001`). The gender and age-group tables are breakdowns of
/// the total (a lone small cell takes a partner); the other counts stand alone,
/// because the results upon leaving overlap (a leaver can both study and work)
/// and so cannot be worked out from one another.
///
/// ```
/// use hanke::disclosure::{Cell, SmallNumbers};
/// use hanke::{indicator::ParticipantOverview, synthetic::duuniin_coaching};
/// use hanke::rulebook::Rulebook;
/// use hanke::programme::ProgrammePeriod;
/// let rules = Rulebook::for_period(ProgrammePeriod::Period2014To2020).unwrap().participants().unwrap();
/// let o = ParticipantOverview::new(rules, &duuniin_coaching());
/// let public = o.for_publication(SmallNumbers::default());
/// assert_eq!((public.total, public.job_searching), (Cell::Shown(29), Cell::Shown(15)));
/// assert!(public.employment.is_suppressed()); // 6
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PublishedOverview {
    /// The small-number policy applied.
    pub policy: SmallNumbers,
    /// Participants.
    pub total: Cell,
    /// Records complete for the period.
    pub complete: Cell,
    /// By gender code, as in [`ParticipantOverview::by_gender`].
    pub by_gender: Vec<(&'static str, Cell)>,
    /// By age-group code, as in [`ParticipantOverview::by_age_group`].
    pub by_age_group: Vec<(&'static str, Cell)>,
    /// Long-term unemployed at entry.
    pub long_term_unemployed: Cell,
    /// Participants who have left.
    pub left: Cell,
    /// Leavers job searching upon leaving.
    pub job_searching: Cell,
    /// Leavers in education or training upon leaving.
    pub education_or_training: Cell,
    /// Leavers gaining a qualification.
    pub qualification: Cell,
    /// Leavers in employment, including self-employment, upon leaving.
    pub employment: Cell,
    /// Leavers in none of the categories.
    pub no_result: Cell,
}

impl ParticipantOverview {
    /// This overview with small counts suppressed under `policy`, for a
    /// publication.
    pub fn for_publication(&self, policy: SmallNumbers) -> PublishedOverview {
        let table = |t: &[(&'static str, usize)]| -> Vec<(&'static str, Cell)> {
            let counts: Vec<u64> = t.iter().map(|(_, n)| count(*n)).collect();
            let b = policy.breakdown(&counts);
            t.iter().map(|(c, _)| *c).zip(b.cells).collect()
        };
        let one = |n: usize| policy.cell(count(n));
        PublishedOverview {
            policy,
            total: one(self.total),
            complete: one(self.complete),
            by_gender: table(&self.by_gender),
            by_age_group: table(&self.by_age_group),
            long_term_unemployed: one(self.long_term_unemployed),
            left: one(self.left),
            job_searching: one(self.job_searching),
            education_or_training: one(self.education_or_training),
            qualification: one(self.qualification),
            employment: one(self.employment),
            no_result: one(self.no_result),
        }
    }
}

/// The lines both overviews print alike: the gender and age-group breakdowns
/// (`unknown` left out where it is `zero`) and where the leavers went —
/// `[left, employed, in education or training, job searching, qualification,
/// none of these]`.
fn write_groups_and_leavers<T: std::fmt::Display + PartialEq>(
    s: &mut String,
    zero: &T,
    by_gender: &[(&str, T)],
    by_age_group: &[(&str, T)],
    leavers: [&T; 6],
) {
    let list = |t: &[(&str, T)]| {
        t.iter()
            .filter(|(c, n)| *c != "unknown" || n != zero)
            .map(|(c, n)| format!("{c} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(s, "  by gender: {}", list(by_gender));
    let _ = writeln!(s, "  by age group: {}", list(by_age_group));
    let [left, employed, education, searching, qualification, none] = leavers;
    let _ = writeln!(
        s,
        "  left {left}: employed {employed}, in education or training {education}, job searching {searching}, qualification {qualification}, none of these {none}"
    );
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

impl PublishedOverview {
    /// A few lines of text, with the legend of `..`.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "  participants {} ({} complete); long-term unemployed at entry {}",
            self.total, self.complete, self.long_term_unemployed
        );
        write_groups_and_leavers(
            &mut s,
            &Cell::Shown(0),
            &self.by_gender,
            &self.by_age_group,
            [
                &self.left,
                &self.employment,
                &self.education_or_training,
                &self.job_searching,
                &self.qualification,
                &self.no_result,
            ],
        );
        let _ = writeln!(s, "  {}", self.policy.legend_en());
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programme::ProgrammePeriod;
    use crate::rulebook::Rulebook;
    use crate::synthetic::duuniin_coaching;

    #[test]
    fn both_overviews_print_the_same_lines_with_their_own_cells() {
        let rules = Rulebook::for_period(ProgrammePeriod::Period2014To2020)
            .and_then(Rulebook::participants)
            .expect("the 2014 rules");
        let o = ParticipantOverview::new(rules, &duuniin_coaching());
        assert_eq!(
            o.to_text(),
            "  participants 29 (29 complete); long-term unemployed at entry 16 \
             (Commission ESF monitoring and evaluation guidance (2015), Annex D (unverified))\n\
             \x20 by gender: woman 14, man 15\n\
             \x20 by age group: below_25 7, 25_54 18, above_54 4\n\
             \x20 left 29: employed 6, in education or training 8, job searching 15, \
             qualification 0, none of these 2\n"
        );
        assert_eq!(
            o.for_publication(SmallNumbers::default()).to_text(),
            "  participants 29 (29 complete); long-term unemployed at entry 16\n\
             \x20 by gender: woman 14, man 15\n\
             \x20 by age group: below_25 .., 25_54 18, above_54 ..\n\
             \x20 left 29: employed .., in education or training .., job searching 15, \
             qualification 0, none of these ..\n\
             \x20 .. = fewer than 10 people, or hidden so that such a count cannot be worked out (PUB-SMALL-001)\n"
        );
        // An `unknown` gender is printed where it is not zero.
        let mut people = duuniin_coaching();
        if let Some(p) = people.first_mut() {
            p.entry.gender = None;
        }
        let o = ParticipantOverview::new(rules, &people);
        assert!(
            o.to_text()
                .contains("by gender: woman 14, man 14, unknown 1\n"),
            "{}",
            o.to_text()
        );
        let public = o.for_publication(SmallNumbers::default()).to_text();
        assert!(
            public.contains("by gender: woman .., man 14, unknown ..\n"),
            "{public}"
        );
    }
}
