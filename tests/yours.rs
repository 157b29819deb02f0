//! The user's own figures laid over the register (`"extends": "embedded"`)
//! are marked as the user's wherever a reader sees them: the panels and the
//! picker in the app, the deck, the sheets. The register's data never is.

use cluster_compare::app::{App, Settings};
use cluster_compare::compare::Comparison;
use cluster_compare::deck::{self, Body, DeckOptions};
use cluster_compare::export::{self, Format, Request};
use cluster_compare::load::{self, Loaded};
use cluster_compare::model::Lang;
use cluster_compare::ui::fonts;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The user's new cluster.
const MINE: &str = "my-robot-cluster";
/// A register cluster the user's file adds a figure to.
const ADDED: &str = "guangdong-six-city-nev";
/// A register cluster the user's file leaves alone.
const THEIRS: &str = "shenzhen-battery-materials";

/// A file over the register: one cluster of its own, one figure for a
/// register cluster.
fn mine() -> Loaded {
    let text = format!(
        r#"{{"format_version": 3, "extends": "embedded",
          "sources": [{{"id": "my-001", "title": {{"zh": "我的调研", "en": "My survey"}},
                        "publisher": {{"zh": "我", "en": "Me"}}, "date": "2025", "file": "survey.txt"}}],
          "metric_keys": [],
          "clusters": [
            {{"id": "{MINE}", "name": {{"zh": "我的机器人集群", "en": "My robot cluster"}}, "level": "provincial",
              "provinces": [{{"zh": "安徽", "en": "Anhui"}}], "industry": {{"zh": "机器人", "en": "Robots"}},
              "metrics": [{{"key": "firms", "value": 321, "unit": "家", "as_of": {{"year": 2024}},
                            "definition": "unspecified", "source": {{"source": "my-001", "quote": "企业321家"}}}}]}},
            {{"id": "{ADDED}", "name": {{"zh": "", "en": ""}}, "level": "national", "provinces": [],
              "industry": {{"zh": "", "en": ""}},
              "metrics": [{{"key": "firms", "value": 4321, "unit": "家", "as_of": {{"year": 2024}},
                            "definition": "unspecified", "source": {{"source": "my-001", "quote": "4321家"}}}}]}}
          ]}}"#
    );
    load::load_str("/home/me/mine.json", &text).unwrap_or_else(|e| panic!("{e}"))
}

fn app(compare: &[&str], lang: Lang) -> Harness<'static, App> {
    app_with(compare, lang, true)
}

/// The app on [`mine`]; without the sidebar only the panels show clusters.
fn app_with(compare: &[&str], lang: Lang, sidebar: bool) -> Harness<'static, App> {
    let app = App::with_data(
        mine(),
        Settings {
            lang,
            compare: compare.iter().map(|s| s.to_string()).collect(),
            sidebar,
            ..Settings::default()
        },
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run();
    h
}

fn count(h: &Harness<'_, App>, label: &str) -> usize {
    h.query_all_by_label_contains(label).count()
}

#[test]
fn the_panel_of_the_users_cluster_is_marked_and_a_register_panel_is_not() {
    let app = |ids: &[&str], lang| app_with(ids, lang, false);
    let h = app(&[THEIRS], Lang::En);
    assert_eq!(h.state().settings.compare, [THEIRS]);
    assert_eq!(
        count(&h, "Your data"),
        0,
        "a register cluster is not marked"
    );
    assert_eq!(count(&h, "With your data"), 0);

    let h = app(&[THEIRS, MINE], Lang::En);
    assert_eq!(h.state().settings.compare, [THEIRS, MINE]);
    assert_eq!(count(&h, "Your data"), 1, "the user's panel is marked");

    let h = app(&[THEIRS, ADDED], Lang::Zh);
    assert_eq!(
        count(&h, "含你的数据"),
        1,
        "a register cluster with the user's figure"
    );
    assert_eq!(count(&h, "你的数据"), 1);
}

