//! Cost models — *kustannusmallit*: real costs and the simplified cost options
//! (flat rates, lump sums, unit costs), the staff hourly rate, and the exact,
//! line-by-line computation of an eligible budget.
//!
//! Which options a project may use, and up to which rate, is the business of its
//! [`Rulebook`](crate::rulebook::Rulebook); this module computes.
//!
//! ```
//! use hanke::cost::{CostModel, DirectCosts};
//! use hanke::{Money, Rate};
//!
//! // Flat rate 40 % (CPR Art 56; the Finnish 2021–2027 default model).
//! let costs = DirectCosts { staff: "120 000".parse()?, ..DirectCosts::default() };
//! let budget = CostModel::OtherCostsOnStaffCosts { rate: Rate::percent(40) }.compute(&costs)?;
//! assert_eq!(budget.eligible_total.to_string(), "168 000,00 €");
//! assert!(budget.to_text().contains("40,00 % × 120 000,00 € (staff costs) = 48 000,00 €"));
//! # Ok::<(), hanke::MoneyError>(())
//! ```

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::lang::{Language, Localised, Text};
use crate::money::{Money, MoneyError, Rate};

/// Direct costs of a budget or a claim period by cost category — *kustannuslajit*.
/// Amounts are non-negative except `revenue`, which is deducted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields, default)]
pub struct DirectCosts {
    /// Staff costs (*henkilöstökustannukset*): gross employment costs of project staff.
    pub staff: Money,
    /// Purchased services (*ostopalvelut*).
    pub purchased_services: Money,
    /// Travel (*matkakustannukset*).
    pub travel: Money,
    /// Equipment (*kone- ja laitehankinnat*).
    pub equipment: Money,
    /// Other costs (*muut kustannukset*).
    pub other: Money,
    /// Salaries and allowances paid to participants (*osallistujien palkat ja
    /// korvaukset*): outside flat rates where the rules say so (CPR Art 56(2) for ESF+).
    pub participant_costs: Money,
    /// Revenue of the project (*tulot*), deducted from the eligible total.
    pub revenue: Money,
}

impl DirectCosts {
    /// Direct costs other than staff costs and participant costs.
    pub fn other_than_staff(&self) -> Result<Money, MoneyError> {
        Money::sum([
            self.purchased_services,
            self.travel,
            self.equipment,
            self.other,
        ])
    }

    /// All direct costs: staff, other than staff, participant costs.
    pub fn all_direct(&self) -> Result<Money, MoneyError> {
        Money::sum([self.staff, self.other_than_staff()?, self.participant_costs])
    }
}

/// A cost model of a funding decision — *kustannusmalli*.
///
/// The rate limits and the articles they come from are in the
/// [`Rulebook`](crate::rulebook::Rulebook) of the project's period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum CostModel {
    /// Real costs (*todelliset kustannukset*): CPR 2021/1060 Art 53(1)(a).
    RealCosts,
    /// Indirect costs as a rate of eligible direct costs: CPR Art 54(a) (up to 7 %
    /// without calculation) or 54(c) (up to 25 % with a calculation).
    IndirectOnDirectCosts {
        /// The rate decided.
        rate: Rate,
        /// Whether the rate rests on a fair, equitable and verifiable calculation (Art 53(3)(a)).
        #[serde(default)]
        calculated: bool,
    },
    /// Indirect costs as a rate of direct staff costs: CPR Art 54(b) (up to 15 %);
    /// the Finnish ESF 2014–2020 default *flat rate 17 %* (rakennerahastot.fi).
    IndirectOnStaffCosts {
        /// The rate decided.
        rate: Rate,
    },
    /// Direct staff costs as a rate of other direct costs: CPR Art 55(1),
    /// 1303/2013 Art 68a(1) (up to 20 %).
    StaffOnOtherDirectCosts {
        /// The rate decided.
        rate: Rate,
    },
    /// All costs other than staff costs as a rate of direct staff costs: CPR Art 56
    /// (up to 40 %), the Finnish 2021–2027 *flat rate 40 %* model
    /// (rakennerahastot.fi/prosenttimaarainen-korvaus). Participant costs come on top.
    OtherCostsOnStaffCosts {
        /// The rate decided.
        rate: Rate,
    },
    /// A lump sum decided by the funder (*kertakorvaus*): CPR Art 53(1)(c).
    LumpSum {
        /// The amount.
        amount: Money,
    },
    /// Unit costs decided by the funder (*yksikkökustannus*): CPR Art 53(1)(b).
    UnitCosts {
        /// The amount per unit.
        unit_amount: Money,
        /// The number of units.
        units: u32,
    },
}

