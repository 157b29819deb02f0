//! Charts (egui_plot): a chosen metric across the compared clusters, firm
//! counts, targets against latest actuals, time series. One grouped-bar helper
//! draws every bar chart, so they all behave alike: no accidental pan or zoom,
//! double-click resets, category labels on the axis, value labels, legend and
//! hover tooltips. Comparability caveats are shown above each chart.

mod bars;
mod over_time;

pub use bars::*;

use egui::Ui;

use super::widgets;
use super::{ViewCtx, theme};
use cc_core::compare::Row;
use cc_data::model::Lang;

/// The chart view with its own state: which metric to chart.
#[derive(Default, serde::Serialize, serde::Deserialize)]
pub struct Charts {
    pub metric: Option<String>,
    /// The Overview as one table, metrics × clusters ([`crate::compact`]),
    /// rather than panels side by side.
    #[serde(default)]
    pub overview_compact: bool,
}

impl Charts {
    pub fn ui(&mut self, ui: &mut Ui, cx: &ViewCtx<'_>) {
        let lang = cx.lang;
        let cmp = cx.comparison;
        if cmp.columns.is_empty() {
            widgets::weak(ui, crate::words::ADD_A_CLUSTER_FIRST.get(lang));
            return;
        }
        if self.metric.as_deref().and_then(|k| cmp.row(k)).is_none() {
            self.metric = cmp.default_chart_key().map(str::to_owned);
        }
        // Metric chooser.
        ui.horizontal(|ui| {
            let label = ui.label(crate::words::METRIC.get(lang));
            let current = self
                .metric
                .as_deref()
                .and_then(|k| cmp.row(k))
                .map_or("—".to_owned(), |r| r.name.clone());
            egui::ComboBox::from_id_salt("chart-metric")
                .selected_text(current)
                .width(260.0)
                .show_ui(ui, |ui| {
                    for r in &cmp.rows {
                        let label = format!("{} ({}/{})", r.name, r.coverage(), cmp.columns.len());
                        ui.selectable_value(&mut self.metric, Some(r.key.clone()), label);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if let Some(row) = self.metric.as_deref().and_then(|k| cmp.row(k)) {
            metric_chart(ui, cx, row, "chart-metric-plot", theme::CHART_HEIGHT);
            over_time(ui, cx, row);
        }
        firm_counts(ui, cx);
        targets_chart(ui, cx);
    }
}

/// Caveats of a row, visible above its chart.
pub fn caveats(ui: &mut Ui, cx: &ViewCtx<'_>, row: &Row) {
    for c in &row.caveats {
        widgets::caveat(ui, &c.describe(cx.lang));
    }
}

/// Bar label: the value, with the difference to the baseline where there is
/// one, or `不可比` / `not comparable` where the definitions differ.
fn bar_label(cx: &ViewCtx<'_>, cell: &cc_core::compare::Cell) -> String {
    match (cell.baseline_diff(cx.lang), cell.not_comparable.as_ref()) {
        (Some(d), _) => format!("{} · {d}", cell.display),
        (None, Some(n)) => format!("{} · {}", cell.display, n.short(cx.lang)),
        (None, None) => cell.display.clone(),
    }
}

fn hover(cx: &ViewCtx<'_>, name: &str, cell: &cc_core::compare::Cell) -> String {
    let src = cx
        .dataset
        .source(&cell.metric.source.source)
        .map_or(String::new(), |s| {
            format!("{} · {}", s.publisher.get(cx.lang), s.date)
        });
    let scope = cell
        .metric
        .scope
        .as_ref()
        .map_or(String::new(), |s| format!("\n{}", s.get(cx.lang)));
    let vs = cell
        .baseline_text(cx.lang)
        .map_or(String::new(), |t| format!("\n{t}"));
    format!(
        "{name}\n{} ({}){scope}{vs}\n{src}\n“{}”",
        cell.written, cell.year, cell.metric.source.quote
    )
}

/// The compared clusters' short names (as the panels and slides name them)
/// for a chart's categories; the bars' hovers give the full names.
fn short_names(cx: &ViewCtx<'_>) -> Vec<String> {
    cx.comparison
        .columns
        .iter()
        .map(|col| {
            cx.dataset
                .cluster(&col.id)
                .map_or_else(|| col.name.clone(), |c| cc_deck::short_name(c, cx.lang))
        })
        .collect()
}

/// A chosen metric across the compared clusters, in the row's common unit.
pub fn metric_chart(ui: &mut Ui, cx: &ViewCtx<'_>, row: &Row, id: &str, height: f32) {
    widgets::section(ui, &format!("{} ({})", row.name, row.scale.label));
    caveats(ui, cx, row);
    let cmp = cx.comparison;
    let categories = short_names(cx);
    let series: Vec<Series> = cmp
        .columns
        .iter()
        .enumerate()
        .map(|(i, col)| {
            let cell = row.cells[i].as_ref().filter(|c| c.comparable);
            Series {
                name: col.name.clone(),
                color: theme::series(ui, i),
                values: (0..cmp.columns.len())
                    .map(|j| {
                        if j == i {
                            cell.map(|c| c.display_value)
                        } else {
                            None
                        }
                    })
                    .collect(),
                labels: (0..cmp.columns.len())
                    .map(|_| cell.map(|c| bar_label(cx, c)).unwrap_or_default())
                    .collect(),
                hovers: (0..cmp.columns.len())
                    .map(|_| cell.map(|c| hover(cx, &col.name, c)).unwrap_or_default())
                    .collect(),
            }
        })
        .collect();
    // Forecasts outlined, ranges with a line to their high end.
    let styles: Vec<SeriesStyle> = (0..cmp.columns.len())
        .map(|i| {
            let cell = row.cells[i].as_ref().filter(|c| c.comparable);
            SeriesStyle {
                outlined: vec![cell.is_some_and(|c| c.forecast); cmp.columns.len()],
                bar_colors: Vec::new(),
                highs: vec![cell.and_then(|c| c.display_high); cmp.columns.len()],
            }
        })
        .collect();
    // Each cluster is its own series (so the legend names it) with one bar, centred.
    grouped_bars_styled(
        ui,
        id,
        &categories,
        &series,
        &styles,
        true,
        row.scale.label,
        Layout::Centred,
        height,
    );
    let missing: Vec<&str> = cmp
        .columns
        .iter()
        .zip(&row.cells)
        .filter(|(_, c)| c.as_ref().is_none_or(|c| !c.comparable))
        .map(|(col, _)| col.name.as_str())
        .collect();
    if !missing.is_empty() {
        widgets::weak(
            ui,
            format!(
                "{}{}",
                crate::words::NO_FIGURE_FOR.get(cx.lang),
                missing.join(crate::words::LIST_COMMA.get(cx.lang))
            ),
        );
    }
}

/// Firm counts: all firms and listed firms, per cluster.
pub fn firm_counts(ui: &mut Ui, cx: &ViewCtx<'_>) {
    let lang = cx.lang;
    let cmp = cx.comparison;
    let rows: Vec<&Row> = cmp
        .rows
        .iter()
        // Headline firm counts only: other figures in 家 (e.g. SMEs served) are not the cluster's size.
        .filter(|r| {
            r.headline && r.dimension == cc_data::units::Dimension::Firms && r.coverage() > 0
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    widgets::section(ui, crate::words::FIRM_COUNTS.get(lang));
    for r in &rows {
        for c in &r.caveats {
            widgets::caveat(ui, &format!("{}: {}", r.name, c.describe(lang)));
        }
    }
    let categories = short_names(cx);
    // Colours mean clusters: every bar takes its cluster's colour, and the
    // metrics differ by pattern (the first solid, the others outlined),
    // explained in a caption instead of a legend of colours.
    let cluster_colors: Vec<_> = (0..cmp.columns.len())
        .map(|i| theme::series(ui, i))
        .collect();
    let styles: Vec<SeriesStyle> = rows
        .iter()
        .enumerate()
        .map(|(k, r)| SeriesStyle {
            outlined: r
                .cells
                .iter()
                .map(|c| k > 0 || c.as_ref().is_some_and(|c| c.forecast))
                .collect(),
            bar_colors: cluster_colors.clone(),
            highs: r
                .cells
                .iter()
                .map(|c| {
                    let c = c.as_ref().filter(|c| c.comparable)?;
                    Some(c.display_high? * r.scale.factor)
                })
                .collect(),
        })
        .collect();
    let key: Vec<String> = rows
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let pattern = match (k, lang) {
                (0, Lang::Zh) => "实心柱",
                (0, Lang::En) => "solid bars",
                (_, Lang::Zh) => "空心柱",
                (_, Lang::En) => "outlined bars",
            };
            format!("{pattern}{}{}", crate::i18n::colon(lang), r.name)
        })
        .collect();
    widgets::weak(ui, key.join(crate::words::SEMICOLON.get(lang)));
    let series: Vec<Series> = rows
        .iter()
        .map(|r| Series {
            name: r.name.clone(),
            color: theme::of(ui).text_weak,
            values: r
                .cells
                .iter()
                .map(|c| {
                    c.as_ref()
                        .filter(|c| c.comparable)
                        .map(|c| c.quantity.base())
                })
                .collect(),
            labels: r
                .cells
                .iter()
                .map(|c| c.as_ref().map(|c| c.display.clone()).unwrap_or_default())
                .collect(),
            hovers: r
                .cells
                .iter()
                .zip(&cmp.columns)
                .map(|(c, col)| {
                    c.as_ref()
                        .map(|c| hover(cx, &format!("{} · {}", col.name, r.name), c))
                        .unwrap_or_default()
                })
                .collect(),
        })
        .collect();
    grouped_bars_styled(
        ui,
        "chart-firms",
        &categories,
        &series,
        &styles,
        false,
        crate::words::FIRMS.get(lang),
        Layout::Grouped,
        theme::CHART_HEIGHT,
    );
}

/// Targets against latest actuals, as progress on one percentage axis (so
/// targets of different units never share a value axis).
pub fn targets_chart(ui: &mut Ui, cx: &ViewCtx<'_>) {
    let lang = cx.lang;
    let cmp = cx.comparison;
    let mut categories = Vec::new();
    let mut values = Vec::new();
    let mut labels = Vec::new();
    let mut hovers = Vec::new();
    let mut scope_notes = Vec::new();
    let shorts = short_names(cx);
    for (col, short) in cmp.columns.iter().zip(&shorts) {
        for t in &col.targets {
            let (Some(f), Some(a)) = (t.fraction, &t.actual) else {
                continue;
            };
            categories.push(format!("{short} · {}", t.name));
            values.push(Some(f * 100.0));
            labels.push(format!(
                "{} → {} ({})",
                a.written,
                t.display,
                t.progress_text(lang).unwrap_or_default()
            ));
            hovers.push(format!(
                "{} · {}\n{} {} ({})\n{} {} ({})\n{}",
                col.name,
                t.name,
                crate::words::ACTUAL.get(lang),
                a.written,
                a.year,
                crate::words::TARGET.get(lang),
                t.display,
                t.year.map_or("—".into(), |y| y.to_string()),
                t.scope_note.clone().unwrap_or_default()
            ));
            if let Some(s) = &t.scope_note {
                scope_notes.push(format!("{} · {}: {s}", col.name, t.name));
            }
        }
    }
    if categories.is_empty() {
        return;
    }
    widgets::section(
        ui,
        crate::words::TARGETS_AGAINST_LATEST_ACTUALS_PROGRESS.get(lang),
    );
    if !scope_notes.is_empty() {
        widgets::caveat(
            ui,
            crate::words::TARGETS_AND_ACTUALS_DIFFER_IN_SCOPE.get(lang),
        );
    }
    let n = categories.len();
    let series = vec![Series {
        name: crate::words::PROGRESS.get(lang).to_owned(),
        color: theme::of(ui).accent,
        values,
        labels,
        hovers,
    }];
    grouped_bars(
        ui,
        "chart-targets",
        &categories,
        &series,
        "%",
        Layout::Horizontal,
        (60.0 + 34.0 * n as f32).min(theme::CHART_HEIGHT * 1.5),
    );
}

pub use over_time::{lines_for_plot, over_time};
