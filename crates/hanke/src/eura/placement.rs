//! Priority axes and specific objectives as EURA prints them — *toimintalinja*,
//! *erityistavoite* — matched to the programme catalogue.
//!
//! A printed value is `5. Sosiaalinen osallisuus ja köyhyyden torjunta`,
//! `Toimintalinja 5 (ESR)`, `10.1. Työelämän ulkopuolella olevien työ- ja
//! toimintakyvyn parantaminen` or a bare name. The number decides when there is
//! one; the name is checked against the catalogue and against the variants EURA
//! itself prints, which differ in places from the programme document.

use crate::programme::{Fund, Priority, Programme, ProgrammePeriod, SpecificObjective};

/// Names EURA prints that differ from the catalogue's, each seen on a real
/// public description (eura2014.fi/rrtiepa/projekti.php?projektikoodi=CODE).
/// Matching by number is unaffected; these keep a correct page from being
/// flagged as disagreeing with the catalogue.
const PRINTED_VARIANTS: [(ProgrammePeriod, &str, &str, &str); 3] = [
    // (period, priority number or objective code, printed name, where seen)
    (
        ProgrammePeriod::Period2014To2020,
        "9",
        "REACT-EU:n ESR-toimenpiteet",
        "S22667",
    ),
    (
        ProgrammePeriod::Period2014To2020,
        "9.2",
        "Kasvu- ja rakennemuutosalojen koulutuksen tarjonnan ja laadun parantaminen",
        "S21447",
    ),
    (
        ProgrammePeriod::Period2014To2020,
        "12.4",
        "Yritysten ja yrittäjien muutoskyvykkyyden lisääminen",
        "S22667",
    ),
];

/// How the printed name compares with the catalogue — *nimen vastaavuus*.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NameMatch {
    /// The catalogue's name.
    Catalogue,
    /// A variant EURA prints for the same item.
    PrintedVariant,
    /// Matched by number, but the printed name is another one (kept here).
    Differs(String),
    /// Only a number was printed.
    Absent,
}

/// A catalogue item found from printed text, with how its name compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched<T> {
    /// The catalogue item.
    pub item: T,
    /// How the printed name compared.
    pub name: NameMatch,
}

/// The parts of a printed value: a number (`5`, `10.1`), a name, and the fund
/// named in parentheses (`(ESR)`).
#[derive(Debug, PartialEq, Eq)]
struct Printed<'a> {
    number: Option<&'a str>,
    name: Option<&'a str>,
    fund: Option<Fund>,
}

#[allow(
    clippy::arithmetic_side_effects,
    reason = "indices found in the text itself: below its length"
)]
fn split_printed(text: &str) -> Printed<'_> {
    let mut rest = text.trim();
    for prefix in ["toimintalinja", "tl", "erityistavoite"] {
        if rest
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        {
            let after = rest.get(prefix.len()..).unwrap_or("");
            // Only a prefix when a number follows: "TL5", "Toimintalinja 5".
            if after.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
                rest = after.trim_start();
            }
            break;
        }
    }
    let digits_end = rest
        .char_indices()
        .find(|(i, c)| {
            !(c.is_ascii_digit()
                || (*c == '.'
                    && rest
                        .get(i + 1..)
                        .is_some_and(|r| r.starts_with(|d: char| d.is_ascii_digit()))))
        })
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    let (number, mut name) = match rest.get(..digits_end) {
        Some(n) if !n.is_empty() => (Some(n), rest.get(digits_end..).unwrap_or("")),
        _ => (None, rest),
    };
    name = name.trim_start_matches('.').trim();
    let mut fund = None;
    if let Some(open) = name.rfind('(') {
        if name.ends_with(')') {
            let inner = name.get(open + 1..name.len() - 1).unwrap_or("");
            if let Some(f) = Fund::from_abbreviation(inner.trim()) {
                fund = Some(f);
                name = name.get(..open).unwrap_or("").trim();
            }
        }
    }
    Printed {
        number,
        name: (!name.is_empty()).then_some(name),
        fund,
    }
}

fn compare_name(
    period: ProgrammePeriod,
    key: &str,
    catalogue: &str,
    printed: Option<&str>,
) -> NameMatch {
    let Some(printed) = printed else {
        return NameMatch::Absent;
    };
    let norm = crate::programme::normalise_name;
    if norm(printed) == norm(catalogue) {
        NameMatch::Catalogue
    } else if PRINTED_VARIANTS
        .iter()
        .any(|(p, k, n, _)| *p == period && *k == key && norm(n) == norm(printed))
    {
        NameMatch::PrintedVariant
    } else {
        NameMatch::Differs(printed.to_string())
    }
}

fn variant_key(period: ProgrammePeriod, printed: &str) -> Option<&'static str> {
    let norm = crate::programme::normalise_name;
    PRINTED_VARIANTS
        .iter()
        .find(|(p, _, n, _)| *p == period && norm(n) == norm(printed))
        .map(|(_, k, _, _)| *k)
}

/// The fund a printed priority names in parentheses: `Toimintalinja 5 (ESR)` → ESF.
///
/// ```
/// use hanke::eura::placement::printed_fund;
/// use hanke::programme::Fund;
/// assert_eq!(printed_fund("Toimintalinja 5 (ESR)"), Some(Fund::Esf));
/// assert_eq!(printed_fund("5. Sosiaalinen osallisuus ja köyhyyden torjunta"), None);
/// ```
pub fn printed_fund(text: &str) -> Option<Fund> {
    split_printed(text).fund
}

