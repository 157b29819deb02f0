//! One file per slide kind; each builds its slides from the comparison.

mod bars;
mod context;
mod figures;
mod overview;
mod policies;
mod series;
mod sources;
mod targets;

pub(crate) use bars::*;
pub(crate) use context::*;
pub(crate) use figures::*;
pub(crate) use overview::*;
pub(crate) use policies::*;
pub(crate) use series::*;
pub(crate) use sources::*;
pub(crate) use targets::*;