#[test]
fn the_picker_marks_the_users_cluster_found_by_search() {
    let mut h = app(&[THEIRS], Lang::En);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_label("Search clusters").type_text("my-robot");
    h.run();
    h.get_by_label("Add my-robot-cluster");
    assert_eq!(count(&h, "Your data"), 1, "the picker's row is marked");
    // A register cluster the file adds a figure to is marked so, and one it
    // leaves alone is not.
    let mut h = app(&[THEIRS], Lang::En);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_label("Search clusters").type_text("guangdong-six");
    h.run();
    assert_eq!(count(&h, "With your data"), 1);
    let mut h = app(&[THEIRS], Lang::En);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_label("Search clusters")
        .type_text("shenzhen-battery");
    h.run();
    h.get_by_label(&format!("Add {THEIRS}"));
    assert_eq!(count(&h, "your data"), 0);
    assert_eq!(count(&h, "Your data"), 0);
}

fn comparison(ids: &[&str], lang: Lang) -> (Loaded, Comparison) {
    let l = mine();
    let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    let cmp = Comparison::build(&l.dataset, &ids, None, lang);
    (l, cmp)
}

#[test]
fn the_deck_marks_the_users_cluster_and_figures_and_not_the_registers() {
    let (l, cmp) = comparison(&[MINE, THEIRS, ADDED], Lang::En);
    let deck = deck::build_dated(&l.dataset, &cmp, &DeckOptions::default(), "2026-12-02");
    let Body::Title { clusters, .. } = &deck.slides[0].body else {
        panic!("the first slide is the title")
    };
    assert!(
        clusters[0].detail.contains("Your data (mine.json)"),
        "{}",
        clusters[0].detail
    );
    assert!(
        !clusters[1].detail.contains("your data"),
        "{}",
        clusters[1].detail
    );
    assert!(
        !clusters[1].detail.contains("Your data"),
        "{}",
        clusters[1].detail
    );
    assert!(
        clusters[2].detail.contains("With your data (mine.json)"),
        "{}",
        clusters[2].detail
    );
    // The overview's head marks the user's cluster with a footnote naming the file.
    let overview = &deck.slides[1];
    let notes = all_notes(overview);
    assert!(
        notes.contains("Your data, From your file: mine.json"),
        "{notes}"
    );
    // Every figure of the register cluster: the user's one is marked.
    let figures = deck
        .slides
        .iter()
        .find(|s| s.title.starts_with("Guangdong") && s.title.ends_with("every figure"))
        .unwrap_or_else(|| panic!("figures slide of {ADDED}"));
    assert!(
        all_notes(figures).contains("From your file: mine.json"),
        "{:?}",
        figures.notes
    );
    let theirs = deck
        .slides
        .iter()
        .find(|s| s.title.starts_with("Shenzhen") && s.title.ends_with("every figure"))
        .unwrap_or_else(|| panic!("figures slide of {THEIRS}"));
    assert!(
        !all_notes(theirs).contains("your file"),
        "{:?}",
        theirs.notes
    );
    assert!(
        !theirs.subtitle.contains("your data"),
        "{}",
        theirs.subtitle
    );
    assert!(
        !theirs.subtitle.contains("Your data"),
        "{}",
        theirs.subtitle
    );
}

/// A slide's footnotes, those moved to a notes slide included.
fn all_notes(s: &deck::Slide) -> String {
    s.notes
        .iter()
        .chain(&s.overflow)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n")
}

fn request(ids: &[&str], lang: Lang) -> Request {
    Request {
        ids: ids.iter().map(|s| s.to_string()).collect(),
        lang,
        ..Request::default()
    }
}

#[test]
fn the_csv_marks_the_users_column_and_figures() {
    let l = mine();
    let req = request(&[MINE, THEIRS, ADDED], Lang::En);
    let bytes = export::render(&l.dataset, &req, Format::Csv).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let head: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let col = |name: &str| {
        head.iter()
            .position(|h| h.contains(name))
            .unwrap_or_else(|| panic!("{name} in {head:?}"))
    };
    assert!(head[col("My robot")].contains("(Your data)"), "{head:?}");
    let shenzhen = col("Shenzhen advanced");
    assert!(!head[shenzhen].contains("data)"), "{head:?}");
    assert!(
        head[col("Guangzhou")].contains("(With your data)"),
        "{head:?}"
    );
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    let firms = rows
        .iter()
        .find(|r| &r[0] == "Firms")
        .unwrap_or_else(|| panic!("a row of firm counts"));
    // The value's note says whose it is: the user's, never the register's.
    assert!(
        firms[col("My robot") + 1].contains("your data (mine.json)"),
        "{firms:?}"
    );
    assert!(!firms[shenzhen + 1].contains("your data"), "{firms:?}");
}

