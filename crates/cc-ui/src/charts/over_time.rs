//! The chosen metric over the years (egui_plot): one line per compared
//! cluster and definition ([`cc_core::timeline`]), a marker per figure with
//! the figure as written on hover, a bound as an open marker with its
//! direction in the label, a forecast or a target as a dashed segment from
//! the latest actual figure to its year. Figures of different definitions
//! never share a line; the legend names the definition.

use egui::{Color32, Ui};
use egui_plot::{
    Corner, HoverPosition, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points,
};

use crate::widgets;
use crate::{ViewCtx, theme};
use cc_core::compare::Row;
use cc_core::timeline::{self, Lines, Projected};

/// What the plot draws for one line: plain data, built by [`lines_for_plot`].
#[derive(Clone, Debug, PartialEq)]
pub struct PlotLine {
    /// The legend entry: `cluster · definition` (every item of the line shares it).
    pub name: String,
    pub color: Color32,
    /// One shape per definition of a cluster.
    pub shape: MarkerShape,
    /// The actual figures joined, oldest first: `[year, value]`.
    pub line: Vec<[f64; 2]>,
    /// Exact (or approximate) figures: filled markers.
    pub filled: Vec<[f64; 2]>,
    /// Bounds: open markers.
    pub hollow: Vec<[f64; 2]>,
    /// Dashed segments from the latest actual figure to a forecast or target.
    pub dashed: Vec<[[f64; 2]; 2]>,
    /// Where the dashed segments end: targets and forecasts.
    pub projected: Vec<[f64; 2]>,
}

const SHAPES: [MarkerShape; 4] = [
    MarkerShape::Circle,
    MarkerShape::Square,
    MarkerShape::Diamond,
    MarkerShape::Asterisk,
];

/// The plot's items for `lines`, coloured by cluster from the palette.
pub fn lines_for_plot(lines: &Lines, dark: bool) -> Vec<PlotLine> {
    let colours = &theme::palette(dark).series;
    lines
        .lines
        .iter()
        .map(|l| {
            let at = |year: i32, value: f64| [f64::from(year), value];
            let (hollow, filled): (Vec<_>, Vec<_>) =
                l.marks.iter().partition(|m| m.bound.is_some());
            PlotLine {
                name: l.name.clone(),
                color: colours[l.column % colours.len()],
                shape: SHAPES[l.variant % SHAPES.len()],
                line: l.marks.iter().map(|m| at(m.year, m.value)).collect(),
                filled: filled.iter().map(|m| at(m.year, m.value)).collect(),
                hollow: hollow.iter().map(|m| at(m.year, m.value)).collect(),
                dashed: l
                    .projections
                    .iter()
                    .map(|p| [at(p.from.0, p.from.1), at(p.to.year, p.to.value)])
                    .collect(),
                projected: l
                    .projections
                    .iter()
                    .map(|p| at(p.to.year, p.to.value))
                    .collect(),
            }
        })
        .collect()
}

