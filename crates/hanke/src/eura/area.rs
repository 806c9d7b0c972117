//! Areas as EURA prints them — *maakunnat, seutukunnat, kunnat*: names in lists,
//! sub-regions in the genitive (`Varkauden, Kuopion`, `Imatran seutukunta`).

use crate::classify::{
    MunicipalityCode, RegionCode, RegionalClassification, SubRegion, SubRegionCode,
};

/// The genitive of each sub-region name of Statistics Finland's classification
/// (2020–2026), as EURA prints sub-regions (`Kuopion`, from *Kuopion seutukunta*).
/// Finnish grammar, written out because Finnish genitives do not follow one rule
/// (Varkaus → Varkauden, Lahti → Lahden). For Swedish-named sub-regions the
/// genitive is that of the Finnish name (Jakobstadsregionen → Pietarsaaren).
const GENITIVES: [(&str, &str); 70] = [
    ("Etelä-Pirkanmaa", "Etelä-Pirkanmaan"),
    ("Forssa", "Forssan"),
    ("Haapavesi-Siikalatva", "Haapaveden-Siikalatvan"),
    ("Helsinki", "Helsingin"),
    ("Hämeenlinna", "Hämeenlinnan"),
    ("Imatra", "Imatran"),
    ("Itä-Lappi", "Itä-Lapin"),
    ("Jakobstadsregionen", "Pietarsaaren"),
    ("Joensuu", "Joensuun"),
    ("Joutsa", "Joutsan"),
    ("Jyväskylä", "Jyväskylän"),
    ("Jämsä", "Jämsän"),
    ("Järviseutu", "Järviseudun"),
    ("Kajaani", "Kajaanin"),
    ("Kaustinen", "Kaustisen"),
    ("Kehys-Kainuu", "Kehys-Kainuun"),
    ("Kemi-Tornio", "Kemi-Tornion"),
    ("Keski-Karjala", "Keski-Karjalan"),
    ("Keuruu", "Keuruun"),
    ("Koillis-Savo", "Koillis-Savon"),
    ("Koillismaa", "Koillismaan"),
    ("Kokkola", "Kokkolan"),
    ("Kotka-Hamina", "Kotka-Haminan"),
    ("Kouvola", "Kouvolan"),
    ("Kuopio", "Kuopion"),
    ("Kuusiokunnat", "Kuusiokuntien"),
    ("Kyrönmaa", "Kyrönmaan"),
    ("Lahti", "Lahden"),
    ("Lappeenranta", "Lappeenrannan"),
    ("Loimaa", "Loimaan"),
    ("Lounais-Pirkanmaa", "Lounais-Pirkanmaan"),
    ("Loviisa", "Loviisan"),
    ("Luoteis-Pirkanmaa", "Luoteis-Pirkanmaan"),
    ("Mariehamns stad", "Maarianhaminan"),
    ("Mikkeli", "Mikkelin"),
    ("Nivala-Haapajärvi", "Nivala-Haapajärven"),
    ("Oulu", "Oulun"),
    ("Oulunkaari", "Oulunkaaren"),
    ("Pieksämäki", "Pieksämäen"),
    ("Pielisen Karjala", "Pielisen Karjalan"),
    ("Pohjois-Lappi", "Pohjois-Lapin"),
    ("Pohjois-Satakunta", "Pohjois-Satakunnan"),
    ("Pori", "Porin"),
    ("Porvoo", "Porvoon"),
    ("Raahe", "Raahen"),
    ("Raasepori", "Raaseporin"),
    ("Rauma", "Rauman"),
    ("Riihimäki", "Riihimäen"),
    ("Rovaniemi", "Rovaniemen"),
    ("Saarijärvi-Viitasaari", "Saarijärven-Viitasaaren"),
    ("Salo", "Salon"),
    ("Savonlinna", "Savonlinnan"),
    ("Seinäjoki", "Seinäjoen"),
    ("Sisä-Savo", "Sisä-Savon"),
    ("Suupohja", "Suupohjan"),
    ("Sydösterbotten", "Suupohjan rannikkoseudun"),
    ("Tampere", "Tampereen"),
    ("Torniolaakso", "Torniolaakson"),
    ("Tunturi-Lappi", "Tunturi-Lapin"),
    ("Turku", "Turun"),
    ("Vaasa", "Vaasan"),
    ("Vakka-Suomi", "Vakka-Suomen"),
    ("Varkaus", "Varkauden"),
    ("Ylivieska", "Ylivieskan"),
    ("Ylä-Pirkanmaa", "Ylä-Pirkanmaan"),
    ("Ylä-Savo", "Ylä-Savon"),
    ("Äänekoski", "Äänekosken"),
    ("Åboland-Turunmaa", "Åboland-Turunmaan"),
    ("Ålands landsbygd", "Ahvenanmaan maaseudun"),
    ("Ålands skärgård", "Ahvenanmaan saariston"),
];

