//! The common indicators in a form meant for publication — *julkaistavat
//! indikaattorit*: each indicator's counts by gender with small counts
//! suppressed by a [`SmallNumbers`] policy (`PUB-SMALL-001`).

use std::fmt::Write as _;

use serde::Serialize;

use super::{CommonIndicators, Indicator, Tally};
use crate::disclosure::{Cell, SmallNumbers};
use crate::lang::Language;

/// One indicator's counts by gender, ready to publish — *julkaistava jakauma
/// sukupuolittain*. The four genders are one breakdown under the total, so a
/// lone small cell takes a partner with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PublishedTally {
    /// Women.
    pub women: Cell,
    /// Men.
    pub men: Cell,
    /// Non-binary persons (ESF+).
    pub non_binary: Cell,
    /// Gender missing or not a category of the period.
    pub unknown: Cell,
    /// Everyone counted.
    pub total: Cell,
}

impl PublishedTally {
    /// `tally` under `policy`.
    ///
    /// ```
    /// use hanke::disclosure::{Cell, SmallNumbers};
    /// use hanke::indicator::{PublishedTally, Tally};
    /// let t = Tally { women: 23, men: 6, non_binary: 0, unknown: 0 };
    /// let p = PublishedTally::new(&t, SmallNumbers::default());
    /// assert!(p.men.is_suppressed() && p.women.is_suppressed()); // 29 − 23 would give the 6 away
    /// assert_eq!((p.non_binary, p.total), (Cell::Shown(0), Cell::Shown(29)));
    /// ```
    pub fn new(tally: &Tally, policy: SmallNumbers) -> PublishedTally {
        let b = policy.breakdown(&[tally.women, tally.men, tally.non_binary, tally.unknown]);
        let cell = |i: usize| b.cells.get(i).copied().unwrap_or(b.total);
        PublishedTally {
            women: cell(0),
            men: cell(1),
            non_binary: cell(2),
            unknown: cell(3),
            total: b.total,
        }
    }

    /// How many of its cells (the four genders and the total) are hidden.
    ///
    /// ```
    /// use hanke::disclosure::SmallNumbers;
    /// use hanke::indicator::{PublishedTally, Tally};
    /// let t = Tally { women: 12, men: 3, non_binary: 0, unknown: 0 };
    /// // 3 men are hidden, and so are the 12 women (the total 15 would give 3 away).
    /// assert_eq!(PublishedTally::new(&t, SmallNumbers::default()).suppressed(), 2);
    /// ```
    pub fn suppressed(&self) -> usize {
        self.cells().iter().filter(|c| c.is_suppressed()).count()
    }

    fn cells(&self) -> [Cell; 5] {
        [
            self.women,
            self.men,
            self.non_binary,
            self.unknown,
            self.total,
        ]
    }
}

/// One indicator ready to publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PublishedIndicator {
    /// The indicator.
    pub indicator: &'static Indicator,
    /// Its counts; `None` where hanke does not compute it from participants.
    pub value: Option<PublishedTally>,
}

/// The common indicators ready to publish — *julkaistavat indikaattorit*.
///
/// ```
/// use hanke::disclosure::SmallNumbers;
/// use hanke::indicator::{Catalogue, CommonIndicators};
/// use hanke::synthetic::duuniin_coaching;
/// use hanke::rulebook::Rulebook;
/// use hanke::programme::ProgrammePeriod;
/// let rules = Rulebook::for_period(ProgrammePeriod::Period2014To2020).unwrap().participants().unwrap();
/// let ind = CommonIndicators::compute(Catalogue::Esf2014, rules, None, &duuniin_coaching())?;
/// let public = ind.for_publication(SmallNumbers::default());
/// let cr04 = public.get("CR04").unwrap(); // 6 in employment upon leaving
/// assert!(cr04.total.is_suppressed());
/// # Ok::<(), hanke::indicator::IndicatorError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PublishedIndicators {
    /// The small-number policy applied.
    pub policy: SmallNumbers,
    /// Everyone counted, by gender (complete or not).
    pub grand_total: PublishedTally,
    /// Every indicator of the catalogue.
    pub indicators: Vec<PublishedIndicator>,
}

impl CommonIndicators {
    /// These indicators with small counts suppressed under `policy`
    /// (`PUB-SMALL-001`), for a publication; the figures for the funder stay
    /// exact in `self`.
    pub fn for_publication(&self, policy: SmallNumbers) -> PublishedIndicators {
        PublishedIndicators {
            policy,
            grand_total: PublishedTally::new(&self.grand_total(), policy),
            indicators: self
                .values()
                .map(|v| PublishedIndicator {
                    indicator: v.indicator,
                    value: v.value.map(|t| PublishedTally::new(&t, policy)),
                })
                .collect(),
        }
    }
}

