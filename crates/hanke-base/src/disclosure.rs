//! Small numbers in published aggregates — *pienten lukujen suojaus*: a count
//! of fewer people than a threshold is not shown where a report is meant for
//! publication, so that no one can be singled out from it.
//!
//! The rule (`PUB-SMALL-001`, [`crate::finding::rules::SMALL_NUMBERS_SUPPRESSED`])
//! follows Kykyviisari practice: sub-groups with **fewer than 10** respondents
//! are not reported (vates.fi PARTY project page; tyoelamatieto.fi —
//! `RULES.md` §7 \[V\]). hanke makes the threshold a parameter,
//! [`SmallNumbers::min_group`], with that default.
//!
//! Where it applies: the *publication* forms —
//! `hanke::indicator::CommonIndicators::for_publication`,
//! `hanke::indicator::ParticipantOverview::for_publication` and
//! `hanke::assessment::GroupAreaChange::for_publication`.
//! The figures sent to the funder (the ESR report, SFC indicator values) are
//! exact and are never suppressed: the managing authority needs the real
//! counts, and publishes them itself at programme level.
//!
//! Within a breakdown that also shows its total, hiding one cell alone would
//! not hide it (total − the others gives it back), so the next smallest
//! non-zero cell is hidden with it (*complementary* suppression, the usual
//! second step of statistical disclosure control). Zeros are shown: a zero
//! singles no one out. Relations *between* tables (one indicator being another
//! plus a third) are not followed; publish one table per release, or raise the
//! threshold.
//!
//! ```
//! use hanke_base::disclosure::{Cell, SmallNumbers};
//! let b = SmallNumbers::default().breakdown(&[12, 3, 0, 15, 4]);
//! assert_eq!(b.cells[0], Cell::Shown(12));
//! assert!(b.cells[1].is_suppressed()); // 3 people: fewer than 10
//! assert_eq!(b.cells[2], Cell::Shown(0));
//! assert_eq!(b.cells[3], Cell::Shown(15));
//! assert!(b.cells[4].is_suppressed()); // 4 people; 3 + 4 = 34 − 27 reveals neither
//! assert_eq!(b.total, Cell::Shown(34));
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

/// The small-number policy of a publication — *pienten lukujen raja*: counts
/// of 1 to `min_group − 1` people are suppressed. The default, 10, is
/// Kykyviisari practice (see the [module](self) for the source).
///
/// ```
/// use hanke_base::disclosure::SmallNumbers;
/// assert_eq!(SmallNumbers::default().min_group(), 10);
/// assert_eq!(SmallNumbers::new(5).min_group(), 5);
/// // 0 and 1 suppress nothing.
/// assert!(!SmallNumbers::new(1).cell(1).is_suppressed());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "proptest"), derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct SmallNumbers {
    min_group: u64,
}

/// Kykyviisari practice: sub-groups with fewer than 10 respondents are not
/// reported (`RULES.md` §7, vates.fi; tyoelamatieto.fi).
pub const DEFAULT_MIN_GROUP: u64 = 10;

impl Default for SmallNumbers {
    fn default() -> SmallNumbers {
        SmallNumbers {
            min_group: DEFAULT_MIN_GROUP,
        }
    }
}

/// Why a cell is not shown — *salauksen syy*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Suppression {
    /// The cell counts fewer people than the threshold (primary suppression).
    SmallGroup,
    /// The cell is hidden so that a small cell cannot be worked out from the
    /// total (complementary suppression).
    Complementary,
}

/// One published count — *julkaistava luku*: shown, or suppressed with the reason.
///
/// `Display` writes the count, or `..` for a suppressed one (the legend says
/// what `..` means: [`SmallNumbers::legend_en`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    /// The count, safe to publish.
    Shown(u64),
    /// Not shown.
    Suppressed(Suppression),
}

impl Cell {
    /// The count when shown.
    pub fn value(self) -> Option<u64> {
        match self {
            Cell::Shown(n) => Some(n),
            Cell::Suppressed(_) => None,
        }
    }