/// The priority axis a printed text names, by its number or else its name;
/// `None` when the catalogue has no such priority.
///
/// ```
/// use hanke::eura::placement::{priority, NameMatch};
/// use hanke::programme::{programme, ProgrammePeriod};
/// let p = programme(ProgrammePeriod::Period2014To2020).unwrap();
/// let m = priority(p, "5. Sosiaalinen osallisuus ja köyhyyden torjunta").unwrap();
/// assert_eq!((m.item.number, m.name), (5, NameMatch::Catalogue));
/// assert_eq!(priority(p, "Toimintalinja 5 (ESR)").unwrap().item.number, 5);
/// assert!(priority(p, "8. Ei tällaista").is_none());
/// ```
pub fn priority(programme: &Programme, text: &str) -> Option<Matched<&'static Priority>> {
    let printed = split_printed(text);
    let found = match printed.number {
        Some(n) => n.parse::<u8>().ok().and_then(|n| programme.priority(n)),
        None => {
            let name = printed.name?;
            let norm = crate::programme::normalise_name;
            programme
                .priorities
                .iter()
                .find(|p| norm(p.name_fi) == norm(name))
                .or_else(|| {
                    variant_key(programme.period, name)
                        .and_then(|k| k.parse::<u8>().ok())
                        .and_then(|n| programme.priority(n))
                })
        }
    }?;
    let name = compare_name(
        programme.period,
        &found.number.to_string(),
        found.name_fi,
        printed.name,
    );
    Some(Matched { item: found, name })
}

/// The specific objective a printed text names, by its code or else its name;
/// `None` when the catalogue has no such objective.
///
/// ```
/// use hanke::eura::placement::{specific_objective, NameMatch};
/// use hanke::programme::{programme, ProgrammePeriod};
/// let p = programme(ProgrammePeriod::Period2014To2020).unwrap();
/// let m = specific_objective(p, "10.1. Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen").unwrap();
/// assert_eq!((m.item.code, m.name), ("10.1", NameMatch::Catalogue));
/// let by_name = specific_objective(p, "Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen").unwrap();
/// assert_eq!(by_name.item.code, "10.1");
/// assert!(specific_objective(p, "10.3. Tuntematon").is_none());
/// ```
pub fn specific_objective(
    programme: &Programme,
    text: &str,
) -> Option<Matched<&'static SpecificObjective>> {
    let printed = split_printed(text);
    let found = match printed.number {
        // A bare priority-like number ("10") is not an objective code.
        Some(code) if code.contains('.') => programme.specific_objective(code),
        Some(_) => None,
        None => {
            let name = printed.name?;
            programme.specific_objective_by_name(name).or_else(|| {
                variant_key(programme.period, name).and_then(|k| programme.specific_objective(k))
            })
        }
    }?;
    let name = compare_name(programme.period, found.code, found.name_fi, printed.name);
    Some(Matched { item: found, name })
}

/// The printed form of a priority: `5. Sosiaalinen osallisuus ja köyhyyden
/// torjunta`, or the bare number when the catalogue does not know it.
pub(crate) fn render_priority(programme: Option<&Programme>, number: u8) -> String {
    match programme.and_then(|p| p.priority(number)) {
        Some(p) => format!("{}. {}", p.number, p.name_fi),
        None => format!("{number}."),
    }
}

/// The printed form of a specific objective: `10.1. Työelämän ulkopuolella …`.
pub(crate) fn render_specific_objective(programme: Option<&Programme>, code: &str) -> String {
    match programme.and_then(|p| p.specific_objective(code)) {
        Some(so) => format!("{}. {}", so.code, so.name_fi),
        None => format!("{code}."),
    }
}

/// The printed value of a priority or objective that matched nothing, for a
/// finding: its number, if it had one.
pub(crate) fn printed_number(text: &str) -> Option<String> {
    split_printed(text).number.map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programme::programme;

    #[test]
    fn splits_printed_values() {
        assert_eq!(
            split_printed("10.1. Työelämän ulkopuolella"),
            Printed {
                number: Some("10.1"),
                name: Some("Työelämän ulkopuolella"),
                fund: None
            }
        );
        assert_eq!(
            split_printed("Toimintalinja 5 (ESR)"),
            Printed {
                number: Some("5"),
                name: None,
                fund: Some(Fund::Esf)
            }
        );
        assert_eq!(split_printed("TL3").number, Some("3"));
        assert_eq!(split_printed("Tekninen tuki").number, None);
    }

    #[test]
    fn printed_variants_and_differing_names() {
        let p = programme(ProgrammePeriod::Period2014To2020).unwrap();
        let m = priority(p, "9. REACT-EU:n ESR-toimenpiteet").unwrap();
        assert_eq!((m.item.number, m.name), (9, NameMatch::PrintedVariant));
        let m = specific_objective(
            p,
            "12.4. Yritysten ja yrittäjien muutoskyvykkyyden lisääminen",
        )
        .unwrap();
        assert_eq!((m.item.code, m.name), ("12.4", NameMatch::PrintedVariant));
        let m = priority(p, "5. Jotain muuta").unwrap();
        assert_eq!(m.name, NameMatch::Differs("Jotain muuta".into()));
        assert_eq!(
            specific_objective(
                p,
                "Kasvu- ja rakennemuutosalojen koulutuksen tarjonnan ja laadun parantaminen"
            )
            .unwrap()
            .item
            .code,
            "9.2"
        );
        assert!(specific_objective(p, "10").is_none());
        assert!(priority(p, "").is_none());
    }
}
