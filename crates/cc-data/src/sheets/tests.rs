use rust_xlsxwriter::{Formula, Workbook};

use super::xlsx::load_bytes;
use super::*;
use crate::load::{LoadError, load_embedded};
use crate::model::{Lang, Qualifier, Text};

/// A value a test writes into a cell.
enum V<'a> {
    S(&'a str),
    N(f64),
    B(bool),
    F(&'a str, f64),
}
use V::*;

/// A workbook of `sheets`, each a header row and rows, as a user fills it.
/// A sheet as a test writes it: name, header, rows.
type Sheet<'a> = (&'a str, &'a [&'a str], &'a [&'a [V<'a>]]);

fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    let mut wb = Workbook::new();
    for (name, header, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (j, h) in header.iter().enumerate() {
            ws.write_string(0, j as u16, *h).unwrap();
        }
        for (i, row) in rows.iter().enumerate() {
            let r = i as u32 + 1;
            for (j, v) in row.iter().enumerate() {
                let c = j as u16;
                match v {
                    S("") => {}
                    S(s) => {
                        ws.write_string(r, c, *s).unwrap();
                    }
                    N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    B(b) => {
                        ws.write_boolean(r, c, *b).unwrap();
                    }
                    F(f, cached) => {
                        ws.write_formula(r, c, Formula::new(*f).set_result(cached.to_string()))
                            .unwrap();
                    }
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

const SOURCES: &[&str] = &[
    "id",
    "title_zh",
    "title_en",
    "publisher_zh",
    "date",
    "url",
    "accessed",
];
const KEYS: &[&str] = &["key", "name_zh", "name_en", "headline", "dimension"];
const CLUSTERS: &[&str] = &[
    "id",
    "name_zh",
    "name_en",
    "level",
    "provinces_zh",
    "provinces_en",
    "industry_zh",
    "notes_zh",
];
const FIGURES: &[&str] = &[
    "cluster",
    "key",
    "value",
    "unit",
    "qualifier",
    "year",
    "definition",
    "source",
    "quote",
];

/// A workbook as an analyst fills it: two clusters, figures typed as
/// numbers, as text, as a formula; a date typed as a number; empty rows.
fn filled(figures: &[&[V]]) -> Vec<u8> {
    workbook(&[
        (
            "Sources",
            SOURCES,
            &[
                &[
                    S("web-001"),
                    S("合肥新能源汽车产业发展报告"),
                    S("Hefei NEV report"),
                    S("合肥日报"),
                    N(2024.0),
                    S("https://www.example.gov.cn/a.html"),
                    S("2026-11-20"),
                ],
                &[],
                &[
                    S("web-002"),
                    S("芜湖报道"),
                    S(""),
                    S("芜湖日报"),
                    S("2024-05"),
                    S("https://www.example.gov.cn/b.html"),
                    S("2026-11-21"),
                ],
            ],
        ),
        (
            "Metric keys",
            KEYS,
            &[
                &[
                    S("output_value"),
                    S("产值"),
                    S("Output value"),
                    B(true),
                    S("money_cny"),
                ],
                &[S("firms"), S("企业数"), S("Firms"), S("是"), S("firms")],
            ],
        ),
        (
            "Clusters",
            CLUSTERS,
            &[
                &[
                    S("hefei-nev"),
                    S("合肥新能源汽车集群"),
                    S("Hefei NEV cluster"),
                    S("provincial"),
                    S("安徽"),
                    S("Anhui"),
                    S("新能源汽车"),
                    S(""),
                ],
                &[
                    S("wuhu-robots"),
                    S("芜湖机器人集群"),
                    S("Wuhu robots cluster"),
                    S("municipal"),
                    S("安徽"),
                    S(""),
                    S("机器人"),
                    S("只有一篇报道"),
                ],
            ],
        ),
        ("Figures", FIGURES, figures),
    ])
}

fn good_figures() -> Vec<Vec<V<'static>>> {
    vec![
        vec![
            S("hefei-nev"),
            S("output_value"),
            N(5700.0),
            S("亿元"),
            S("more_than"),
            N(2023.0),
            S(""),
            S("web-001"),
            S("产值超过5700亿元"),
        ],
        vec![],
        vec![
            S("hefei-nev"),
            S("firms"),
            S(" 1200 "),
            S("家"),
            S(""),
            S("2023"),
            S(""),
            S("web-001"),
            S("企业1200家"),
        ],
        vec![
            S("wuhu-robots"),
            S("firms"),
            F("=100+100", 200.0),
            S("家"),
            S("about"),
            N(2024.0),
            S(""),
            S("web-002"),
            S("约200家"),
        ],
    ]
}

fn import(bytes: &[u8]) -> Result<crate::load::Loaded, LoadError> {
    load_bytes("my.xlsx", bytes, Lang::En)
}

#[test]
fn a_workbook_filled_by_hand_imports() {
    let rows = good_figures();
    let refs: Vec<&[V]> = rows.iter().map(Vec::as_slice).collect();
    let l = import(&filled(&refs)).unwrap_or_else(|e| panic!("{e}"));
    let d = &l.dataset;
    assert_eq!(d.sources.len(), 2);
    assert_eq!(d.sources[0].date, "2024", "a date typed as a number");
    assert_eq!(d.clusters.len(), 2);
    let hefei = d.cluster("hefei-nev").unwrap();
    assert_eq!(hefei.metrics.len(), 2);
    assert_eq!(hefei.metrics[0].value, 5700.0);
    assert_eq!(hefei.metrics[0].qualifier, Qualifier::MoreThan);
    assert_eq!(hefei.metrics[1].value, 1200.0, "a number stored as text");
    assert_eq!(hefei.metrics[1].as_of.year, 2023);
    assert_eq!(hefei.provinces, vec![Text::new("安徽", "Anhui")]);
    let wuhu = d.cluster("wuhu-robots").unwrap();
    assert_eq!(wuhu.metrics[0].value, 200.0, "a formula's cached value");
    assert_eq!(wuhu.notes, vec![Text::new("只有一篇报道", "")]);
    assert!(d.metric_key("firms").unwrap().headline, "是 is true");
}

#[test]
fn every_mistake_is_named_by_sheet_cell_and_column_at_once() {
    let rows: Vec<Vec<V>> = vec![
        vec![
            S("hefei-nev"),
            S("output_value"),
            N(5700.0),
            S("亿圆"),
            S("more_than"),
            N(2023.0),
            S(""),
            S("web-001"),
            S("产值超过5700亿元"),
        ],
        vec![
            S("hefei-nev"),
            S("firms"),
            N(1200.0),
            S("家"),
            S(""),
            N(2023.0),
            S(""),
            S("web-009"),
            S("企业1200家"),
        ],
        vec![
            S("hefei-nev"),
            S("firms"),
            S("约1200家"),
            S("家"),
            S(""),
            N(2023.0),
            S(""),
            S("web-001"),
            S("约1200家"),
        ],
        vec![
            S("wuhu-robots"),
            S("firm"),
            N(200.0),
            S("家"),
            S(""),
            N(2024.0),
            S(""),
            S("web-002"),
            S("200家"),
        ],
        vec![
            S("wuhu-robot"),
            S("firms"),
            N(200.0),
            S("家"),
            S(""),
            N(2024.0),
            S(""),
            S("web-002"),
            S("200家"),
        ],
        vec![
            S("wuhu-robots"),
            S("firms"),
            N(200.0),
            S("家"),
            S("roughly"),
            N(2024.0),
            S(""),
            S("web-002"),
            S("200家"),
        ],
    ];
    let refs: Vec<&[V]> = rows.iter().map(Vec::as_slice).collect();
    let e = import(&filled(&refs)).unwrap_err();
    let text = e.to_string();
    for want in [
        "Figures!D2 (unit): 亿圆 is not a unit; did you mean 亿元?",
        "Figures!H3 (source): web-009 is not a source id on the Sources sheet; did you mean web-001?",
        "Figures!C4 (value): `约1200家` is text, not a number",
        "Figures!B5 (key): firm is not a key on the Metric keys sheet; did you mean firms?",
        "Figures!A6 (cluster): wuhu-robot is not a cluster id on the Clusters sheet; did you mean wuhu-robots?",
        "Figures!E7 (qualifier):",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    // Once each: validation's own report of the same cell is not repeated.
    assert_eq!(text.matches("Figures!D2").count(), 1, "{text}");
    assert_eq!(text.matches("Figures!H3").count(), 1, "{text}");
    // In Chinese too.
    let e = load_bytes("my.xlsx", &filled(&refs), Lang::Zh).unwrap_err();
    let zh: String = e
        .problems
        .iter()
        .map(|p| p.render_in(&e.file, Lang::Zh) + "\n")
        .collect();
    assert!(
        zh.contains("Figures!D2 (unit): 亿圆 不是单位；是不是 亿元？"),
        "{zh}"
    );
}

#[test]
fn text_from_the_workbook_is_echoed_escaped() {
    let rows: Vec<Vec<V>> = vec![vec![
        S("hefei-nev"),
        S("output_value"),
        N(1.0),
        S("\u{1b}[2J亿"),
        S(""),
        N(2023.0),
        S(""),
        S("web-001"),
        S("x"),
    ]];
    let refs: Vec<&[V]> = rows.iter().map(Vec::as_slice).collect();
    let text = import(&filled(&refs)).unwrap_err().to_string();
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("\\u{1b}[2J亿"), "{text}");
}

#[test]
fn empty_or_foreign_workbooks_are_refused_without_panicking() {
    let empty = Workbook::new().save_to_buffer().unwrap();
    let e = import(&empty).unwrap_err().to_string();
    assert!(e.contains("not a dataset workbook"), "{e}");
    // Only a Figures sheet: the sheets it needs are named.
    let rows = good_figures();
    let refs: Vec<&[V]> = rows.iter().map(Vec::as_slice).collect();
    let only = workbook(&[("Figures", FIGURES, &refs)]);
    let e = import(&only).unwrap_err().to_string();
    for s in [
        "no sheet `Sources`",
        "no sheet `Clusters`",
        "no sheet `Metric keys`",
    ] {
        assert!(e.contains(s), "{s}: {e}");
    }
    // Sheets with headers only, or nothing at all.
    let bare = workbook(&[
        ("Sources", &[], &[]),
        ("Metric keys", &[], &[]),
        ("Clusters", CLUSTERS, &[]),
    ]);
    assert!(import(&bare).is_ok());
}

#[test]
fn a_missing_required_column_is_named() {
    let bytes = workbook(&[
        ("Sources", SOURCES, &[]),
        ("Metric keys", KEYS, &[]),
        ("Clusters", &["id", "name_zh"], &[&[S("a-b"), S("甲")]]),
    ]);
    let e = import(&bytes).unwrap_err().to_string();
    assert!(
        e.contains("Clusters!A1: row 1 has no column `level`"),
        "{e}"
    );
    assert_eq!(
        e.matches("error:").count(),
        1,
        "named once, at the header: {e}"
    );
}

/// Every sheet's rows as a grid, the header row first.
fn grids_of(d: &crate::model::Dataset) -> Vec<(String, Grid)> {
    rows(d)
        .into_iter()
        .map(|r| {
            let header = r
                .sheet
                .columns
                .iter()
                .map(|c| Cell::Text(c.header.into()))
                .collect();
            let mut g = Grid::default();
            g.rows.push((0, header));
            for (i, row) in r.rows.into_iter().enumerate() {
                g.rows.push((i as u32 + 1, row));
            }
            (r.sheet.name.to_owned(), g)
        })
        .collect()
}

#[test]
fn the_seed_data_goes_through_cells_and_back_unchanged() {
    let d = load_embedded().unwrap().dataset;
    let back = read("seed", &grids_of(&d), Lang::En).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        serde_json::to_value(&back.dataset).unwrap(),
        serde_json::to_value(&d).unwrap()
    );
}

#[test]
fn the_template_data_loads_as_it_is() {
    let d = template_dataset(&load_embedded().unwrap().dataset);
    assert_eq!(d.clusters.len(), 1);
    assert_eq!(d.clusters[0].metrics.len(), 1);
    assert_eq!(d.clusters[0].targets.len(), 1);
    assert_eq!(d.clusters[0].policies.len(), 1);
    read("template", &grids_of(&d), Lang::En).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_validation_problem_inside_the_json_column_names_its_cell_and_field() {
    let mut d = template_dataset(&load_embedded().unwrap().dataset);
    let c = &mut d.clusters[0];
    let des = c.designation.get_or_insert_with(Default::default);
    des.source.source = "nowhere".into();
    des.source.quote = "x".into();
    let e = read("t", &grids_of(&d), Lang::En).unwrap_err().to_string();
    assert!(
        e.contains("Clusters!M2 (more): designation.source: cites source `nowhere`"),
        "{e}"
    );
}

#[test]
fn cells_are_named_as_spreadsheets_name_them() {
    assert_eq!(column_letters(0), "A");
    assert_eq!(column_letters(25), "Z");
    assert_eq!(column_letters(26), "AA");
    assert_eq!(column_letters(701), "ZZ");
    assert_eq!(column_letters(702), "AAA");
    assert_eq!(cell_name("Figures", 11, 3, "unit"), "Figures!D12 (unit)");
}

#[test]
fn a_workbook_over_the_register_adds_its_figures_to_a_register_cluster() {
    let base = load_embedded().unwrap().dataset;
    let reg = &base.clusters[0];
    let src = base.sources[0].id.as_str();
    let bytes = workbook(&[
        (
            "More",
            &["part", "value"],
            &[&[S("extends"), S("embedded")]],
        ),
        (
            "Figures",
            FIGURES,
            &[
                &[
                    S(&reg.id),
                    S("firms"),
                    N(321.0),
                    S("家"),
                    S(""),
                    N(2031.0),
                    S("unspecified"),
                    S(src),
                    S("321家"),
                ],
                &[
                    S("no-such-cluster"),
                    S("firms"),
                    N(1.0),
                    S("家"),
                    S(""),
                    N(2031.0),
                    S("unspecified"),
                    S(src),
                    S("1家"),
                ],
            ],
        ),
    ]);
    let e = import(&bytes).unwrap_err().to_string();
    assert!(
        e.contains("Figures!A3 (cluster): no-such-cluster is not a cluster id"),
        "{e}"
    );
    let ok = workbook(&[
        (
            "More",
            &["part", "value"],
            &[&[S("extends"), S("embedded")]],
        ),
        (
            "Figures",
            FIGURES,
            &[&[
                S(&reg.id),
                S("firms"),
                N(321.0),
                S("家"),
                S(""),
                N(2031.0),
                S("unspecified"),
                S(src),
                S("321家"),
            ]],
        ),
    ]);
    let l = import(&ok).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.dataset.clusters.len(), base.clusters.len());
    let c = l.dataset.cluster(&reg.id).unwrap();
    assert_eq!(c.metrics.len(), reg.metrics.len() + 1);
    assert!(
        l.added.iter().any(|a| a.en.contains(&reg.id)
            && a.en.contains("1 figure")
            && a.zh.contains("1 项数据")),
        "{:?}",
        l.added
    );
}