impl PublishedIndicators {
    /// The published counts of the indicator with `code`.
    pub fn get(&self, code: &str) -> Option<PublishedTally> {
        self.indicators
            .iter()
            .find(|i| i.indicator.code == code)
            .and_then(|i| i.value)
    }

    /// How many cells are hidden.
    pub fn suppressed(&self) -> usize {
        std::iter::once(&self.grand_total)
            .chain(self.indicators.iter().filter_map(|i| i.value.as_ref()))
            .map(PublishedTally::suppressed)
            .sum()
    }

    /// A Markdown table of the indicators computed from participants, with the
    /// legend of `..` under it.
    pub fn to_markdown(&self, lang: Language) -> String {
        let head = match lang {
            Language::Fi => {
                "| Koodi | Indikaattori | Naiset | Miehet | Muunsukupuoliset | Tuntematon | Yhteensä |"
            }
            Language::Sv => "| Kod | Indikator | Kvinnor | Män | Icke-binära | Okänt | Totalt |",
            Language::En => "| Code | Indicator | Women | Men | Non-binary | Unknown | Total |",
        };
        let legend = self.policy.legend(lang);
        let name_of = |i: &Indicator| lang.pick(i.name_fi, i.name_sv, i.name_en);
        let mut s = String::new();
        let _ = writeln!(s, "{head}\n|---|---|---:|---:|---:|---:|---:|");
        let row = |s: &mut String, code: &str, name: &str, t: &PublishedTally| {
            let _ = writeln!(
                s,
                "| {code} | {name} | {} | {} | {} | {} | {} |",
                t.women, t.men, t.non_binary, t.unknown, t.total
            );
        };
        let all = lang.pick("kaikki osallistujat", "alla deltagare", "all participants");
        row(&mut s, "", all, &self.grand_total);
        for i in &self.indicators {
            if let Some(t) = &i.value {
                row(&mut s, i.indicator.code, name_of(i.indicator), t);
            }
        }
        let _ = writeln!(s, "\n{legend}");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disclosure::Suppression;
    use crate::indicator::Catalogue;
    use crate::programme::ProgrammePeriod;
    use crate::rulebook::Rulebook;
    use crate::synthetic::duuniin_coaching;

    fn duuniin() -> CommonIndicators {
        let rules = Rulebook::for_period(ProgrammePeriod::Period2014To2020)
            .and_then(Rulebook::participants)
            .expect("the 2014 rules");
        CommonIndicators::compute(Catalogue::Esf2014, rules, None, &duuniin_coaching())
            .expect("computes")
    }

    #[test]
    fn every_shown_count_is_the_exact_one_and_no_small_count_is_shown() {
        let ind = duuniin();
        for policy in [
            SmallNumbers::default(),
            SmallNumbers::new(5),
            SmallNumbers::new(1),
        ] {
            let public = ind.for_publication(policy);
            for (v, p) in ind.values().zip(&public.indicators) {
                let (Some(t), Some(pt)) = (v.value, p.value) else {
                    assert_eq!(v.value.is_some(), p.value.is_some());
                    continue;
                };
                let exact = [t.women, t.men, t.non_binary, t.unknown, t.total()];
                for (n, c) in exact.iter().zip(pt.cells()) {
                    match c {
                        Cell::Shown(v) => assert!(v == *n && !policy.is_small(v)),
                        Cell::Suppressed(Suppression::SmallGroup) => assert!(policy.is_small(*n)),
                        Cell::Suppressed(Suppression::Complementary) => assert!(*n > 0),
                    }
                }
            }
        }
    }

    #[test]
    fn the_duuniin_project_publishes_its_totals_and_hides_its_small_outcomes() {
        // The synthetic set with the seed report's figures: 29 participants are
        // published; the 6 in employment upon leaving are not.
        let public = duuniin().for_publication(SmallNumbers::default());
        assert_eq!(public.grand_total.total, Cell::Shown(29));
        assert!(public.get("CR04").is_some_and(|t| t.total.is_suppressed()));
        let md = public.to_markdown(Language::En);
        assert!(md.contains("| CR04 |"), "{md}");
        assert!(md.contains(".. = fewer than 10 people"), "{md}");
        assert!(public.suppressed() > 0);
        // With no threshold nothing is hidden.
        assert_eq!(
            duuniin().for_publication(SmallNumbers::new(0)).suppressed(),
            0
        );
    }
}
