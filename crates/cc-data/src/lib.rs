//! The data layer of Cluster Compare: the format ([`model`]), [`units`],
//! loading and validation of every format version ([`load`]), the one id
//! rule ([`selection`]) and, behind the `synth` feature, synthetic datasets.
//!
//! Nothing here knows about egui, Typst or the command line.

pub mod calendar;
pub mod formula;
pub mod latest;
pub mod load;
pub mod model;
pub mod selection;
pub mod sheets;
#[cfg(feature = "synth")]
pub mod synth;
pub mod units;
pub mod words;
pub mod yours;