#[test]
fn the_xlsx_marks_the_users_column() {
    use calamine::{Reader, Xlsx};
    let l = mine();
    let req = request(&[THEIRS, MINE], Lang::Zh);
    let bytes = export::render(&l.dataset, &req, Format::Xlsx).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range("对比").unwrap();
    let head: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let mine = head.iter().find(|h| h.contains("我的机器人")).unwrap();
    assert!(
        mine.contains("（你的数据）") || mine.contains("(你的数据)"),
        "{head:?}"
    );
    let theirs = head.iter().find(|h| h.contains("深圳")).unwrap();
    assert!(!theirs.contains("你的数据"), "{head:?}");
}

#[test]
fn the_table_of_every_cluster_says_whose_each_row_is() {
    use cluster_compare::export::all_clusters::{self, TableFormat, TableRequest};
    let req = TableRequest {
        lang: Lang::En,
        sort: None,
        filters: Default::default(),
    };
    let table = |d: &cluster_compare::model::Dataset| {
        let bytes = all_clusters::render(d, &req, TableFormat::Csv).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let head: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        (head, rows)
    };
    let l = mine();
    let (head, rows) = table(&l.dataset);
    assert_eq!(head.last().map(String::as_str), Some("Whose"));
    let whose = |id: &str| {
        rows.iter()
            .find(|r| &r[0] == id)
            .map(|r| r[r.len() - 1].to_owned())
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert_eq!(whose(MINE), "Your data");
    assert_eq!(whose(ADDED), "With your data");
    assert_eq!(whose(THEIRS), "Register");
    // The register alone has no such column.
    let (head, _) = table(&load::load_embedded().unwrap().dataset);
    assert!(!head.iter().any(|h| h == "Whose"), "{head:?}");

    // The Markdown table has it too, last, and each row says whose it is.
    let md = String::from_utf8(all_clusters::render(&l.dataset, &req, TableFormat::Md).unwrap())
        .unwrap();
    let table_lines: Vec<&str> = md.lines().filter(|r| r.starts_with('|')).collect();
    assert!(
        table_lines[0].trim_end().ends_with("| Whose |"),
        "{}",
        table_lines[0]
    );
    let row_of = |name: &str| {
        table_lines
            .iter()
            .find(|r| r.contains(name))
            .unwrap_or_else(|| panic!("{name} in {md}"))
    };
    assert!(
        row_of("My robot").trim_end().ends_with("| Your data |"),
        "{md}"
    );
    let cols = |r: &str| r.matches(" | ").count();
    assert!(
        table_lines
            .iter()
            .filter(|r| !r.starts_with("|-"))
            .all(|r| cols(r) == cols(table_lines[0])),
        "{md}"
    );
}

#[test]
fn the_app_says_what_the_users_file_added_where_in_the_chosen_language() {
    for (lang, want) in [
        (
            Lang::En,
            [
                "Added from mine.json: ",
                "cluster `my-robot-cluster` added (1 figure, 0 targets, 0 policies)",
                "added to the register's `guangdong-six-city-nev`: 1 figure",
            ],
        ),
        (
            Lang::Zh,
            [
                "从 mine.json 并入：",
                "新增集群 `my-robot-cluster`（1 项数据、0 个目标、0 项政策）",
                "并入名录中的 `guangdong-six-city-nev`：1 项数据",
            ],
        ),
    ] {
        let h = app(&[MINE], lang);
        let status = h.state().status.clone().unwrap_or_default();
        let shown = match lang {
            Lang::Zh => status.zh,
            Lang::En => status.en,
        };
        for w in want {
            assert!(shown.contains(w), "{w:?} in {shown:?}");
        }
        assert_eq!(count(&h, want[1]), 1, "shown in the window");
    }
}