fn genitive_of(name_fi: &str) -> Option<&'static str> {
    GENITIVES
        .iter()
        .find(|(n, _)| *n == name_fi)
        .map(|(_, g)| *g)
}

/// The form EURA prints for a sub-region: the genitive, or the name itself where
/// hanke has no genitive for it (the reader accepts both).
pub(crate) fn sub_region_printed(s: &SubRegion) -> String {
    genitive_of(&s.name_fi)
        .map(str::to_string)
        .unwrap_or_else(|| s.name_fi.clone())
}

/// Reads a printed sub-region: `Kuopion`, `Imatran seutukunta`, `Kuopio`,
/// `Kuopion seutukunta`, `Kuopion sk` (any case).
pub(crate) fn sub_region(c: &RegionalClassification, printed: &str) -> Option<SubRegionCode> {
    let t = printed.trim();
    let lower = t.to_lowercase();
    let stem = ["seutukunta", "sk"]
        .iter()
        .find_map(|suffix| {
            lower
                .strip_suffix(suffix)
                .filter(|s| s.ends_with(' '))
                .map(str::trim)
        })
        .unwrap_or(lower.as_str());
    if let Some(s) = c.sub_region_by_name(stem) {
        return Some(s.code);
    }
    c.sub_regions
        .iter()
        .find(|s| genitive_of(&s.name_fi).is_some_and(|g| g.to_lowercase() == stem))
        .map(|s| s.code)
}

/// Reads a printed region (*maakunta*) by its Finnish or Swedish name.
pub(crate) fn region(c: &RegionalClassification, printed: &str) -> Option<RegionCode> {
    c.region_by_name(printed.trim()).map(|r| r.code)
}

/// Reads a printed municipality (*kunta*) by its Finnish or Swedish name.
pub(crate) fn municipality(c: &RegionalClassification, printed: &str) -> Option<MunicipalityCode> {
    c.municipality_by_name(printed.trim()).map(|m| m.code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::regional;

    #[test]
    fn every_sub_region_has_a_genitive() {
        for year in crate::classify::REGIONAL_YEARS {
            let c = regional(year).unwrap();
            for s in &c.sub_regions {
                assert!(genitive_of(&s.name_fi).is_some(), "{year}: {}", s.name_fi);
                assert_eq!(sub_region(c, &sub_region_printed(s)), Some(s.code));
            }
        }
    }

    #[test]
    fn reads_printed_forms() {
        let c = regional(2020).unwrap();
        let kuopio = c.sub_region_by_name("Kuopio").unwrap().code;
        for printed in ["Kuopion", "kuopion seutukunta", "Kuopio", "Kuopion sk"] {
            assert_eq!(sub_region(c, printed), Some(kuopio), "{printed}");
        }
        let imatra = c.sub_region_by_name("Imatra").unwrap().code;
        assert_eq!(sub_region(c, "Imatran seutukunta"), Some(imatra));
        assert_eq!(
            sub_region(c, "Varkauden")
                .map(|s| c.sub_region(s).unwrap().name_fi.clone())
                .as_deref(),
            Some("Varkaus")
        );
        assert_eq!(sub_region(c, "Atlantiksen"), None);
    }
}
