//! One bar chart per metric.

use crate::*;

/// How the user asked bars to be drawn.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct BarStyle {
    /// Largest value first; bars without a length last, in cluster order.
    pub(crate) sort: bool,
    /// The one cluster (by column) drawn in its colour; the others grey.
    pub(crate) highlight: Option<usize>,
}

impl BarStyle {
    /// The colour of cluster `i`'s bar.
    pub(crate) fn color(self, i: usize, colours: &tokens::Colours) -> String {
        match self.highlight {
            Some(h) if h != i => colours.context.hex(),
            _ => colours.series[i % colours.series.len()].hex(),
        }
    }

    /// The order the clusters' bars are drawn in.
    pub(crate) fn order(self, row: &Row) -> Vec<usize> {
        let mut order: Vec<usize> = (0..row.cells.len()).collect();
        if self.sort {
            let key = |i: &usize| {
                row.cells[*i]
                    .as_ref()
                    .filter(|c| c.comparable && c.display_value.is_finite())
                    .map(|c| c.display_value)
            };
            // Stable: equal values and bars without a length keep cluster order.
            order.sort_by(|a, b| match (key(a), key(b)) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
        }
        order
    }
}

pub(crate) fn bars_slide(
    d: &Dataset,
    row: &Row,
    shorts: &[String],
    colours: &tokens::Colours,
    style: BarStyle,
    lang: Lang,
) -> Slide {
    let mut notes = Notes::default();
    let mut cites = Cites::new(d, lang);
    // The row's caveats are marked where the slide names the measure and
    // its years: at the end of the subtitle.
    let caveat_marks: String = row
        .caveats
        .iter()
        .map(|c| notes.mark(c.describe(lang)))
        .collect();
    let ext = extent(row.cells.iter().flatten());
    let mut years = Vec::new();
    let bars = style
        .order(row)
        .into_iter()
        .map(|i| (i, &row.cells[i]))
        .map(|(i, c)| {
            let color = style.color(i, colours);
            match c {
                Some(c) => {
                    cites.add(&c.metric.source.source);
                    if !years.contains(&c.year) {
                        years.push(c.year.clone());
                    }
                    let mut value = cell_text(c, lang);
                    value.push_str(&cell_notes(c, &mut notes, lang));
                    let frac = (c.comparable && c.display_value.is_finite())
                        .then(|| ext.frac(c.display_value))
                        .flatten();
                    let frac_high = frac.and(c.display_high).and_then(|h| ext.frac(h));
                    if !c.comparable {
                        value.push_str(
                            &notes.mark(
                                crate::words::UNIT_OF_ANOTHER_KIND_NO_BAR
                                    .get(lang)
                                    .to_owned(),
                            ),
                        );
                    }
                    Bar {
                        label: shorts[i].clone(),
                        color,
                        frac,
                        frac_high,
                        value,
                        qualifier: qualifier_key(c.metric.qualifier),
                        forecast: c.forecast,
                        detail: c
                            .metric
                            .scope
                            .as_ref()
                            .map(|s| shorten(s.get(lang), 80))
                            .unwrap_or_default(),
                        number: frac.map(|_| c.display_value),
                    }
                }
                None => Bar {
                    label: shorts[i].clone(),
                    color,
                    frac: None,
                    frac_high: None,
                    value: crate::words::NO_FIGURE_IN_THE_SOURCES.get(lang).to_owned(),
                    qualifier: String::new(),
                    forecast: false,
                    detail: String::new(),
                    number: None,
                },
            }
        })
        .collect();
    let sep = crate::words::COMMA.get(lang);
    Slide {
        title: shorten(&row.name, TITLE_CHARS),
        // The definitions, the unit and the years: "主导产业产值 / 集群总产值，万亿元，2023 / 约2021".
        subtitle: {
            let mut scopes: Vec<String> = Vec::new();
            for c in row.cells.iter().flatten() {
                if let Some(sc) = &c.metric.scope {
                    let sc = shorten(sc.get(lang), 40);
                    if !scopes.contains(&sc) {
                        scopes.push(sc);
                    }
                }
            }
            let mut parts = Vec::new();
            if !scopes.is_empty() {
                parts.push(scopes.join(" / "));
            }
            parts.push(row.scale.label.trim().to_owned());
            parts.push(years.join(" / "));
            let mut sub = shorten_words(&parts.join(sep), 160);
            sub.push_str(&caveat_marks);
            sub
        },
        body: Body::Bars {
            bars,
            axis: row.scale.label.trim().to_owned(),
            warning: if row
                .caveats
                .iter()
                .any(|c| matches!(c, cc_core::compare::Caveat::Scopes(_)))
            {
                crate::words::DIFFERENT_DEFINITIONS_EACH_BAR_SHOWS_ITS
                    .get(lang)
                    .to_owned()
            } else {
                String::new()
            },
            zero: ext.zero(),
        },
        notes: notes.finish(),
        overflow: Vec::new(),
        more_notes: None,
        sources: cites.line(),
        cited: cites.ids.clone(),
        kind: None,
    }
}

/// How far a chart's values reach either side of zero.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Extent {
    /// The largest positive value (or high end), 0 if none.
    pub(crate) pos: f64,
    /// The magnitude of the most negative value, 0 if none.
    pub(crate) neg: f64,
}

/// The extent of the comparable, finite values of `cells`.
pub(crate) fn extent<'a>(cells: impl Iterator<Item = &'a Cell>) -> Extent {
    let mut e = Extent { pos: 0.0, neg: 0.0 };
    for c in cells.filter(|c| c.comparable) {
        for v in [Some(c.display_value), c.display_high]
            .into_iter()
            .flatten()
        {
            if v.is_finite() {
                e.pos = e.pos.max(v);
                e.neg = e.neg.max(-v);
            }
        }
    }
    e
}

impl Extent {
    fn span(self) -> f64 {
        self.pos + self.neg
    }

    /// Where zero lies on the track, from its left end (0–1).
    pub(crate) fn zero(self) -> f64 {
        if self.span() > 0.0 {
            (self.neg / self.span()).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// `v` as a signed fraction of the track: negative to the left of zero.
    pub(crate) fn frac(self, v: f64) -> Option<f64> {
        (self.span() > 0.0 && v.is_finite()).then(|| (v / self.span()).clamp(-1.0, 1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_values_lie_left_of_zero_and_keep_their_sign() {
        let e = Extent {
            pos: 50.0,
            neg: 50.0,
        };
        assert_eq!(e.zero(), 0.5);
        assert_eq!(e.frac(-50.0), Some(-0.5));
        assert_eq!(e.frac(50.0), Some(0.5));
        let only_pos = Extent {
            pos: 10.0,
            neg: 0.0,
        };
        assert_eq!(only_pos.zero(), 0.0);
        assert_eq!(only_pos.frac(5.0), Some(0.5));
        assert_eq!(Extent { pos: 0.0, neg: 0.0 }.frac(0.0), None);
    }
}