/// The kind of a cost model, without its figures — used by rulebooks to list
/// what a period allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum CostModelKind {
    /// [`CostModel::RealCosts`].
    RealCosts,
    /// [`CostModel::IndirectOnDirectCosts`] without a calculation.
    IndirectOnDirectCosts,
    /// [`CostModel::IndirectOnDirectCosts`] with a calculation.
    IndirectOnDirectCostsCalculated,
    /// [`CostModel::IndirectOnStaffCosts`].
    IndirectOnStaffCosts,
    /// [`CostModel::StaffOnOtherDirectCosts`].
    StaffOnOtherDirectCosts,
    /// [`CostModel::OtherCostsOnStaffCosts`].
    OtherCostsOnStaffCosts,
    /// [`CostModel::LumpSum`].
    LumpSum,
    /// [`CostModel::UnitCosts`].
    UnitCosts,
}

impl CostModelKind {
    /// The label in Finnish, Swedish and English.
    pub fn text(self) -> Text {
        let sv = match self {
            CostModelKind::RealCosts => "faktiska kostnader",
            CostModelKind::IndirectOnDirectCosts => {
                "indirekta kostnader som procentsats av direkta kostnader"
            }
            CostModelKind::IndirectOnDirectCostsCalculated => {
                "indirekta kostnader som beräknad procentsats av direkta kostnader"
            }
            CostModelKind::IndirectOnStaffCosts => {
                "schablon (indirekta kostnader av personalkostnader)"
            }
            CostModelKind::StaffOnOtherDirectCosts => {
                "personalkostnader som procentsats av övriga direkta kostnader"
            }
            CostModelKind::OtherCostsOnStaffCosts => {
                "schablonersättning (övriga kostnader av personalkostnader)"
            }
            CostModelKind::LumpSum => "engångsbelopp",
            CostModelKind::UnitCosts => "enhetskostnader",
        };
        Text::new(self.label_fi(), sv, self.label_en())
    }

    /// A short English label.
    pub fn label_en(self) -> &'static str {
        match self {
            CostModelKind::RealCosts => "real costs",
            CostModelKind::IndirectOnDirectCosts => "flat rate on direct costs (indirect)",
            CostModelKind::IndirectOnDirectCostsCalculated => {
                "calculated flat rate on direct costs (indirect)"
            }
            CostModelKind::IndirectOnStaffCosts => "flat rate on staff costs (indirect)",
            CostModelKind::StaffOnOtherDirectCosts => "staff costs as a flat rate",
            CostModelKind::OtherCostsOnStaffCosts => "flat rate for other costs on staff costs",
            CostModelKind::LumpSum => "lump sum",
            CostModelKind::UnitCosts => "unit costs",
        }
    }

    /// A short Finnish label.
    pub fn label_fi(self) -> &'static str {
        match self {
            CostModelKind::RealCosts => "todelliset kustannukset",
            CostModelKind::IndirectOnDirectCosts => {
                "välilliset kustannukset prosentteina suorista kustannuksista"
            }
            CostModelKind::IndirectOnDirectCostsCalculated => {
                "välilliset kustannukset lasketulla prosentilla suorista kustannuksista"
            }
            CostModelKind::IndirectOnStaffCosts => {
                "flat rate (välilliset kustannukset palkkakustannuksista)"
            }
            CostModelKind::StaffOnOtherDirectCosts => {
                "palkkakustannukset prosentteina muista suorista kustannuksista"
            }
            CostModelKind::OtherCostsOnStaffCosts => {
                "prosenttimääräinen korvaus (muut kustannukset palkkakustannuksista)"
            }
            CostModelKind::LumpSum => "kertakorvaus",
            CostModelKind::UnitCosts => "yksikkökustannukset",
        }
    }
}

