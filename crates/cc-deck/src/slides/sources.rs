//! The sources, with every phrase quoted.

use crate::*;

/// Most phrases quoted from one source.
const MAX_QUOTES: usize = 60;

pub(crate) fn sources_slide(
    d: &Dataset,
    clusters: &[&Cluster],
    map: bool,
    competition: bool,
    lang: Lang,
) -> Slide {
    // Quotes by source id, in the order they are first cited.
    let mut quotes: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut add = |src: &'_ str, q: &str| {
        let list = quotes.entry(
            d.sources
                .iter()
                .find(|s| s.id == src)
                .map(|s| s.id.as_str())
                .unwrap_or(""),
        );
        let v = list.or_default();
        let q = format!("“{}”", shorten(q, CELL_CHARS));
        if v.len() < MAX_QUOTES && !v.contains(&q) {
            v.push(q);
        }
    };
    for c in clusters {
        for m in &c.metrics {
            add(&m.source.source, &m.source.quote);
        }
        for x in &c.targets {
            add(&x.source.source, &x.source.quote);
        }
        for p in &c.policies {
            add(&p.source.source, &p.source.quote);
        }
        if let Some(x) = &c.designation {
            add(&x.source.source, &x.source.quote);
        }
    }
    if competition && let Some(comp) = &d.context.competition {
        add(&comp.source.source, &comp.source.quote);
    }
    // Sources only the map cites: named by publisher, date and address in
    // one entry, without their titles (the appendix stays short).
    let mut map_only: std::collections::BTreeSet<&str> = Default::default();
    if map {
        // The map slide cites every national cluster's designation: one
        // line per list (how many it names), not one quote per cluster,
        // or the list of names alone would take slides.
        let mut named: BTreeMap<&str, usize> = BTreeMap::new();
        for c in d
            .clusters
            .iter()
            .filter(|c| cc_core::map::counts_as_national(c))
        {
            if let Some(x) = &c.designation {
                *named.entry(x.source.source.as_str()).or_default() += 1;
            }
        }
        for (src, n) in named {
            if d.sources.iter().any(|s| s.id == src) {
                if !quotes.contains_key(src) {
                    map_only.insert(src);
                }
                quotes.entry(src).or_default().push(match lang {
                    Lang::Zh => format!("地图计入其所列的{n}个国家级集群"),
                    Lang::En => format!(
                        "the map counts the {n} national {} it names",
                        if n == 1 { "cluster" } else { "clusters" }
                    ),
                });
            }
        }
    }
    let items = d
        .sources
        .iter()
        .filter_map(|s| {
            let q = quotes.get(s.id.as_str())?;
            let short = map_only.contains(s.id.as_str()) && s.url.is_some();
            let mut head = if short {
                format!("{}{}{}", s.publisher.get(lang), sep(lang), s.date)
            } else {
                format!(
                    "{}{}{}{}{}",
                    s.publisher.get(lang),
                    sep(lang),
                    s.date,
                    crate::words::COLON.get(lang),
                    s.title.get(lang)
                )
            };
            if s.date_approximate {
                head.push_str(crate::words::DATE_INFERRED.get(lang));
            }
            // A web page is named by its address too (and when it was read).
            if let Some(url) = &s.url {
                head.push('\n');
                head.push_str(&shorten(url, 160));
                if let Some(a) = &s.accessed {
                    head.push_str(&match lang {
                        Lang::Zh => format!("（{a}访问）"),
                        Lang::En => format!(" (read {a})"),
                    });
                }
            }
            // A source only the map cites: what it gives, on its head.
            if short {
                head.push_str(crate::words::COLON.get(lang));
                head.push_str(&q.join(crate::words::SEMICOLON.get(lang)));
                return Some(SourceItem {
                    head: shorten(&head, CELL_CHARS),
                    quotes: Vec::new(),
                });
            }
            Some(SourceItem {
                head: shorten(&head, CELL_CHARS),
                quotes: q.clone(),
            })
        })
        .collect::<Vec<_>>();
    let mut items = items;
    if items.len() > MAX_ROWS {
        let n = items.len() - MAX_ROWS;
        items.truncate(MAX_ROWS);
        items.push(SourceItem {
            head: rows_left_out(n, lang),
            quotes: Vec::new(),
        });
    }
    Slide {
        title: crate::words::SOURCES.get(lang).to_owned(),
        subtitle: crate::words::THE_DOCUMENTS_EVERY_FIGURE_COMES_FROM
            .get(lang)
            .to_owned(),
        body: Body::Sources { items },
        notes: Vec::new(),
        overflow: Vec::new(),
        more_notes: None,
        sources: String::new(),
        cited: Vec::new(),
        kind: None,
    }
}
