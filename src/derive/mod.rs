//! The derived layer: figures and selections computed from a valid feed, never stored in it.
//!
//! [`summary`] is the headline the element, `summarise()` and the command line all give;
//! [`relations`] says which actions answer which findings; [`changes`] what moved since a date;
//! [`filter`] is the reader's filter state, its URL form and the index that answers it. Both
//! read the model only, and produce data (no markup), so the widget, the static page and the
//! command line share one answer.

pub mod changes;
pub mod filter;
pub mod relations;
pub mod summary;