impl CostModel {
    /// The kind of the model.
    pub fn kind(&self) -> CostModelKind {
        match self {
            CostModel::RealCosts => CostModelKind::RealCosts,
            CostModel::IndirectOnDirectCosts {
                calculated: false, ..
            } => CostModelKind::IndirectOnDirectCosts,
            CostModel::IndirectOnDirectCosts {
                calculated: true, ..
            } => CostModelKind::IndirectOnDirectCostsCalculated,
            CostModel::IndirectOnStaffCosts { .. } => CostModelKind::IndirectOnStaffCosts,
            CostModel::StaffOnOtherDirectCosts { .. } => CostModelKind::StaffOnOtherDirectCosts,
            CostModel::OtherCostsOnStaffCosts { .. } => CostModelKind::OtherCostsOnStaffCosts,
            CostModel::LumpSum { .. } => CostModelKind::LumpSum,
            CostModel::UnitCosts { .. } => CostModelKind::UnitCosts,
        }
    }

    /// The flat rate of the model, if it is a flat-rate model.
    pub fn rate(&self) -> Option<Rate> {
        match *self {
            CostModel::IndirectOnDirectCosts { rate, .. }
            | CostModel::IndirectOnStaffCosts { rate }
            | CostModel::StaffOnOtherDirectCosts { rate }
            | CostModel::OtherCostsOnStaffCosts { rate } => Some(rate),
            _ => None,
        }
    }

    /// Whether the model is a simplified cost option (anything but real costs).
    pub fn is_simplified(&self) -> bool {
        !matches!(self, CostModel::RealCosts)
    }

