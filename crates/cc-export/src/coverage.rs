//! The coverage ([`cc_core::coverage::Coverage`]) as a sheet: one row per
//! national cluster, the counts as numbers, each metric's years as text;
//! every text cell neutralised like every CSV this writes.

use super::ExportError;
use super::flat::{self, Flat};
use cc_core::coverage::Coverage;

/// The coverage as CSV (UTF-8 with a byte-order mark).
pub fn csv_bytes(c: &Coverage) -> Result<Vec<u8>, ExportError> {
    let mut rows = vec![c.headers().into_iter().map(Flat::Text).collect::<Vec<_>>()];
    for r in &c.rows {
        let num = |n: usize| Flat::Num(n as f64);
        let year = |y: Option<i32>| y.map_or(Flat::text(""), |y| Flat::Num(y.into()));
        let mut v = vec![
            Flat::text(&r.id),
            Flat::text(&r.name),
            Flat::text(c.whose(r)),
            num(r.metrics),
            num(r.years),
            year(r.first_year),
            year(r.last_year),
            num(r.targets),
            num(r.sources),
        ];
        v.extend(r.cells.iter().map(|k| Flat::Text(k.text())));
        rows.push(v);
    }
    flat::csv_bytes(&rows)
}
