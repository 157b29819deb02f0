//! Figures over the years, as a user meets them (egui_kittest) and in the
//! sheets: a three-year series is drawn as one line in the Charts tab, the
//! panels show its growth and the target's on-track line, the Table sorts by
//! growth, and every export carries the series table, escaped for its format.
//! The data is the seed with a series added in memory (the seed's figures
//! are another task's).

use cluster_compare::app::{App, Settings};
use cluster_compare::compare::Comparison;
use cluster_compare::export::{self, Format, Request, What};
use cluster_compare::load::{self, Loaded};
use cluster_compare::model::{AsOf, Dataset, Lang, Metric, Qualifier, Target};
use cluster_compare::table::SortKey;
use cluster_compare::timeline;
use cluster_compare::ui::charts::lines_for_plot;
use cluster_compare::ui::fonts;
use cluster_compare::ui::view::Tab;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const GD: &str = "guangdong-six-city-nev";
const SZ: &str = "shenzhen-battery-materials";

/// The seed, with Guangdong's output (leading industries) in 2021 and 2022
/// beside the seed's 2023 figure, a 2021 figure of another definition, a
/// forecast and a target of the same definition.
fn data() -> Dataset {
    let mut d = load::load_embedded()
        .unwrap_or_else(|e| panic!("{e}"))
        .dataset;
    let c = d
        .clusters
        .iter_mut()
        .find(|c| c.id == GD)
        .expect("Guangdong");
    let latest = c
        .metrics
        .iter()
        .find(|m| m.key == "output_value" && m.subject.is_none())
        .cloned()
        .expect("output figure");
    assert_eq!(
        latest.definition.as_deref(),
        Some("leading_industry_output")
    );
    let at = |year: i32, value: f64, q: Qualifier, def: &str, forecast: bool| Metric {
        value,
        qualifier: q,
        forecast,
        as_of: AsOf {
            year,
            ..AsOf::default()
        },
        definition: Some(def.into()),
        source: cluster_compare::model::Citation {
            source: latest.source.source.clone(),
            quote: format!("test figure {value}万亿元 | =HYPERLINK(\"x\")"),
        },
        ..latest.clone()
    };
    c.metrics.extend([
        at(
            2021,
            1.5,
            Qualifier::Exact,
            "leading_industry_output",
            false,
        ),
        at(
            2022,
            1.7,
            Qualifier::MoreThan,
            "leading_industry_output",
            false,
        ),
        at(2021, 1.2, Qualifier::Exact, "revenue", false),
        at(2025, 2.2, Qualifier::Exact, "leading_industry_output", true),
    ]);
    c.targets.push(Target {
        key: "output_value".into(),
        value: 2.5,
        unit: "万亿元".into(),
        year: Some(2026),
        definition: Some("leading_industry_output".into()),
        source: latest.source.clone(),
        ..Target::default()
    });
    d
}

fn app(d: Dataset, lang: Lang, tab: Tab) -> App {
    App::with_data(
        Loaded {
            file: "test".into(),
            dataset: d,
            warnings: vec![],
            added: vec![],
        },
        Settings {
            compare: vec![SZ.into(), GD.into()],
            lang,
            tab,
            ..Settings::default()
        },
    )
}

fn harness(app: App) -> Harness<'static, App> {
    harness_sized(app, 1600.0)
}

fn harness_sized(app: App, width: f32) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(width, 1400.0))
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app)
}