    /// Computes the eligible budget from direct costs, exactly: each flat-rate
    /// amount is rounded once, to the cent, half away from zero; every line says how
    /// it was computed.
    pub fn compute(&self, c: &DirectCosts) -> Result<BudgetComputation, MoneyError> {
        let mut b = BudgetComputation::default();
        let revenue = |b: &mut BudgetComputation| {
            if !c.revenue.is_zero() {
                b.line(
                    "revenue",
                    Text::new(
                        "Tulot (vähennetään)",
                        "Intäkter (dras av)",
                        "Revenue (deducted)",
                    ),
                    c.revenue.checked_mul_int(-1)?,
                    Localised::default(),
                );
            }
            Ok::<(), MoneyError>(())
        };
        match *self {
            CostModel::RealCosts => {
                b.direct_lines(c, true);
                revenue(&mut b)?;
            }
            CostModel::IndirectOnDirectCosts { rate, .. } => {
                b.direct_lines(c, true);
                let base = c.all_direct()?;
                let amount = base.apply_rate(rate)?;
                b.line(
                    "indirect",
                    INDIRECT_FLAT_RATE,
                    amount,
                    flat_rate(rate, base, OF_DIRECT_COSTS),
                );
                revenue(&mut b)?;
            }
            CostModel::IndirectOnStaffCosts { rate } => {
                b.direct_lines(c, true);
                let amount = c.staff.apply_rate(rate)?;
                b.line(
                    "indirect",
                    INDIRECT_FLAT_RATE,
                    amount,
                    flat_rate(rate, c.staff, OF_STAFF_COSTS),
                );
                revenue(&mut b)?;
            }
            CostModel::StaffOnOtherDirectCosts { rate } => {
                b.direct_lines(c, false);
                // The base is "the direct costs other than the staff costs"
                // (Reg. 2021/1060 Art 55(1); Reg. 1303/2013 Art 68a(1)): the
                // participants' salaries and allowances are such direct costs.
                // Only the 40 % model takes them out of its flat rate (Art
                // 56(2)), not this one (issue 24 item 11).
                let base = Money::sum([c.other_than_staff()?, c.participant_costs])?;
                let amount = base.apply_rate(rate)?;
                b.line(
                    "staff",
                    Text::new(
                        "Henkilöstökustannukset (flat rate)",
                        "Personalkostnader (schablon)",
                        "Staff costs (flat rate)",
                    ),
                    amount,
                    flat_rate(rate, base, OF_OTHER_THAN_STAFF),
                );
                revenue(&mut b)?;
            }
            CostModel::OtherCostsOnStaffCosts { rate } => {
                b.staff_line(c);
                let amount = c.staff.apply_rate(rate)?;
                b.line(
                    "other_costs",
                    Text::new(
                        "Muut kustannukset (flat rate)",
                        "Övriga kostnader (schablon)",
                        "All other costs (flat rate)",
                    ),
                    amount,
                    flat_rate(rate, c.staff, OF_STAFF_COSTS),
                );
                if !c.participant_costs.is_zero() {
                    b.line(
                        "participant_costs",
                        Text::new(
                            "Osallistujien palkat ja korvaukset (flat raten ulkopuolella)",
                            "Deltagarnas löner och ersättningar (utanför schablonen)",
                            "Participant salaries and allowances (outside the flat rate)",
                        ),
                        c.participant_costs,
                        Localised::default(),
                    );
                }
                revenue(&mut b)?;
            }
            CostModel::LumpSum { amount } => {
                b.line(
                    "lump_sum",
                    Text::new("Kertakorvaus", "Engångsbelopp", "Lump sum"),
                    amount,
                    Localised::new(
                        "rahoittajan päätöksen mukaan",
                        "enligt finansiärens beslut",
                        "as decided by the funder",
                    ),
                );
            }
            CostModel::UnitCosts { unit_amount, units } => {
                let amount = unit_amount.checked_mul_int(i64::from(units))?;
                b.line(
                    "unit_costs",
                    Text::new("Yksikkökustannukset", "Enhetskostnader", "Unit costs"),
                    amount,
                    Localised::same(format!("{units} × {unit_amount}")),
                );
            }
        }
        b.eligible_total = Money::sum(b.lines.iter().map(|l| l.amount))?;
        Ok(b)
    }
}

/// The staff costs as a line of a computation.
const STAFF_COSTS: Text = Text::new("Henkilöstökustannukset", "Personalkostnader", "Staff costs");

/// Indirect costs at a flat rate, as a line of a computation.
const INDIRECT_FLAT_RATE: Text = Text::new(
    "Välilliset kustannukset (flat rate)",
    "Indirekta kostnader (schablon)",
    "Indirect costs (flat rate)",
);

/// The bases of the flat rates, as the formulas name them.
const OF_DIRECT_COSTS: Text = Text::new("suorat kustannukset", "direkta kostnader", "direct costs");
const OF_STAFF_COSTS: Text =
    Text::new("henkilöstökustannukset", "personalkostnader", "staff costs");
const OF_OTHER_THAN_STAFF: Text = Text::new(
    "muut suorat kustannukset kuin henkilöstökustannukset, osallistujakustannukset mukaan lukien",
    "andra direkta kostnader än personalkostnader, deltagarkostnader inräknade",
    "direct costs other than staff costs, participant costs included",
);

/// The formula of a flat rate, `rate × base (what the base is)`, in each language.
fn flat_rate(rate: Rate, base: Money, of: Text) -> Localised {
    let f = |name: &str| format!("{rate} × {base} ({name})");
    Localised::new(f(of.fi), f(of.sv), f(of.en))
}

/// One line of a budget computation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct BudgetLine {
    /// A stable key: `staff`, `other_costs`, `indirect`, `revenue`, …
    pub key: &'static str,
    /// The label, in Finnish, Swedish and English.
    pub label: Text,
    /// The amount (negative for revenue).
    pub amount: Money,
    /// How the amount was computed, in each language (empty for amounts taken
    /// as given).
    pub formula: Localised,
}