/// The chosen metric over the years, for the compared clusters with two or
/// more years of one definition.
pub fn over_time(ui: &mut Ui, cx: &ViewCtx<'_>, row: &Row) {
    let lang = cx.lang;
    widgets::section(
        ui,
        &format!("{} · {}", row.name, crate::words::OVER_THE_YEARS.get(lang)),
    );
    let lines = timeline::lines(cx.dataset, cx.comparison, &row.key);
    let Some(lines) = lines.filter(|l| !l.lines.is_empty()) else {
        widgets::weak(
            ui,
            crate::words::NO_COMPARED_CLUSTER_HAS_THIS_FIGURE.get(lang),
        );
        return;
    };
    let dark = ui.visuals().dark_mode;
    let items = lines_for_plot(&lines, dark);
    let (first, last) = lines.years().unwrap_or((2020, 2025));
    let labels = &lines;
    Plot::new("chart-series")
        .height(theme::CHART_HEIGHT * 0.8)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .legend(Legend::default().position(Corner::LeftTop))
        .y_axis_label(lines.unit.to_owned())
        .x_axis_formatter(|m, _| {
            if m.value.fract().abs() < 1e-9 {
                format!("{}", m.value as i64)
            } else {
                String::new()
            }
        })
        .label_formatter(move |pos| match pos {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => labels
                .label_at(plot_name, position.x, position.y)
                .map(|l| format!("{plot_name}\n{l}")),
            HoverPosition::Elsewhere { .. } => None,
        })
        .include_y(0.0)
        .include_x(f64::from(first) - 0.5)
        .include_x(f64::from(last) + 0.5)
        .show(ui, |plot_ui| {
            for p in &items {
                plot_ui.line(
                    Line::new(p.name.clone(), PlotPoints::from(p.line.clone()))
                        .color(p.color)
                        .width(2.5),
                );
                for seg in &p.dashed {
                    plot_ui.line(
                        Line::new(p.name.clone(), PlotPoints::from(seg.to_vec()))
                            .color(p.color)
                            .width(1.8)
                            .style(LineStyle::dashed_loose()),
                    );
                }
                let points = |pts: &[[f64; 2]], filled: bool| {
                    Points::new(p.name.clone(), PlotPoints::from(pts.to_vec()))
                        .color(p.color)
                        .shape(p.shape)
                        .filled(filled)
                        .radius(if filled { 4.5 } else { 5.5 })
                };
                plot_ui.points(points(&p.filled, true));
                plot_ui.points(points(&p.hollow, false));
                plot_ui.points(points(&p.projected, false).shape(MarkerShape::Cross));
            }
        });
    // What the marks mean, then the growth of each line.
    let bounds = lines
        .lines
        .iter()
        .any(|l| l.marks.iter().any(|m| m.bound.is_some()));
    let projected = |k: Projected| {
        lines
            .lines
            .iter()
            .any(|l| l.projections.iter().any(|p| p.kind == k))
    };
    let mut key = Vec::new();
    if bounds {
        key.push(crate::words::OPEN_MARKERS_ARE_BOUNDS_MORE_THAN.get(lang));
    }
    if projected(Projected::Forecast) || projected(Projected::Target) {
        key.push(crate::words::DASHED_LINES_LEAD_TO_A_FORECAST.get(lang));
    }
    if !key.is_empty() {
        widgets::weak(ui, key.join(crate::words::SEMICOLON.get(lang)));
    }
    for l in &lines.lines {
        if let Some(g) = &l.growth {
            widgets::weak(
                ui,
                format!(
                    "{}{}{}{g}",
                    l.name,
                    crate::i18n::colon(lang),
                    crate::words::AVERAGE_GROWTH.get(lang)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cc_core::timeline::{Direction, Line as TLine, Mark, Projection};

    fn mark(year: i32, value: f64, bound: Option<Direction>) -> Mark {
        Mark {
            year,
            value,
            label: format!("{value} ({year})"),
            bound,
        }
    }

    #[test]
    fn a_line_feeds_its_marks_bounds_and_projections_to_the_plot() {
        let lines = Lines {
            key: "output_value".into(),
            unit: "亿元",
            lines: vec![TLine {
                column: 1,
                variant: 1,
                definition: "d".into(),
                name: "A · d".into(),
                marks: vec![
                    mark(2021, 1.0, None),
                    mark(2022, 2.0, Some(Direction::Above)),
                    mark(2023, 3.0, None),
                ],
                projections: vec![Projection {
                    kind: Projected::Target,
                    from: (2023, 3.0),
                    to: mark(2025, 5.0, None),
                }],
                growth: None,
            }],
        };
        let p = &lines_for_plot(&lines, false)[0];
        assert_eq!(p.line, [[2021.0, 1.0], [2022.0, 2.0], [2023.0, 3.0]]);
        assert_eq!(p.hollow, [[2022.0, 2.0]]);
        assert_eq!(p.filled, [[2021.0, 1.0], [2023.0, 3.0]]);
        assert_eq!(p.dashed, [[[2023.0, 3.0], [2025.0, 5.0]]]);
        assert_eq!(p.color, theme::palette(false).series[1]);
        assert_eq!(p.shape, MarkerShape::Square);
    }
}
