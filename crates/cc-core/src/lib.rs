//! The core of Cluster Compare: the comparison model ([`compare`]), the
//! all-cluster [`table`], the picker's [`filter`]s, the [`map`]'s counts,
//! the design [`tokens`], and the one home of numbers ([`format`]).
//!
//! Plain data in, plain data out: no egui, no Typst, no I/O.

pub mod cite;
pub mod collate;
pub mod compact;
pub mod compare;
pub mod coverage;
pub mod filter;
pub mod format;
pub mod map;
pub mod series;
pub mod table;
pub mod timeline;
pub mod tokens;
pub mod words;
