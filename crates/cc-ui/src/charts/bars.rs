//! The one grouped-bar helper every bar chart is drawn with.

use egui::{Align2, Color32, RichText, Ui};
use egui_plot::{
    AxisHints, Bar, BarChart, Corner, GridMark, Legend, Line, Plot, PlotPoint, PlotPoints, Text,
};

use crate::theme;

/// One series of a grouped bar chart: a value per category.
pub struct Series {
    pub name: String,
    pub color: Color32,
    pub values: Vec<Option<f64>>,
    /// Label drawn at the end of each bar.
    pub labels: Vec<String>,
    /// Hover text of each bar.
    pub hovers: Vec<String>,
}

/// How a series' bars are drawn beyond its colour: per bar, outlined
/// (a forecast, or the second metric of a two-metric chart), a colour of its
/// own (the cluster's, where one series spans clusters), and the high end of
/// a range drawn as a line above the bar.
#[derive(Clone, Debug, Default)]
pub struct SeriesStyle {
    pub outlined: Vec<bool>,
    pub bar_colors: Vec<Color32>,
    pub highs: Vec<Option<f64>>,
}

/// How bars are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Vertical bars, one group per category, one bar per series side by side.
    Grouped,
    /// Vertical bars, each series holding one category's bar, centred in it.
    Centred,
    /// Horizontal bars, one series, categories on the vertical axis.
    Horizontal,
}

