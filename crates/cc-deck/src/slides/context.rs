//! National context: the map and the competition winners.

use crate::*;

/// The map of national clusters by province.
pub(crate) fn map_slide(d: &Dataset, dark: bool, lang: Lang) -> Slide {
    use cc_core::map::{self, Mode};
    let m = map::map_data(d, Mode::National, lang);
    let ramp = tokens::map_ramp(dark);
    let colours = tokens::colours(dark);
    let fill = |shade: Option<usize>| match shade {
        None => ramp.no_data,
        Some(0) => ramp.zero,
        Some(s) => ramp.steps[(s - 1).min(4)],
    };
    // Light text on the strongest colours of the light ramp, dark text on
    // the strongest of the dark ramp.
    let ink = |shade: Option<usize>| match (shade.is_some_and(|s| s >= 4), dark) {
        (true, false) => tokens::Rgb(0xff, 0xff, 0xff),
        (true, true) => tokens::Rgb(0x10, 0x14, 0x18),
        _ => colours.text,
    };
    let mut cites = Cites::new(d, lang);
    for c in d.clusters.iter().filter(|c| map::counts_as_national(c)) {
        if let Some(x) = &c.designation {
            cites.add(&x.source.source);
        }
    }
    let mut legend: Vec<Swatch> = m
        .steps
        .iter()
        .enumerate()
        .map(|(i, st)| {
            let shade = if i == 0 {
                0
            } else {
                1 + map::ramp_index(i, m.steps.len() - 1)
            };
            Swatch {
                text: st.label(),
                color: fill(Some(shade)).hex(),
                detail: String::new(),
            }
        })
        .collect();
    legend.push(Swatch {
        text: crate::words::NO_DATA.get(lang).to_owned(),
        color: ramp.no_data.hex(),
        detail: String::new(),
    });
    let mut notes = Notes::default();
    let spanning: Vec<String> = d
        .clusters
        .iter()
        .filter(|c| map::counts_as_national(c) && c.provinces.len() > 1)
        .map(|c| short_name(c, lang))
        .collect();
    let mut marks = String::new();
    if !spanning.is_empty() {
        marks += &notes.mark(match lang {
            Lang::Zh => format!("跨省集群在所涉各省均计数：{}。", spanning.join("、")),
            Lang::En => format!(
                "Clusters spanning provinces count in each: {}.",
                spanning.join("; ")
            ),
        });
    }
    if let Some(cov) = format::register_coverage(d, lang) {
        marks += &notes.mark(match lang {
            Lang::Zh => format!("{cov}；名录不完整。"),
            Lang::En => format!("{cov}: the register is incomplete."),
        });
    }
    Slide {
        title: crate::words::WHERE_THE_NATIONAL_CLUSTERS_ARE
            .get(lang)
            .to_owned(),
        subtitle: format!("{}{marks}", m.caption),
        body: Body::Map {
            rows: m.rows,
            cols: m.cols,
            tiles: m
                .tiles
                .iter()
                .map(|tile| MapTile {
                    row: tile.row,
                    col: tile.col,
                    label: tile.name.to_owned(),
                    short: tile_short(tile.name, tile.short, lang),
                    count: tile.count.map(|c| c.to_string()).unwrap_or_default(),
                    fill: fill(tile.shade).hex(),
                    ink: ink(tile.shade).hex(),
                    no_data: tile.count.is_none(),
                })
                .collect(),
            legend,
        },
        notes: notes.finish(),
        overflow: Vec::new(),
        more_notes: None,
        sources: cites.line(),
        cited: cites.ids.clone(),
        kind: None,
    }
}

/// The shorter form of a tile's name, for a tile too narrow for the name:
/// the one-character 简称 in Chinese; in English the name on two lines
/// (at its space, or hyphenated in the middle), never the bare code.
pub(crate) fn tile_short(name: &str, abbr: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => abbr.to_owned(),
        Lang::En => match name.split_once(' ') {
            Some((a, b)) => format!("{a}\n{b}"),
            None => {
                let chars: Vec<char> = name.chars().collect();
                if chars.len() < 8 {
                    return name.to_owned();
                }
                // A pinyin syllable starts at a consonant after a vowel
                // or a final n/g (Heilong-jiang, Guang-dong); the start
                // nearest the middle, else the middle.
                let mid = chars.len() / 2;
                let starts = (2..chars.len() - 2).filter(|&i| {
                    let (p, c) = (chars[i - 1], chars[i]);
                    "bcdfhjklmpqrstwxyz".contains(c)
                        && !(c == 'h' && "zcs".contains(p))
                        && "aeiouvng".contains(p)
                });
                let at = starts.min_by_key(|&i| i.abs_diff(mid)).unwrap_or(mid);
                let (a, b) = chars.split_at(at);
                format!(
                    "{}-\n{}",
                    a.iter().collect::<String>(),
                    b.iter().collect::<String>()
                )
            }
        },
    }
}

/// The competition winners by province and by industry (none where the
/// data has no competition).
pub(crate) fn competition_slides(d: &Dataset, colours: &tokens::Colours, lang: Lang) -> Vec<Slide> {
    let mut slides = Vec::new();
    let Some(comp) = &d.context.competition else {
        return slides;
    };
    let mut cites = Cites::new(d, lang);
    cites.add(&comp.source.source);
    let scope = shorten_words(comp.breakdown_scope.get(lang), 120);
    let mk = |title: String, counts: &[cc_data::model::Count]| {
        let max = counts.iter().map(|c| c.count).max().unwrap_or(0) as f64;
        let mut counts: Vec<_> = counts.iter().collect();
        counts.sort_by_key(|c| std::cmp::Reverse(c.count));
        Slide {
            title,
            subtitle: scope.clone(),
            body: Body::Bars {
                bars: counts
                    .iter()
                    .map(|c| Bar {
                        label: shorten_words(c.name.get(lang), short_chars(lang)),
                        color: colours.context.hex(),
                        frac: (max > 0.0).then(|| c.count as f64 / max),
                        frac_high: None,
                        value: c.count.to_string(),
                        qualifier: "exact".into(),
                        forecast: false,
                        detail: String::new(),
                        number: Some(c.count as f64),
                    })
                    .collect(),
                axis: crate::words::CLUSTERS.get(lang).to_owned(),
                warning: String::new(),
                zero: 0.0,
            },
            notes: Vec::new(),
            overflow: Vec::new(),
            more_notes: None,
            sources: cites.line(),
            cited: cites.ids.clone(),
            kind: None,
        }
    };
    slides.push(mk(
        crate::words::COMPETITION_WINNERS_BY_PROVINCE
            .get(lang)
            .to_owned(),
        &comp.by_province,
    ));
    slides.push(mk(
        crate::words::COMPETITION_WINNERS_BY_INDUSTRY
            .get(lang)
            .to_owned(),
        &comp.by_industry,
    ));
    slides
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_english_name_breaks_between_syllables_never_into_a_code() {
        assert_eq!(
            tile_short("Heilongjiang", "HL", Lang::En),
            "Heilong-\njiang"
        );
        assert_eq!(tile_short("Guangdong", "GD", Lang::En), "Guang-\ndong");
        assert_eq!(
            tile_short("Inner Mongolia", "NM", Lang::En),
            "Inner\nMongolia"
        );
        assert_eq!(tile_short("Henan", "HA", Lang::En), "Henan");
        assert_eq!(tile_short("河南", "豫", Lang::Zh), "豫");
    }
}
