//! Cluster Compare: side-by-side comparison of China's advanced manufacturing
//! clusters. This package is the top layer: the command line ([`cli`]) and
//! the app shell ([`app`]: state, commands, background tasks, files).
//!
//! The layers below are crates of their own (see `ARCHITECTURE.md`), bottom
//! up: `cc-data` (format, units, loading, validation), `cc-core` (comparison,
//! tables, filters, map counts, tokens, numbers), `cc-deck` (slides) and
//! `cc-export` (sheets and files), `cc-ui` (views). They are re-exported here
//! under their module names, so the shell and its tests name one path each.

pub mod about;
pub mod app;
pub mod cli;
pub mod export;
pub mod words;

pub use cc_core::{
    cite, collate, compact, compare, coverage, filter, format, map, series, table, timeline, tokens,
};
pub use cc_data::{load, model, selection, sheets, synth, units, yours};
pub use cc_deck as deck;
pub use cc_ui as ui;