    /// Whether the cell is hidden.
    pub fn is_suppressed(self) -> bool {
        matches!(self, Cell::Suppressed(_))
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Shown(n) => write!(f, "{n}"),
            Cell::Suppressed(_) => f.write_str(".."),
        }
    }
}

/// A breakdown ready to publish — *julkaistava jakauma*: its cells in the
/// order given, and their total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Breakdown {
    /// The cells, in the order of the counts given.
    pub cells: Vec<Cell>,
    /// The sum of the counts.
    pub total: Cell,
}

impl Breakdown {
    /// How many cells (the total included) are hidden.
    pub fn suppressed(&self) -> usize {
        self.cells
            .iter()
            .chain(std::iter::once(&self.total))
            .filter(|c| c.is_suppressed())
            .count()
    }
}

impl SmallNumbers {
    /// A policy suppressing counts of 1 to `min_group − 1` people; 0 and 1
    /// suppress nothing.
    pub const fn new(min_group: u64) -> SmallNumbers {
        SmallNumbers { min_group }
    }

    /// The smallest count of people that is shown.
    pub const fn min_group(self) -> u64 {
        self.min_group
    }

    /// Whether `n` people are too few to show (zero is never too few).
    pub fn is_small(self, n: u64) -> bool {
        n > 0 && n < self.min_group
    }

    /// One count on its own.
    pub fn cell(self, n: u64) -> Cell {
        if self.is_small(n) {
            Cell::Suppressed(Suppression::SmallGroup)
        } else {
            Cell::Shown(n)
        }
    }

    /// A breakdown of people into disjoint groups, with its total: small
    /// cells suppressed, and where exactly one cell is hidden under a shown
    /// total, the smallest other non-zero cell hidden too, so that no hidden
    /// cell is the total minus the shown ones.
    ///
    /// ```
    /// use hanke_base::disclosure::{Cell, SmallNumbers, Suppression};
    /// // 4 men would be 20 − 16: the 16 women are hidden with them.
    /// let b = SmallNumbers::default().breakdown(&[16, 4]);
    /// assert_eq!(b.cells, [Cell::Suppressed(Suppression::Complementary), Cell::Suppressed(Suppression::SmallGroup)]);
    /// assert_eq!(b.total, Cell::Shown(20));
    /// ```
    pub fn breakdown(self, counts: &[u64]) -> Breakdown {
        let sum = counts.iter().fold(0u64, |s, n| s.saturating_add(*n));
        let total = self.cell(sum);
        let mut cells: Vec<Cell> = counts.iter().map(|n| self.cell(*n)).collect();
        let hidden = cells.iter().filter(|c| c.is_suppressed()).count();
        if hidden == 1 && !total.is_suppressed() {
            // The smallest shown non-zero cell; there always is one, because a
            // lone small cell under a total of `min_group` or more leaves at
            // least that many people elsewhere.
            let partner = counts
                .iter()
                .zip(&cells)
                .enumerate()
                .filter(|(_, (n, c))| **n > 0 && !c.is_suppressed())
                .min_by_key(|(_, (n, _))| **n)
                .map(|(i, _)| i);
            if let Some(cell) = partner.and_then(|i| cells.get_mut(i)) {
                *cell = Cell::Suppressed(Suppression::Complementary);
            }
        }
        Breakdown { cells, total }
    }

    /// What `..` means, in English.
    pub fn legend_en(self) -> String {
        format!(
            ".. = fewer than {} people, or hidden so that such a count cannot be worked out (PUB-SMALL-001)",
            self.min_group
        )
    }

    /// What `..` means, in Finnish.
    pub fn legend_fi(self) -> String {
        format!(
            ".. = alle {} henkilöä, tai piilotettu, jotta sellaista lukua ei voi päätellä (PUB-SMALL-001)",
            self.min_group
        )
    }

    /// What `..` means, in Swedish.
    pub fn legend_sv(self) -> String {
        format!(
            ".. = färre än {} personer, eller dolt så att ett sådant antal inte kan räknas ut (PUB-SMALL-001)",
            self.min_group
        )
    }

