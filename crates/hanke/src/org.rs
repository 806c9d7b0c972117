//! Organisations — *organisaatiot*: implementers, partners and applicants, with
//! their kind, business ID, address and contact persons.
//!
//! ```
//! use hanke::org::{Email, OrganisationKind};
//! let e: Email = "etunimi.sukunimi(at)example.fi".parse()?;
//! assert_eq!(e.as_str(), "etunimi.sukunimi@example.fi");
//! assert_eq!(OrganisationKind::from_label_fi("Säätiö"), OrganisationKind::Foundation);
//! # Ok::<(), hanke::org::EmailError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ids::BusinessId;

/// The kind of an organisation — *organisaatiotyyppi*, with the labels EURA uses.
///
/// Labels hanke does not know are kept as [`OrganisationKind::Other`], never dropped.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OrganisationKind {
    /// *Yliopisto* — university.
    University,
    /// *Ammattikorkeakoulu* — university of applied sciences.
    UniversityOfAppliedSciences,
    /// *Kunta* — municipality.
    Municipality,
    /// *Kuntayhtymä* — joint municipal authority.
    JointMunicipalAuthority,
    /// *Hyvinvointialue* — wellbeing services county (from 2023).
    WellbeingServicesCounty,
    /// *Säätiö* — foundation.
    Foundation,
    /// *Kansalaisjärjestö* — non-governmental organisation (EURA's label for associations).
    NonGovernmentalOrganisation,
    /// *Yhdistys* — registered association.
    Association,
    /// *Seurakunta* — parish.
    Parish,
    /// *Osakeyhtiö* — limited company.
    LimitedCompany,
    /// *Osuuskunta* — cooperative.
    Cooperative,
    /// *Mikroyritys* — micro enterprise.
    MicroEnterprise,
    /// *Valtion viranomainen* — state authority.
    StateAuthority,
    /// *Tutkimuslaitos* — research institute.
    ResearchInstitute,
    /// Any other label, kept as written.
    Other(String),
}

const KIND_LABELS: [(&str, OrganisationKind); 14] = [
    ("Yliopisto", OrganisationKind::University),
    (
        "Ammattikorkeakoulu",
        OrganisationKind::UniversityOfAppliedSciences,
    ),
    ("Kunta", OrganisationKind::Municipality),
    ("Kuntayhtymä", OrganisationKind::JointMunicipalAuthority),
    ("Hyvinvointialue", OrganisationKind::WellbeingServicesCounty),
    ("Säätiö", OrganisationKind::Foundation),
    (
        "Kansalaisjärjestö",
        OrganisationKind::NonGovernmentalOrganisation,
    ),
    ("Yhdistys", OrganisationKind::Association),
    ("Seurakunta", OrganisationKind::Parish),
    ("Osakeyhtiö", OrganisationKind::LimitedCompany),
    ("Osuuskunta", OrganisationKind::Cooperative),
    ("Mikroyritys", OrganisationKind::MicroEnterprise),
    ("Valtion viranomainen", OrganisationKind::StateAuthority),
    ("Tutkimuslaitos", OrganisationKind::ResearchInstitute),
];

impl OrganisationKind {
    /// The Finnish label: `Säätiö`, `Kansalaisjärjestö`, or the text of `Other`.
    pub fn label_fi(&self) -> &str {
        if let OrganisationKind::Other(s) = self {
            return s;
        }
        KIND_LABELS
            .iter()
            .find(|(_, k)| k == self)
            .map(|(l, _)| *l)
            .unwrap_or("")
    }

    /// The kind for a Finnish label (any case); unknown labels become `Other`.
    pub fn from_label_fi(label: &str) -> OrganisationKind {
        let t = label.trim();
        KIND_LABELS
            .iter()
            .find(|(l, _)| l.to_lowercase() == t.to_lowercase())
            .map(|(_, k)| k.clone())
            .unwrap_or_else(|| OrganisationKind::Other(t.to_string()))
    }

    /// Whether the kind is public sector (municipality, joint municipal authority,
    /// wellbeing services county, state authority, university, research institute,
    /// parish); `None` where the kind alone does not tell.
    pub fn is_public(&self) -> Option<bool> {
        use OrganisationKind::*;
        match self {
            Municipality
            | JointMunicipalAuthority
            | WellbeingServicesCounty
            | StateAuthority
            | Parish => Some(true),
            Foundation
            | NonGovernmentalOrganisation
            | Association
            | LimitedCompany
            | Cooperative
            | MicroEnterprise => Some(false),
            University | UniversityOfAppliedSciences | ResearchInstitute | Other(_) => None,
        }
    }
}

impl fmt::Display for OrganisationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_fi())
    }
}

impl Serialize for OrganisationKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.label_fi())
    }
}