/// An eligible budget computed by a cost model, line by line — *kustannusarvio*.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct BudgetComputation {
    /// The lines, in order.
    pub lines: Vec<BudgetLine>,
    /// The sum of the lines: the eligible total (*hyväksyttävät kustannukset yhteensä*).
    pub eligible_total: Money,
}

impl BudgetComputation {
    fn line(&mut self, key: &'static str, label: Text, amount: Money, formula: Localised) {
        self.lines.push(BudgetLine {
            key,
            label,
            amount,
            formula,
        });
    }

    /// The staff costs as given.
    fn staff_line(&mut self, c: &DirectCosts) {
        self.line("staff", STAFF_COSTS, c.staff, Localised::default());
    }

    fn direct_lines(&mut self, c: &DirectCosts, with_staff: bool) {
        if with_staff {
            self.staff_line(c);
        }
        for (key, label, m) in [
            (
                "purchased_services",
                Text::new("Ostopalvelut", "Köpta tjänster", "Purchased services"),
                c.purchased_services,
            ),
            (
                "travel",
                Text::new("Matkakustannukset", "Resekostnader", "Travel"),
                c.travel,
            ),
            (
                "equipment",
                Text::new(
                    "Kone- ja laitehankinnat",
                    "Maskiner och utrustning",
                    "Equipment",
                ),
                c.equipment,
            ),
            (
                "other",
                Text::new("Muut kustannukset", "Övriga kostnader", "Other costs"),
                c.other,
            ),
            (
                "participant_costs",
                Text::new(
                    "Osallistujien palkat ja korvaukset",
                    "Deltagarnas löner och ersättningar",
                    "Participant salaries and allowances",
                ),
                c.participant_costs,
            ),
        ] {
            if !m.is_zero() {
                self.line(key, label, m, Localised::default());
            }
        }
    }

    /// The amount of a line by key.
    pub fn amount(&self, key: &str) -> Option<Money> {
        self.lines.iter().find(|l| l.key == key).map(|l| l.amount)
    }

    /// The computation as text a human can check, in English.
    pub fn to_text(&self) -> String {
        self.to_text_in(Language::En)
    }

    /// The computation as text a human can check, in `lang`: one line per
    /// item with its amount and, where computed, the formula.
    pub fn to_text_in(&self, lang: Language) -> String {
        let mut t = String::new();
        for l in &self.lines {
            let label = l.label.get(lang);
            let formula = l.formula.get(lang);
            if formula.is_empty() {
                let _ = writeln!(t, "{label:<58} {:>18}", l.amount.to_string());
            } else {
                let _ = writeln!(
                    t,
                    "{label:<58} {:>18}   ({formula} = {})",
                    l.amount.to_string(),
                    l.amount
                );
            }
        }
        let total = lang.pick(
            "Hyväksyttävät kustannukset yhteensä",
            "Stödberättigande kostnader totalt",
            "Eligible total",
        );
        let _ = writeln!(t, "{total:<58} {:>18}", self.eligible_total.to_string());
        t
    }
}

/// The hourly rate of a staff member — *tuntihinta*: the latest documented annual
/// gross employment costs ÷ 1 720 hours, or ÷ a pro-rata of 1 720 hours for part-time
/// staff (CPR 2021/1060 Art 55(2)(a); 1303/2013 Art 68a(2); RULES.md §3.4, §3.7 \[V\]).
///
/// The rate is kept exact; only a cost for a number of hours is rounded, once.
///
/// ```
/// use hanke::cost::HourlyRate;
/// use hanke::Rate;
/// let r = HourlyRate::new("52 460".parse()?, Rate::ONE)?;
/// assert_eq!(r.per_hour_rounded()?.to_string(), "30,50 €");
/// assert_eq!(r.cost_for_hours(100)?.to_string(), "3 050,00 €");
/// assert_eq!(r.max_hours_per_year(), 1720);
/// # Ok::<(), hanke::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawHourlyRate", into = "RawHourlyRate")]
pub struct HourlyRate {
    annual_costs: Money,
    working_time: Rate,
}

