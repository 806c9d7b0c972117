//! Every closed-set word reads its own names back, and every refusal is coded
//! and masked (moved from `hanke_base::choice`, which cannot name the domain).

use hanke::choice::ChoiceError;
use hanke::eura::PortfolioBy;
use hanke::funding::Stage;
use hanke::indicator::Catalogue;
use hanke::lang::Language;
use hanke::programme::{Fund, ProgrammePeriod};

#[test]
fn every_choice_reads_its_own_names_back() {
    for p in [
        ProgrammePeriod::Period2007To2013,
        ProgrammePeriod::Period2014To2020,
        ProgrammePeriod::Period2021To2027,
    ] {
        let (a, b) = p.years();
        assert_eq!(format!("{a}-{b}").parse::<ProgrammePeriod>(), Ok(p));
    }
    for s in Stage::ALL {
        assert_eq!(s.key().parse::<Stage>(), Ok(s));
    }
    for c in Catalogue::ALL {
        assert_eq!(c.code().parse::<Catalogue>(), Ok(c));
    }
    assert_eq!("ESR+".parse::<Fund>(), Ok(Fund::EsfPlus));
}

/// One canonical text per value: `Display` writes what `FromStr` reads back,
/// for every closed set the bindings take as text (issue 25).
#[test]
fn display_is_what_from_str_reads() {
    fn round_trip<T>(values: &[T])
    where
        T: std::fmt::Display + std::str::FromStr + PartialEq + std::fmt::Debug,
        <T as std::str::FromStr>::Err: std::fmt::Debug,
    {
        for v in values {
            assert_eq!(v.to_string().parse::<T>().unwrap(), *v, "{v}");
        }
    }
    round_trip(&[
        ProgrammePeriod::Period2007To2013,
        ProgrammePeriod::Period2014To2020,
        ProgrammePeriod::Period2021To2027,
    ]);
    round_trip(&Stage::ALL);
    round_trip(&Catalogue::ALL);
    round_trip(&Language::ALL);
    round_trip(&PortfolioBy::ALL);
    round_trip(&[Fund::Esf, Fund::EsfPlus, Fund::Erdf, Fund::Jtf]);
    for p in [
        ProgrammePeriod::Period2014To2020,
        ProgrammePeriod::Period2021To2027,
    ] {
        assert_eq!(p.key().parse::<ProgrammePeriod>(), Ok(p));
    }
}

#[test]
fn every_refusal_is_coded_and_masked() {
    let given = "x 010190\u{2013}900P <b>";
    let errors = [
        given.parse::<ProgrammePeriod>().unwrap_err(),
        given.parse::<Stage>().unwrap_err(),
        given.parse::<Fund>().unwrap_err(),
        given.parse::<Catalogue>().unwrap_err(),
        given.parse::<Language>().unwrap_err(),
        given.parse::<PortfolioBy>().unwrap_err(),
    ];
    for e in errors {
        assert!(ChoiceError::CODES.iter().any(|c| c.code == e.code()));
        let m = e.to_string();
        assert!(!m.contains("900P") && !m.contains("<b>"), "{m}");
    }
}