impl<'de> Deserialize<'de> for OrganisationKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Ok(OrganisationKind::from_label_fi(&s))
    }
}

/// An e-mail address that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an e-mail address: {input:?}")]
pub struct EmailError {
    input: crate::Echo,
}

error_codes! {
    EmailError {
        EmailError { .. } => "email.invalid": "Not an e-mail address, in any of the forms public pages write them.",
    }
}

/// An e-mail address — *sähköpostiosoite* — normalised from the forms public pages
/// use against harvesting: `name(at)org.fi`, `name(@)org.fi`, `name [at] org.fi`.
/// The domain is lower-cased; the local part is kept as written.
///
/// ```
/// use hanke::org::Email;
/// assert_eq!("etunimi(@)Example.FI".parse::<Email>()?.as_str(), "etunimi@example.fi");
/// assert!("no-at-sign.fi".parse::<Email>().is_err());
/// # Ok::<(), hanke::org::EmailError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// The normalised address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Email {
    type Err = EmailError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let err = || EmailError {
            input: crate::Echo::new(input),
        };
        let mut s = input.trim().to_string();
        for marker in ["(at)", "(@)", "[at]", "[@]", " at "] {
            s = s.replace(marker, "@");
        }
        let s: String = s.split_whitespace().collect();
        let (local, domain) = s.split_once('@').ok_or_else(err)?;
        let ok = !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && s.chars().all(|c| !c.is_control());
        if !ok {
            return Err(err());
        }
        Ok(Email(format!("{local}@{}", domain.to_lowercase())))
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

serde_as_string!(Email);

/// A postal address — *postiosoite*.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Street address (*jakeluosoite*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// Postal code (*postinumero*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Post office (*postitoimipaikka*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_office: Option<String>,
}

/// A contact person — *yhteyshenkilö*. Personal data: bundled fixtures hold
/// placeholders only.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name.
    pub name: String,
    /// Position in the organisation (*asema*), e.g. `Projektipäällikkö`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    /// Phone number as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// An organisation — *organisaatio*: applicant, implementer or partner.
///
/// ```
/// use hanke::org::{Organisation, OrganisationKind};
/// let org = Organisation::new("Tukeva-säätiö sr")
///     .with_kind(OrganisationKind::Foundation)
///     .with_business_id("2211414-8".parse()?);
/// assert_eq!(org.business_id.unwrap().to_string(), "2211414-8");
/// # Ok::<(), hanke::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The official name (*virallinen nimi*).
    pub name: String,
    /// The kind, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OrganisationKind>,
    /// The business ID, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_id: Option<BusinessId>,
    /// The postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// The organisation's phone number as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Contact persons for the project.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub contacts: Vec<Contact>,
}

impl Organisation {
    /// An organisation with only a name.
    pub fn new(name: impl Into<String>) -> Organisation {
        Organisation {
            name: name.into(),
            ..Organisation::default()
        }
    }

    /// The same organisation with a kind.
    pub fn with_kind(mut self, kind: OrganisationKind) -> Organisation {
        self.kind = Some(kind);
        self
    }

    /// The same organisation with a business ID.
    pub fn with_business_id(mut self, id: BusinessId) -> Organisation {
        self.business_id = Some(id);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_in_every_obfuscated_form_of_the_seeds() {
        for (raw, want) in [
            (
                "etunimi.sukunimi(at)example.fi",
                "etunimi.sukunimi@example.fi",
            ),
            ("etunimi(@)karhuseutu.example", "etunimi@karhuseutu.example"),
            ("Etunimi@EXAMPLE.fi", "Etunimi@example.fi"),
            (" etunimi [at] example.fi ", "etunimi@example.fi"),
        ] {
            assert_eq!(raw.parse::<Email>().unwrap().as_str(), want, "{raw}");
        }
        for bad in ["", "@example.fi", "a@b", "a@@b.fi", "a@.fi", "a@fi."] {
            assert_eq!(
                bad.parse::<Email>().unwrap_err().code(),
                "email.invalid",
                "{bad}"
            );
        }
    }

    #[test]
    fn organisation_kinds_keep_unknown_labels() {
        for (label, kind) in KIND_LABELS {
            assert_eq!(OrganisationKind::from_label_fi(label), kind);
            assert_eq!(kind.label_fi(), label);
        }
        let other = OrganisationKind::from_label_fi("Pienyritys");
        assert_eq!(other, OrganisationKind::Other("Pienyritys".into()));
        let json = serde_json::to_string(&other).unwrap();
        assert_eq!(
            serde_json::from_str::<OrganisationKind>(&json).unwrap(),
            other
        );
        assert_eq!(OrganisationKind::Municipality.is_public(), Some(true));
    }
}
