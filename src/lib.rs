//! Cluster Compare: side-by-side comparison of China's advanced manufacturing
//! clusters. The library holds everything; `main.rs` only parses arguments.
//!
//! Layers, bottom up: [`model`] and [`units`] (plain data), [`format`] (the one
//! place numbers are written), [`load`] (bytes to a validated dataset),
//! [`compare`] (the comparison model), then [`export`] and [`ui`], which both
//! build on [`compare`].

pub mod cli;
pub mod compare;
pub mod deck;
pub mod export;
pub mod filter;
pub mod format;
pub mod load;
pub mod map;
pub mod model;
pub mod selection;
pub mod synth;
pub mod table;
pub mod tokens;
pub mod ui;
pub mod units;
pub mod validate_v2;