/// Shortens `s` to about `max_em` em (CJK characters one em, others ~0.6 em),
/// ending in `…`, so an axis label fits its slot instead of being dropped.
pub fn fit_label(s: &str, max_em: f32) -> String {
    let em = |c: char| if (c as u32) >= 0x2E80 { 1.0 } else { 0.62 };
    if s.chars().map(em).sum::<f32>() <= max_em {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 1.0; // room for the ellipsis
    for c in s.chars() {
        used += em(c);
        if used > max_em {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Grouped bars: one group per category, one bar per series.
pub fn grouped_bars(
    ui: &mut Ui,
    id: &str,
    categories: &[String],
    series: &[Series],
    axis_label: &str,
    layout: Layout,
    height: f32,
) {
    grouped_bars_styled(
        ui,
        id,
        categories,
        series,
        &[],
        true,
        axis_label,
        layout,
        height,
    );
}

/// [`grouped_bars`] with a [`SeriesStyle`] per series (missing ones plain)
/// and the legend optional (off where a caption explains the bar styles).
#[allow(clippy::too_many_arguments)]
pub fn grouped_bars_styled(
    ui: &mut Ui,
    id: &str,
    categories: &[String],
    series: &[Series],
    styles: &[SeriesStyle],
    legend: bool,
    axis_label: &str,
    layout: Layout,
    height: f32,
) {
    let horizontal = layout == Layout::Horizontal;
    let n = categories.len().max(1);
    let k = if layout == Layout::Centred {
        1
    } else {
        series.len().max(1)
    };
    let width = 0.8 / k as f64;
    // Vertical charts: each category label gets its slot's width.
    let slot_em = (0.85 * (ui.available_width() - 90.0) / n as f32 / theme::SIZE_BODY).max(3.0);
    let cats: Vec<String> = if horizontal {
        categories.to_vec()
    } else {
        categories.iter().map(|c| fit_label(c, slot_em)).collect()
    };
    let category_axis = move |mark: GridMark, _r: &std::ops::RangeInclusive<f64>| {
        let i = mark.value.round();
        if (mark.value - i).abs() > 1e-6 || i < 0.0 {
            return String::new();
        }
        cats.get(i as usize).cloned().unwrap_or_default()
    };
    let marks = move |_input: egui_plot::GridInput| {
        (0..n)
            .map(|i| GridMark {
                value: i as f64,
                step_size: 1.0,
            })
            .collect::<Vec<_>>()
    };
    let (min, max) = value_range(series, styles);
    let text_color = theme::of(ui).text;
    // Category labels in full strength whenever they fit (egui_plot fades ticks by spacing).
    let category_hints = |axis: AxisHints<'static>, f| {
        axis.formatter(f)
            .label_spacing(2.0..=4.0)
            .tick_label_color(text_color)
    };
    let mut plot = Plot::new(id)
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(true)
        // Value grid lines only: lines along the category axis would cut through bars.
        .show_grid([horizontal, !horizontal])
        .show_x(false)
        .show_y(false);
    // Grouped bars need a legend for their series; elsewhere the axis names each bar.
    if layout == Layout::Grouped && legend {
        plot = plot.legend(Legend::default().position(Corner::RightTop));
    }
    if horizontal {
        let longest = categories
            .iter()
            .map(|c| c.chars().count())
            .max()
            .unwrap_or(4) as f32;
        plot = plot
            .custom_y_axes(vec![
                category_hints(AxisHints::new_y(), category_axis)
                    .min_thickness((longest * theme::SIZE_BODY + 12.0).clamp(60.0, 320.0)),
            ])
            .y_grid_spacer(marks)
            .x_axis_formatter(value_mark)
            .x_axis_label(axis_label.to_owned())
            .include_x(min * 1.18)
            .include_x(max * 1.18)
            .include_y(-0.6)
            .include_y(n as f64 - 0.4);
    } else {
        plot = plot
            .custom_x_axes(vec![category_hints(AxisHints::new_x(), category_axis)])
            .x_grid_spacer(marks)
            .y_axis_formatter(value_mark)
            .y_axis_label(axis_label.to_owned())
            .include_y(min * 1.15)
            .include_y(max * 1.15)
            .include_x(-0.6)
            .include_x(n as f64 - 0.4);
    }
    plot.show(ui, |plot_ui| {
        // Negative values run the other way from a zero line.
        if min < 0.0 {
            if horizontal {
                plot_ui.vline(egui_plot::VLine::new("", 0.0).color(text_color).width(1.0));
            } else {
                plot_ui.hline(egui_plot::HLine::new("", 0.0).color(text_color).width(1.0));
            }
        }
        for (si, s) in series.iter().enumerate() {
            let slot = if layout == Layout::Centred { 0 } else { si };
            let offset = (slot as f64 - (k as f64 - 1.0) / 2.0) * width;
            let bars: Vec<Bar> = s
                .values
                .iter()
                .enumerate()
                .filter_map(|(ci, v)| {
                    let v = (*v)?;
                    let style = styles.get(si);
                    let color = style
                        .and_then(|st| st.bar_colors.get(ci))
                        .copied()
                        .unwrap_or(s.color);
                    let outlined = style
                        .and_then(|st| st.outlined.get(ci))
                        .copied()
                        .unwrap_or(false);
                    let mut b = Bar::new(ci as f64 + offset, v)
                        .width(width * 0.92)
                        .name(s.hovers.get(ci).cloned().unwrap_or_default());
                    b = if outlined {
                        b.fill(theme::outline_fill(color))
                            .stroke(egui::Stroke::new(theme::OUTLINE_WIDTH, color))
                    } else {
                        b.fill(color)
                    };
                    b = if horizontal {
                        b.horizontal()
                    } else {
                        b.vertical()
                    };
                    Some(b)
                })
                .collect();
            let mut chart = BarChart::new(s.name.clone(), bars)
                .color(s.color)
                .element_formatter(Box::new(|bar, _| bar.name.clone()));
            chart = if horizontal {
                chart.horizontal()
            } else {
                chart.vertical()
            };
            plot_ui.bar_chart(chart);
            // Ranges: a line from the bar's top (the low end) to the high end.
            if let Some(st) = styles.get(si) {
                for (ci, (v, high)) in s.values.iter().zip(&st.highs).enumerate() {
                    let (Some(v), Some(h)) = (v, high) else {
                        continue;
                    };
                    let arg = ci as f64 + offset;
                    let color = st.bar_colors.get(ci).copied().unwrap_or(s.color);
                    let pts: PlotPoints<'_> = if horizontal {
                        vec![[*v, arg], [*h, arg]].into()
                    } else {
                        vec![[arg, *v], [arg, *h]].into()
                    };
                    plot_ui.line(Line::new("", pts).color(color).width(3.0));
                }
            }
            for (ci, v) in s.values.iter().enumerate() {
                let (Some(v), Some(label)) = (v, s.labels.get(ci)) else {
                    continue;
                };
                let arg = ci as f64 + offset;
                let anchor = label_anchor(*v, horizontal);
                let pos = if horizontal {
                    PlotPoint::new(*v, arg)
                } else {
                    PlotPoint::new(arg, *v)
                };
                plot_ui.text(
                    Text::new("", pos, RichText::new(format!(" {label} ")).small())
                        .color(text_color)
                        .anchor(anchor),
                );
            }
        }
    });
}

/// A value axis mark as the figures are written: `20,000`, `0.5`.
fn value_mark(mark: egui_plot::GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    cc_core::format::number(mark.value, cc_data::model::Lang::En)
}

/// The lowest (at most 0) and highest (at least 0) value a bar chart
/// draws, high ends of ranges included: bars start at zero and run either way.
pub fn value_range(series: &[Series], styles: &[SeriesStyle]) -> (f64, f64) {
    series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .chain(styles.iter().flat_map(|st| st.highs.iter().flatten()))
        .filter(|v| v.is_finite())
        .fold((0.0f64, 0.0f64), |(lo, hi), &v| (lo.min(v), hi.max(v)))
}

/// Where a value label sits: beyond the end of its bar, which for a
/// negative value is on the other side of zero.
pub fn label_anchor(v: f64, horizontal: bool) -> Align2 {
    match (horizontal, v < 0.0) {
        (true, false) => Align2::LEFT_CENTER,
        (true, true) => Align2::RIGHT_CENTER,
        (false, false) => Align2::CENTER_BOTTOM,
        (false, true) => Align2::CENTER_TOP,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_values_run_left_of_zero_with_their_label_beyond_the_end() {
        let s = Series {
            name: "x".into(),
            color: Color32::RED,
            values: vec![Some(-50.0), Some(50.0), None],
            labels: Vec::new(),
            hovers: Vec::new(),
        };
        assert_eq!(value_range(std::slice::from_ref(&s), &[]), (-50.0, 50.0));
        let pos = Series {
            values: vec![Some(3.0)],
            ..s
        };
        assert_eq!(value_range(&[pos], &[]), (0.0, 3.0));
        assert_eq!(label_anchor(-50.0, true), Align2::RIGHT_CENTER);
        assert_eq!(label_anchor(50.0, true), Align2::LEFT_CENTER);
        assert_eq!(label_anchor(-1.0, false), Align2::CENTER_TOP);
    }

    #[test]
    fn labels_are_shortened_to_their_slot() {
        assert_eq!(
            fit_label("深圳先进电池材料集群", 20.0),
            "深圳先进电池材料集群"
        );
        assert_eq!(fit_label("深圳先进电池材料集群", 5.0), "深圳先进…");
        let en = fit_label("Shenzhen advanced battery materials cluster", 10.0);
        assert!(en.ends_with('…') && en.starts_with("Shenzhen"), "{en}");
    }
}