    /// What `..` means, in `lang`.
    pub fn legend(self, lang: crate::lang::Language) -> String {
        match lang {
            crate::lang::Language::Fi => self.legend_fi(),
            crate::lang::Language::Sv => self.legend_sv(),
            crate::lang::Language::En => self.legend_en(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const S: Suppression = Suppression::SmallGroup;
    const C: Suppression = Suppression::Complementary;

    #[test]
    fn the_kykyviisari_threshold_hides_nine_and_shows_ten() {
        let p = SmallNumbers::default();
        assert_eq!(p.cell(9), Cell::Suppressed(S));
        assert_eq!(p.cell(10), Cell::Shown(10));
        assert_eq!(p.cell(1), Cell::Suppressed(S));
        assert_eq!(p.cell(0), Cell::Shown(0));
    }

    #[test]
    fn a_small_total_hides_every_non_zero_cell_and_needs_no_partner() {
        let b = SmallNumbers::default().breakdown(&[3, 0, 5]);
        assert_eq!(
            b.cells,
            [Cell::Suppressed(S), Cell::Shown(0), Cell::Suppressed(S)]
        );
        assert_eq!(b.total, Cell::Suppressed(S));
        assert_eq!(b.suppressed(), 3);
    }

    #[test]
    fn two_small_cells_need_no_partner() {
        let b = SmallNumbers::default().breakdown(&[3, 20, 4]);
        assert_eq!(
            b.cells,
            [Cell::Suppressed(S), Cell::Shown(20), Cell::Suppressed(S)]
        );
    }

    #[test]
    fn the_partner_is_the_smallest_non_zero_cell() {
        let b = SmallNumbers::default().breakdown(&[30, 0, 2, 12]);
        assert_eq!(
            b.cells,
            [
                Cell::Shown(30),
                Cell::Shown(0),
                Cell::Suppressed(S),
                Cell::Suppressed(C)
            ]
        );
        assert_eq!(b.total, Cell::Shown(44));
    }

    #[test]
    fn a_threshold_of_one_shows_everything() {
        let b = SmallNumbers::new(1).breakdown(&[1, 2]);
        assert_eq!(b.cells, [Cell::Shown(1), Cell::Shown(2)]);
        assert_eq!(b.total, Cell::Shown(3));
    }

    #[test]
    fn suppressed_cells_print_as_two_dots() {
        assert_eq!(Cell::Suppressed(C).to_string(), "..");
        assert_eq!(Cell::Shown(12).to_string(), "12");
        assert_eq!(
            serde_json::to_string(&Cell::Shown(12)).ok().as_deref(),
            Some(r#"{"shown":12}"#)
        );
        assert_eq!(
            serde_json::to_string(&Cell::Suppressed(S)).ok().as_deref(),
            Some(r#"{"suppressed":"small_group"}"#)
        );
    }

    proptest! {
        /// What is published never gives a small count away: no shown cell is
        /// small, and no hidden small cell is the shown total minus the shown
        /// cells (it would be if it were hidden alone).
        #[test]
        fn no_small_count_can_be_read_or_worked_out(
            counts in proptest::collection::vec(prop_oneof![0u64..12, 0u64..200], 0..7),
            min in 0u64..15,
        ) {
            let p = SmallNumbers::new(min);
            let b = p.breakdown(&counts);
            prop_assert_eq!(b.cells.len(), counts.len());
            for (n, c) in counts.iter().zip(&b.cells) {
                prop_assert!(c.value().is_none_or(|v| v == *n && !p.is_small(v)));
                prop_assert_eq!(c.is_suppressed(), p.is_small(*n) || *c == Cell::Suppressed(C));
            }
            let sum: u64 = counts.iter().sum();
            prop_assert!(b.total.value().is_none_or(|v| v == sum));
            if b.total.value().is_some() {
                let hidden: Vec<u64> = counts.iter().zip(&b.cells)
                    .filter(|(_, c)| c.is_suppressed()).map(|(n, _)| *n).collect();
                // Hidden cells come in twos or more (or not at all).
                prop_assert!(hidden.len() != 1, "{:?} → {:?}", counts, b);
            }
        }
    }
}