/// The JSON form of [`HourlyRate`], checked by [`HourlyRate::new`] on the way
/// in (a zero or negative share of working time is refused from JSON too).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHourlyRate {
    annual_costs: Money,
    working_time: Rate,
}

impl TryFrom<RawHourlyRate> for HourlyRate {
    type Error = MoneyError;
    fn try_from(r: RawHourlyRate) -> Result<HourlyRate, MoneyError> {
        HourlyRate::new(r.annual_costs, r.working_time)
    }
}

impl From<HourlyRate> for RawHourlyRate {
    fn from(r: HourlyRate) -> RawHourlyRate {
        RawHourlyRate {
            annual_costs: r.annual_costs,
            working_time: r.working_time,
        }
    }
}

/// The annual hours of CPR Art 55(2)(a) and 1303/2013 Art 68a(2).
pub const ANNUAL_HOURS: i64 = 1720;

impl HourlyRate {
    /// The rate for annual gross employment costs and a share of full working time
    /// (1 for full-time, 1/2 for half-time). Fails for a zero or negative share.
    pub fn new(annual_costs: Money, working_time: Rate) -> Result<HourlyRate, MoneyError> {
        if working_time.numerator() <= 0 {
            return Err(MoneyError::DivisionByZero);
        }
        Ok(HourlyRate {
            annual_costs,
            working_time,
        })
    }

    /// The hours the rate is computed on: 1 720 × the share of working time, rounded down.
    ///
    /// A share so large that the hours pass `i64::MAX` gives `i64::MAX`.
    pub fn max_hours_per_year(&self) -> i64 {
        // In i128, where 1 720 × any i64 fits; the denominator is positive.
        let hours = i128::from(ANNUAL_HOURS)
            .saturating_mul(i128::from(self.working_time.numerator()))
            .checked_div(i128::from(self.working_time.denominator()))
            .unwrap_or(0);
        i64::try_from(hours).unwrap_or(i64::MAX)
    }

    fn per_hour(&self) -> Result<Rate, MoneyError> {
        // annual / (1720 × num/den) = annual × den / (1720 × num), in cents per hour.
        let num = self
            .annual_costs
            .cents()
            .checked_mul(self.working_time.denominator())
            .ok_or(MoneyError::Overflow)?;
        let den = ANNUAL_HOURS
            .checked_mul(self.working_time.numerator())
            .ok_or(MoneyError::Overflow)?;
        Rate::new(num, den)
    }

    /// Checks the hours declared for one person in one year against the hours the
    /// rate was computed on (`COST-HOURS-001`): they may not exceed them
    /// (1303/2013 Art 68a(3) \[V\]; CPR 2021/1060 Art 55 \[P\], RULES.md §3.4, §3.7).
    ///
    /// ```
    /// use hanke::cost::HourlyRate;
    /// let r = HourlyRate::new("52 460".parse()?, hanke::Rate::ONE)?;
    /// assert!(r.check_declared_hours(1720, "staff[0]").is_none());
    /// assert_eq!(r.check_declared_hours(1721, "staff[0]").unwrap().rule_id, "COST-HOURS-001");
    /// # Ok::<(), hanke::MoneyError>(())
    /// ```
    pub fn check_declared_hours(&self, hours: u32, path: &str) -> Option<crate::finding::Finding> {
        let max = self.max_hours_per_year();
        (i64::from(hours) > max).then(|| {
            crate::finding::Finding::new(
                &crate::finding::rules::HOURS_ABOVE_RATE_BASIS,
                path,
                format!("{hours} hours declared in a year; the hourly rate was computed on {max}"),
                format!(
                    "vuodelle ilmoitettu {hours} tuntia; tuntihinta on laskettu {max} tunnille"
                ),
                format!("{hours} timmar anmälda för ett år; timpriset är beräknat på {max}"),
            )
        })
    }

    /// The hourly rate rounded to the cent, for display.
    pub fn per_hour_rounded(&self) -> Result<Money, MoneyError> {
        Money::from_cents(1).apply_rate(self.per_hour()?)
    }