#[test]
fn a_three_year_series_is_drawn_as_one_line_in_the_charts_tab() {
    let d = data();
    let cmp = Comparison::build(&d, &[SZ.into(), GD.into()], None, Lang::En);
    let lines = timeline::lines(&d, &cmp, "output_value").expect("output row");
    let gd: Vec<_> = lines.lines.iter().filter(|l| l.column == 1).collect();
    assert_eq!(gd.len(), 1, "one line: revenue has one year, never joined");
    let line = gd[0];
    assert_eq!(
        line.marks.iter().map(|m| m.year).collect::<Vec<_>>(),
        [2021, 2022, 2023]
    );
    // The legend names the definition.
    assert_eq!(line.definition, "Output of the leading industries");
    assert!(
        line.name.ends_with(" · Output of the leading industries"),
        "{}",
        line.name
    );
    // The bound is an open marker with its direction in the label.
    assert!(
        line.marks[1].label.starts_with('>'),
        "{}",
        line.marks[1].label
    );
    assert!(
        line.marks[1].label.contains("▲ more than"),
        "{}",
        line.marks[1].label
    );
    // The forecast and the target: dashed segments from 2023.
    assert_eq!(line.projections.len(), 2);
    let items = lines_for_plot(&lines, false);
    let item = items.iter().find(|p| p.name == line.name).unwrap();
    assert_eq!(item.line.len(), 3, "one line through three figures");
    assert_eq!(item.hollow.len(), 1);
    assert_eq!(item.filled.len(), 2);
    assert_eq!(item.dashed.len(), 2);

    // The tab draws it, with the growth beside it, without panicking.
    let mut h = harness(app(d, Lang::En, Tab::Charts));
    h.run();
    h.get_all_by_label_contains("over the years")
        .next()
        .expect("the chart over the years");
    h.get_all_by_label_contains("average growth")
        .next()
        .expect("the line's growth");
    h.get_all_by_label_contains("open markers are bounds")
        .next()
        .expect("the key to the markers");
}

#[test]
fn the_panel_shows_growth_and_the_target_says_what_growth_it_needs() {
    let mut h = harness(app(data(), Lang::En, Tab::Overview));
    h.run();
    // 1.5 → 1.85 over two years: 11% a year (an exact start, an exact end).
    h.get_all_by_label_contains("growth 11% a year (2021–2023)")
        .next()
        .expect("growth on the card");
    h.get_all_by_label_contains("needs ")
        .next()
        .expect("the on-track line of the target of the same definition");
}

/// Shenzhen's firm counts are two lower bounds: the card says once that the
/// growth cannot be told, in either language (no "growth growth").
#[test]
fn a_growth_between_two_bounds_is_said_once_on_the_card() {
    for (lang, said, doubled) in [
        (Lang::En, "growth cannot be told", "growth growth"),
        (Lang::Zh, "增长率无法确定", "年均增长 增长率"),
    ] {
        let mut h = harness(app(data(), lang, Tab::Overview));
        h.run();
        h.get_all_by_label_contains(said)
            .next()
            .unwrap_or_else(|| panic!("{said} on the card"));
        assert!(
            h.query_all_by_label_contains(doubled).next().is_none(),
            "{doubled}"
        );
    }
}

#[test]
fn the_table_sorts_by_growth() {
    // Wide enough that the growth column, after every value column, is in view.
    let mut h = harness_sized(app(data(), Lang::En, Tab::Table), 4000.0);
    h.run();
    h.get_by_label("Sort by Output value, growth a year (%)")
        .click();
    h.run();
    let sort = h.state().settings.table.sort.clone().expect("sorted");
    assert_eq!(sort.key, SortKey::Growth("output_value".into()));
    assert!(sort.descending, "numbers sort largest first");
    // The shown order runs down the growth column, clusters without one last.
    let d = &h.state().loaded.dataset;
    let t = cluster_compare::table::ClusterTable::build(d, Lang::En);
    let col = t
        .growth
        .iter()
        .position(|g| g.key == "output_value")
        .unwrap();
    let shown: Vec<Option<f64>> = h
        .state()
        .settings
        .table
        .shown()
        .iter()
        .map(|&i| t.rows[i].growth[col].as_ref().and_then(|g| g.number))
        .collect();
    let known: Vec<f64> = shown.iter().map_while(|g| *g).collect();
    assert!(!known.is_empty());
    assert!(known.windows(2).all(|w| w[0] >= w[1]), "{known:?}");
    assert!(shown[known.len()..].iter().all(Option::is_none));
    let gd = t.rows.iter().position(|r| r.id == GD).unwrap();
    assert!((t.rows[gd].growth[col].as_ref().unwrap().number.unwrap() - 11.06).abs() < 0.01);
}

fn request(lang: Lang) -> Request {
    Request {
        ids: vec![SZ.into(), GD.into()],
        lang,
        ..Request::default()
    }
}

