//! The co-financing caps of each period — *osarahoitusasteet*: the maximum EU
//! share of a priority (CPR 2021/1060 Art 112; Reg. 1303/2013 Art 120). The
//! check that applies them to a portfolio is [`crate::cofinancing`].

use serde::Serialize;

use crate::money::Rate;
use crate::programme::{ProgrammePeriod, RegionCategory, Verification};

/// The base a co-financing rate is applied to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CapBasis {
    /// Public eligible expenditure (EU + national public).
    Public,
    /// Total eligible expenditure (public + private).
    Total,
}

/// The maximum EU co-financing rate of a priority — *enimmäisosarahoitusaste*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CoFinancingCap {
    /// The highest EU share allowed.
    pub max_eu_rate: Rate,
    /// What the share is of.
    pub basis: CapBasis,
    /// Where the rate comes from.
    pub source: &'static str,
    /// How far it is verified.
    pub verification: Verification,
}

/// The cap of a priority — the programme's rate where the programme sets one
/// for the priority, else the ceiling of the rules:
///
/// - 2014–2020: 50 % of public expenditure on every priority of
///   2014FI16M2OP001 (EU Cohesion Open Data, ESIF 2014–2020 finance details,
///   verified), except the REACT-EU priority 9: about 169 M€ EU of 295 M€
///   (rakennerahastot.fi REACT-EU page; tem.fi 25.2.2021), so 169/295 ≈ 57.3 %
///   — from rounded figures, partly verified (the programme amendment's
///   financial table has the exact rate). Issue 24 item 8.
/// - 2021–2027: priority 5 (social innovation) 95 % and priority 6 (material
///   deprivation) 90 %, as the Finnish programme sets them (rakennerahastot.fi
///   22.3.2021; Art 112(3) of Reg. 2021/1060 allows higher rates set under the
///   ESF+ Regulation), partly verified; any other priority the Art 112(3)
///   ceiling of its region category (verified). Issue 24 item 7. Applied to
///   public expenditure — whether Finland's decision uses the public or the
///   total base is not verified, and the cap says so.
///
/// ```
/// use hanke::rulebook::cap_for;
/// use hanke::money::Rate;
/// use hanke::programme::ProgrammePeriod;
/// let react = cap_for(ProgrammePeriod::Period2014To2020, 9, None).unwrap();
/// assert_eq!(react.max_eu_rate, Rate::new(169, 295).unwrap());
/// let social_innovation = cap_for(ProgrammePeriod::Period2021To2027, 5, None).unwrap();
/// assert_eq!(social_innovation.max_eu_rate, Rate::percent(95));
/// ```
pub fn cap_for(
    period: ProgrammePeriod,
    priority: u8,
    category: Option<RegionCategory>,
) -> Option<CoFinancingCap> {
    let cap = |max_eu_rate, source, verification| CoFinancingCap {
        max_eu_rate,
        basis: CapBasis::Public,
        source,
        verification,
    };
    match (period, priority) {
        (ProgrammePeriod::Period2014To2020, 9) => Some(cap(
            Rate::new(169, 295).ok()?,
            "REACT-EU priority 9: about 169 M€ EU of 295 M€ (rakennerahastot.fi REACT-EU page; tem.fi 25.2.2021), rounded figures",
            Verification::Partial,
        )),
        (ProgrammePeriod::Period2014To2020, _) => Some(cap(
            Rate::percent(50),
            "2014FI16M2OP001 EU co-financing rate 50 % per priority (EU Cohesion Open Data, ESIF 2014–2020 finance details); RULES.md §4.1",
            Verification::Verified,
        )),
        (ProgrammePeriod::Period2021To2027, 5) => Some(cap(
            Rate::percent(95),
            "programme priority 5 (social innovation) 95 % (rakennerahastot.fi 22.3.2021; higher rate under the ESF+ Regulation, Reg. 2021/1060 Art 112(3)); public basis unverified",
            Verification::Partial,
        )),
        (ProgrammePeriod::Period2021To2027, 6) => Some(cap(
            Rate::percent(90),
            "programme priority 6 (material deprivation) 90 % (rakennerahastot.fi 22.3.2021; higher rate under the ESF+ Regulation, Reg. 2021/1060 Art 112(3)); public basis unverified",
            Verification::Partial,
        )),
        (ProgrammePeriod::Period2021To2027, _) => {
            let pct = match category? {
                RegionCategory::LessDeveloped => 85,
                RegionCategory::TransitionFormerlyLessDeveloped => 70,
                RegionCategory::Transition => 60,
                RegionCategory::MoreDevelopedFormerlyTransition => 50,
                RegionCategory::MoreDeveloped => 40,
            };
            Some(cap(
                Rate::percent(pct),
                "Reg. 2021/1060 Art 112(3) (RULES.md §3.6 [V]); public basis unverified for Finland",
                Verification::Partial,
            ))
        }
        (ProgrammePeriod::Period2007To2013, _) => None,
    }
}