    /// The cost of `hours` hours, computed from the exact rate and rounded once.
    pub fn cost_for_hours(&self, hours: u32) -> Result<Money, MoneyError> {
        Money::from_cents(i64::from(hours)).apply_rate(self.per_hour()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_hourly_rate_from_json_is_checked_and_a_huge_share_does_not_overflow() {
        // Found by clippy::arithmetic_side_effects: 1 720 × the share's
        // numerator overflowed i64 (a panic in a debug build), and JSON
        // skipped the check of `new`.
        let zero = serde_json::from_str::<HourlyRate>(
            r#"{"annual_costs": "52460.00", "working_time": "0/1"}"#,
        );
        assert!(zero.is_err());
        let huge: HourlyRate = serde_json::from_str(
            r#"{"annual_costs": "52460.00", "working_time": "9223372036854775807/1"}"#,
        )
        .expect("a positive share");
        assert_eq!(huge.max_hours_per_year(), i64::MAX);
        assert!(huge.check_declared_hours(u32::MAX, "staff[0]").is_none());
        assert!(huge.cost_for_hours(1).is_err()); // money.overflow, no panic
    }

    fn eur(n: i64) -> Money {
        Money::from_euros(n).unwrap()
    }

    #[test]
    fn flat_rate_40_of_the_issue() {
        let c = DirectCosts {
            staff: eur(120_000),
            ..DirectCosts::default()
        };
        let b = CostModel::OtherCostsOnStaffCosts {
            rate: Rate::percent(40),
        }
        .compute(&c)
        .unwrap();
        assert_eq!(b.amount("other_costs"), Some(eur(48_000)));
        assert_eq!(b.eligible_total, eur(168_000));
        // Participant allowances come on top of the flat rate.
        let c = DirectCosts {
            participant_costs: eur(10_000),
            ..c
        };
        let b = CostModel::OtherCostsOnStaffCosts {
            rate: Rate::percent(40),
        }
        .compute(&c)
        .unwrap();
        assert_eq!(b.eligible_total, eur(178_000));
    }

    #[test]
    fn finnish_esf_2014_flat_rate_17_on_staff_costs() {
        let c = DirectCosts {
            staff: eur(100_000),
            purchased_services: eur(20_000),
            ..DirectCosts::default()
        };
        let b = CostModel::IndirectOnStaffCosts {
            rate: Rate::percent(17),
        }
        .compute(&c)
        .unwrap();
        assert_eq!(b.amount("indirect"), Some(eur(17_000)));
        assert_eq!(b.eligible_total, eur(137_000));
    }

    #[test]
    fn other_flat_rates_real_costs_lump_sums_and_units() {
        let c = DirectCosts {
            staff: eur(50_000),
            purchased_services: eur(30_000),
            travel: eur(5_000),
            equipment: eur(10_000),
            other: eur(5_000),
            revenue: eur(2_000),
            ..DirectCosts::default()
        };
        let real = CostModel::RealCosts.compute(&c).unwrap();
        assert_eq!(real.eligible_total, eur(98_000));
        // 7 % of 100 000 direct costs.
        let ind = CostModel::IndirectOnDirectCosts {
            rate: Rate::percent(7),
            calculated: false,
        }
        .compute(&c)
        .unwrap();
        assert_eq!(ind.amount("indirect"), Some(eur(7_000)));
        assert_eq!(ind.eligible_total, eur(105_000));
        // 20 % of 50 000 other direct costs replaces the declared staff costs.
        let staff = CostModel::StaffOnOtherDirectCosts {
            rate: Rate::percent(20),
        }
        .compute(&c)
        .unwrap();
        assert_eq!(staff.amount("staff"), Some(eur(10_000)));
        assert_eq!(staff.eligible_total, eur(58_000));
        let lump = CostModel::LumpSum {
            amount: eur(60_000),
        }
        .compute(&c)
        .unwrap();
        assert_eq!(lump.eligible_total, eur(60_000));
        let units = CostModel::UnitCosts {
            unit_amount: Money::from_cents(3_050),
            units: 1_000,
        }
        .compute(&c)
        .unwrap();
        assert_eq!(units.eligible_total, eur(30_500));
    }

    /// Issue 24 item 11: the 20 % staff flat rate is a share of the direct
    /// costs other than staff costs, the participants' allowances included
    /// (Art 55(1); only Art 56(2)'s 40 % model leaves them out). Hand-derived:
    /// other direct costs 50 000 € + participant costs 25 000 € = 75 000 €;
    /// 20 % = 15 000 € of staff costs; eligible 50 000 + 25 000 + 15 000 =
    /// 90 000 € (it was 10 000 € of staff and 85 000 €).
    #[test]
    fn the_staff_flat_rate_base_holds_participant_costs() {
        let c = DirectCosts {
            staff: eur(40_000),
            purchased_services: eur(30_000),
            travel: eur(5_000),
            equipment: eur(10_000),
            other: eur(5_000),
            participant_costs: eur(25_000),
            ..DirectCosts::default()
        };
        let b = CostModel::StaffOnOtherDirectCosts {
            rate: Rate::percent(20),
        }
        .compute(&c)
        .unwrap();
        assert_eq!(b.amount("staff"), Some(eur(15_000)));
        assert_eq!(b.amount("participant_costs"), Some(eur(25_000)));
        assert_eq!(b.eligible_total, eur(90_000));
        // The 40 % model keeps them outside its flat rate, on top of it.
        let forty = CostModel::OtherCostsOnStaffCosts {
            rate: Rate::percent(40),
        }
        .compute(&c)
        .unwrap();
        assert_eq!(forty.amount("other_costs"), Some(eur(16_000)));
        assert_eq!(forty.eligible_total, eur(81_000));
    }

    #[test]
    fn rounding_at_cent_boundaries() {
        // 15 % of 0.10 € = 0.015 € → 0.02 € (half away from zero).
        let c = DirectCosts {
            staff: Money::from_cents(10),
            ..DirectCosts::default()
        };
        let b = CostModel::IndirectOnStaffCosts {
            rate: Rate::percent(15),
        }
        .compute(&c)
        .unwrap();
        assert_eq!(b.amount("indirect"), Some(Money::from_cents(2)));
        // 40 % of 0.01 € = 0.004 € → 0.00 €.
        let c = DirectCosts {
            staff: Money::from_cents(1),
            ..DirectCosts::default()
        };
        let b = CostModel::OtherCostsOnStaffCosts {
            rate: Rate::percent(40),
        }
        .compute(&c)
        .unwrap();
        assert_eq!(b.amount("other_costs"), Some(Money::ZERO));
    }

    #[test]
    fn hourly_rate_of_the_issue_and_part_time() {
        let r = HourlyRate::new(eur(52_460), Rate::ONE).unwrap();
        assert_eq!(r.per_hour_rounded().unwrap(), Money::from_cents(3_050));
        assert_eq!(r.cost_for_hours(1720).unwrap(), eur(52_460));
        // Half-time on 30 000 €: 30 000 / 860 h = 34.883… €/h → 34.88 €.
        let half = HourlyRate::new(eur(30_000), Rate::percent(50)).unwrap();
        assert_eq!(half.max_hours_per_year(), 860);
        assert_eq!(half.per_hour_rounded().unwrap(), Money::from_cents(3_488));
        // The full year's hours give back exactly the annual cost, with no rounding drift.
        assert_eq!(half.cost_for_hours(860).unwrap(), eur(30_000));
        assert!(HourlyRate::new(eur(1), Rate::ZERO).is_err());
    }

    #[test]
    fn json_form_of_cost_models() {
        let m = CostModel::OtherCostsOnStaffCosts {
            rate: Rate::percent(40),
        };
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"other_costs_on_staff_costs","rate":"40%"}"#
        );
        assert_eq!(serde_json::from_str::<CostModel>(&json).unwrap(), m);
    }
}