#[test]
fn xlsx_has_a_series_sheet_with_numbers_bounds_and_sources() {
    use calamine::{Data, Reader, Xlsx};
    let bytes = export::render(&data(), &request(Lang::En), Format::Xlsx).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let s = wb.worksheet_range("Series").expect("Series sheet");
    let rows: Vec<_> = s.rows().collect();
    assert_eq!(rows[0][0], Data::String("Cluster".into()));
    let gd: Vec<_> = rows
        .iter()
        .filter(|r| matches!(&r[2], Data::String(d) if d.contains("leading")))
        .collect();
    // Three actual figures and the forecast.
    assert_eq!(gd.len(), 4, "{gd:?}");
    assert_eq!(gd[0][12], Data::Float(2021.0));
    // In CNY bn, as the row beside 5700亿元 is (never CNY 1.5 tn beside 0.57).
    assert_eq!(gd[0][5], Data::Float(1500.0));
    assert_eq!(
        gd[1][5],
        Data::String("> 1700".into()),
        "the bound keeps its symbol"
    );
    assert_eq!(gd[1][7], Data::String(">".into()));
    assert!(matches!(&gd[2][9], Data::String(g) if g.starts_with("11% a year")));
    assert_eq!(gd[3][8], Data::String("yes".into()), "the forecast flagged");
    assert!(matches!(&gd[0][11], Data::String(q) if q.starts_with("test figure")));
    // The targets sheet carries the on-track line.
    let t = wb.worksheet_range("Targets").unwrap();
    let col = t
        .rows()
        .next()
        .unwrap()
        .iter()
        .position(|h| h == &Data::String("On track (growth needed)".into()))
        .unwrap();
    assert!(
        t.rows()
            .any(|r| matches!(&r[col], Data::String(s) if s.starts_with("needs "))),
        "on track in the Targets sheet"
    );
}

#[test]
fn csv_markdown_and_html_carry_the_series_table_escaped() {
    let d = data();
    let csv = export::render_with_notes(&d, &request(Lang::En), Format::Csv, What::Series)
        .unwrap()
        .0;
    let text = String::from_utf8(csv).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let head = r.headers().unwrap().clone();
    assert_eq!(&head[0], "Cluster");
    let recs: Vec<_> = r.records().map(Result::unwrap).collect();
    assert!(
        recs.iter().any(|r| &r[5] == "> 1700"),
        "a bound stays with its number"
    );
    assert!(recs.iter().any(|r| &r[5] == "1500"));
    // No quote starts like a formula.
    for r in &recs {
        for f in r.iter() {
            assert!(!f.starts_with(['=', '+', '@']), "{f}");
        }
    }
    // Only CSV holds the series alone.
    assert!(export::render_with_notes(&d, &request(Lang::En), Format::Md, What::Series).is_err());

    let md =
        String::from_utf8(export::render(&d, &request(Lang::En), Format::Md).unwrap()).unwrap();
    let section = md
        .split("## Over the years")
        .nth(1)
        .expect("series section in Markdown")
        .split("\n## ")
        .next()
        .unwrap();
    // Header and body rows (not the alignment rule).
    let table: Vec<&str> = section.lines().filter(|l| l.starts_with("| ")).collect();
    let cols = |l: &str| l.matches(" | ").count();
    assert!(table.len() >= 3);
    assert!(
        table.iter().all(|l| cols(l) == cols(table[0])),
        "every row keeps its columns"
    );
    assert!(section.contains("\\|"), "a pipe in a quote is escaped");

    let html =
        String::from_utf8(export::render(&d, &request(Lang::En), Format::Html).unwrap()).unwrap();
    let section = html
        .split("<h2>Over the years</h2>")
        .nth(1)
        .expect("series section in HTML");
    assert!(section.contains("HYPERLINK("));
    assert!(!section.contains("HYPERLINK(\"x\")"), "quotes escaped");
    assert!(section.contains("11% a year"));
}

#[test]
fn exports_without_any_series_have_no_series_section() {
    let d = load::load_embedded().unwrap().dataset;
    let req = Request {
        ids: vec![GD.into()],
        lang: Lang::En,
        ..Request::default()
    };
    let md = String::from_utf8(export::render(&d, &req, Format::Md).unwrap()).unwrap();
    assert!(!md.contains("## Over the years"));
}
