//! EURA public data — *EURA-järjestelmän julkiset tiedot*: the public project
//! descriptions of EURA 2014, project pages, and the programme's project list.
//!
//! - [`parse_description`] reads the EURA 2014 public description ("Euroopan
//!   sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus", eura2014.fi/rrtiepa)
//!   into a [`Project`](crate::project::Project); [`render_description`] writes
//!   one back in the same form.
//! - [`parse_project_page`] reads the "Tietoja hankkeesta" layout of project
//!   pages (seed `001_*.txt`).
//! - [`placement`] maps printed priority axes and specific objectives to the
//!   programme catalogue.
//! - [`ProjectList`] imports the EURA 2014 list of funded projects
//!   (rakennerahastot.fi "rahoitetut hankkeet" export) with a row-by-row account,
//!   and rolls it up into [`PortfolioTable`]s.
//!
//! Nothing here fails on a damaged input: what cannot be read becomes a
//! [`Finding`](crate::Finding) with its line, and the rest is read.
//!
//! ```
//! let text = "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n\n1 Hanke\n\n\
//!             Hankekoodi: S22026\n\nHankkeen nimi: TOIMET - toiminnallinen etävalmennus\n";
//! let read = hanke::eura::parse_description(text);
//! assert_eq!(read.project.name, "TOIMET - toiminnallinen etävalmennus");
//! let again = hanke::eura::parse_description(&hanke::eura::render_description(&read.project));
//! assert_eq!(again.project, read.project);
//! ```

mod area;
mod description;
mod page;
pub mod placement;
mod project_list;
mod text;

pub use description::{ParsedDescription, SECTION_TITLES, parse_description, render_description};
pub use page::{ParsedPage, parse_project_page};
pub use project_list::{
    ListImportError, ListImportReport, PortfolioBy, PortfolioRow, PortfolioTable, ProjectList,
    ProjectListRow,
};
