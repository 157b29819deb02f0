//! The app as an analyst uses it (egui_kittest and the command line).
//!
//! One language at a time: the data's date and year notes, the problems of
//! a file that does not load and the status bar all follow the chosen
//! language; `check --lang zh` prints its problems in Chinese. The compact
//! overview: metrics as rows, clusters as columns, the differences to the
//! baseline in their own columns, copied as a table.

use std::process::Command;

use cluster_compare::app::{App, Settings};
use cluster_compare::load;
use cluster_compare::model::{Lang, Text};
use cluster_compare::ui::fonts;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app(lang: Lang) -> App {
    let loaded = load::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    App::with_data(
        loaded,
        Settings {
            lang,
            ..Settings::default()
        },
    )
}

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app)
}

/// Every source's date note, both halves.
fn date_notes() -> Vec<Text> {
    load::load_embedded()
        .unwrap()
        .dataset
        .sources
        .iter()
        .filter_map(|s| s.date_note.clone())
        .collect()
}

#[test]
fn every_seed_note_has_both_languages() {
    let d = load::load_embedded().unwrap().dataset;
    let mut notes: Vec<&Text> = d
        .sources
        .iter()
        .filter_map(|s| s.date_note.as_ref())
        .collect();
    notes.extend(
        d.context
            .timeline
            .iter()
            .filter_map(|e| e.date_note.as_ref()),
    );
    let metrics = d
        .clusters
        .iter()
        .flat_map(|c| &c.metrics)
        .chain(d.context.national_figures.iter().flat_map(|f| &f.metrics))
        .chain(d.context.provincial_systems.iter().flat_map(|p| &p.metrics));
    notes.extend(metrics.filter_map(|m| m.as_of.note.as_ref()));
    assert!(notes.len() > 100, "{}", notes.len());
    for n in notes {
        assert!(!n.zh.trim().is_empty() && !n.en.trim().is_empty(), "{n:?}");
        let han =
            n.zh.chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .count();
        assert!(han > 0, "the zh half is Chinese: {n:?}");
    }
}

#[test]
fn the_old_one_language_note_still_reads() {
    let text = r#"{"format_version": 3,
        "sources": [{"id": "s1", "title": {"zh": "文章", "en": "Article"},
            "publisher": {"zh": "报", "en": "Paper"}, "date": "2024", "date_approximate": true,
            "date_note": "No date printed.", "file": "a.txt"},
          {"id": "s2", "title": {"zh": "文章二", "en": "Article 2"},
            "publisher": {"zh": "报", "en": "Paper"}, "date": "2024", "date_approximate": true,
            "date_note": "页面未显示日期", "file": "b.txt"}],
        "metric_keys": [], "clusters": []}"#;
    let l = load::load_str("old.json", text).unwrap_or_else(|e| panic!("{e}"));
    let n = l.dataset.sources[0].date_note.clone().unwrap();
    assert_eq!((n.zh.as_str(), n.en.as_str()), ("", "No date printed."));
    let n = l.dataset.sources[1].date_note.clone().unwrap();
    assert_eq!((n.zh.as_str(), n.en.as_str()), ("页面未显示日期", ""));
    // Written back, both halves; read again, the same.
    let again = load::load_str("again.json", &l.dataset.to_json()).unwrap();
    assert_eq!(
        again.dataset.sources[0].date_note,
        l.dataset.sources[0].date_note
    );
    // A note object with a stray field is refused where it is.
    let bad = text.replace(r#""No date printed.""#, r#"{"zh": "无", "fr": "x"}"#);
    let e = load::load_str("bad.json", &bad).unwrap_err();
    assert!(e.to_string().contains("date_note"), "{e}");
}

#[test]
fn the_chinese_ui_shows_the_chinese_notes_and_no_english_one() {
    let mut h = harness(app(Lang::Zh));
    h.run();
    h.get_by_label("帮助").click();
    h.run();
    h.get_all_by_label_contains("数据来源")
        .next()
        .unwrap()
        .click();
    h.run();
    let notes = date_notes();
    assert!(notes.len() > 10);
    for n in &notes {
        assert!(
            h.query_all_by_label_contains(&n.en).next().is_none(),
            "English note in the 中文 UI: {}",
            n.en
        );
    }
    let shown = notes
        .iter()
        .filter(|n| h.query_all_by_label_contains(&n.zh).next().is_some())
        .count();
    assert_eq!(shown, notes.len(), "every Chinese note is shown");
}

#[test]
fn the_problems_panel_and_the_status_bar_follow_a_language_switch() {
    let mut h = harness(app(Lang::Zh));
    h.run();
    h.state_mut().open_bytes(
        "bad.json",
        br#"{"format_version": 3, "sources": [], "metric_keys": []}"#,
    );
    for _ in 0..50 {
        h.run();
        if h.state().problems.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(h.state().problems.is_some(), "the file did not load");
    h.get_all_by_label_contains("缺少；应为数组")
        .next()
        .expect("the problem in Chinese");
    assert!(
        h.query_all_by_label_contains("expected an array")
            .next()
            .is_none()
    );

    // A status line, then the switch.
    h.get_by_label("添加 baotou-rare-earth").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_all_by_label_contains("已撤销")
        .next()
        .expect("status in Chinese");
    h.get_by_label("English").click();
    h.run();
    h.get_all_by_label_contains("Undone")
        .next()
        .expect("the status bar in English after the switch");
    assert!(h.query_all_by_label_contains("已撤销").next().is_none());
    h.get_all_by_label_contains("missing; expected an array")
        .next()
        .expect("the problem in English after the switch");
}

fn check(args: &[&str], file: &str) -> String {
    check_in("C.UTF-8", args, file)
}

fn check_in(locale: &str, args: &[&str], file: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cluster-compare"))
        .args(["check", file])
        .args(args)
        .env("LANG", locale)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn check_speaks_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"format_version": 3, "sources": [{"id": "s1", "title": {"zh": "", "en": ""},
            "publisher": {"zh": "报", "en": "Paper"}, "date": "2024-13", "file": "a.txt"}],
            "metric_keys": [], "clusters": []}"#,
    )
    .unwrap();
    let bad = bad.to_str().unwrap();
    let zh = check(&["--lang", "zh"], bad);
    assert!(zh.contains(": 错误: "), "{zh}");
    assert!(zh.contains("不是日期"), "{zh}");
    assert!(zh.contains("标题为空"), "{zh}");
    assert!(!zh.contains("is not a date"), "{zh}");
    let en = check(&["--lang", "en"], bad);
    assert!(
        en.contains(": error: ") && en.contains("is not a date"),
        "{en}"
    );
    // Without --lang, the environment's language (C.UTF-8: English).
    assert_eq!(check(&[], bad), en);
    assert_eq!(check_in("zh_CN.UTF-8", &[], bad), zh);

    // One of each: singular words.
    let one = dir.path().join("one.json");
    std::fs::write(
        &one,
        r#"{"format_version": 3, "sources": [{"id": "s1", "title": {"zh": "文章", "en": "Article"},
            "publisher": {"zh": "报", "en": "Paper"}, "date": "2024", "file": "a.txt"}],
            "metric_keys": [{"key": "firms", "name": {"zh": "企业数", "en": "Firms"}}],
            "clusters": [{"id": "a", "name": {"zh": "甲集群", "en": "Cluster A"}, "level": "national",
              "provinces": [{"zh": "广东", "en": "Guangdong"}], "industry": {"zh": "电池", "en": "Batteries"},
              "metrics": [{"key": "firms", "value": 3, "unit": "家", "as_of": {"year": 2023},
                "source": {"source": "s1", "quote": "3家"}}]}]}"#,
    )
    .unwrap();
    let ok = check(&["--lang", "en"], one.to_str().unwrap());
    assert!(
        ok.contains("1 cluster, 1 metric, 0 targets, 0 policies, 1 source"),
        "{ok}"
    );
    let ok = check(&["--lang", "zh"], one.to_str().unwrap());
    assert!(ok.contains("通过：") && ok.contains("1 个集群"), "{ok}");
}

#[test]
fn the_compact_overview_has_clusters_as_columns_and_copies_as_a_table() {
    let mut a = app(Lang::En);
    a.settings.baseline = Some(0);
    let mut h = harness(a);
    h.run();
    h.get_by_label("Add baotou-rare-earth").click();
    h.run();
    h.get_by_label("Compact table").click();
    h.run();
    assert!(h.state().settings.charts.overview_compact);
    // Panels are gone: the table's headers are there instead.
    h.get_all_by_label_contains("(baseline)")
        .next()
        .expect("the baseline's column");
    let diffs = h.query_all_by_label_contains("vs baseline").count();
    assert_eq!(diffs, 2, "a difference column for each other cluster");
    // A figure with its year, as the panel card shows it.
    h.get_all_by_label_contains("> CNY 570 bn ·")
        .next()
        .expect("a figure and its year");
    h.get_by_label("Copy as table").click();
    // The frame that handles the click puts the text on the clipboard.
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        });
    h.run();
    h.get_by_label("Copied");
    let tsv = copied.expect("text on the clipboard");
    let lines: Vec<&str> = tsv.lines().collect();
    assert!(lines.len() > 2, "{tsv}");
    assert!(lines[0].starts_with("Metric\t"), "{tsv}");
    let cols = lines[0].split('\t').count();
    assert_eq!(
        cols,
        1 + 3 + 2,
        "metric, three clusters, two differences: {tsv}"
    );
    assert!(lines.iter().all(|l| l.split('\t').count() == cols), "{tsv}");
    assert!(tsv.contains("CNY 570 bn"), "{tsv}");
    // The mode is kept with the view.
    h.get_by_label("Panels").click();
    h.run();
    assert!(!h.state().settings.charts.overview_compact);
}

fn app_on(lang: Lang, tab: cluster_compare::ui::view::Tab) -> App {
    let mut a = app(lang);
    a.settings.tab = tab;
    a
}

#[test]
fn each_table_cell_shows_its_year_and_the_cluster_column_stays_put() {
    use cluster_compare::table::ClusterTable;
    let d = load::load_embedded().unwrap().dataset;
    let t = ClusterTable::build(&d, Lang::En);
    // An inferred year, `c. 2021`: shown in the cell itself, not only on hover.
    let (name, year) = t
        .rows
        .iter()
        .find_map(|r| {
            let v = r
                .values
                .iter()
                .flatten()
                .find(|v| v.year.starts_with("c. "))?;
            Some((r.id.clone(), v.year.clone()))
        })
        .expect("an inferred year in the seed");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .with_context_setup(fonts::install)
        .build_ui_state(
            |ui, app: &mut App| app.ui(ui),
            app_on(Lang::En, cluster_compare::ui::view::Tab::Table),
        );
    h.run();
    // On the cluster's row, beside its name in the fixed column.
    let name_y = h
        .get_by_label(&format!("Add from table {name}"))
        .rect()
        .center()
        .y;
    assert!(
        h.query_all_by_label(&year)
            .any(|n| (n.rect().center().y - name_y).abs() < 8.0 && n.rect().bottom() < 700.0),
        "{year} shown on {name}'s row"
    );
    let name_x = |h: &Harness<'_, App>| h.get_by_label("Sort by Cluster").rect().left();
    let level_x = |h: &Harness<'_, App>| {
        h.get_all_by_label_contains("Sort by Level")
            .next()
            .unwrap()
            .rect()
            .left()
    };
    let (n0, l0) = (name_x(&h), level_x(&h));
    // Over the figures, a sideways wheel.
    let over = h
        .get_all_by_label_contains("Sort by Level")
        .next()
        .unwrap()
        .rect()
        .center()
        + egui::vec2(0.0, 120.0);
    h.hover_at(over);
    h.run();
    for _ in 0..4 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(-300.0, 0.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        h.run();
    }
    let (n1, l1) = (name_x(&h), level_x(&h));
    assert!(
        l1 < l0 - 50.0,
        "the other columns scrolled sideways: {l0} → {l1}"
    );
    assert_eq!(n0, n1, "the cluster column stays put");
}

#[test]
fn a_matrix_cell_narrows_the_policy_list_and_dashes_mean_no_policies_recorded() {
    use cluster_compare::model::Category;
    use cluster_compare::ui::view::Tab;
    let d = load::load_embedded().unwrap().dataset;
    let sz = d.cluster("shenzhen-battery-materials").unwrap();
    // A category Shenzhen has a policy in, and a policy of another category.
    let cat = *sz
        .policies
        .iter()
        .flat_map(|p| &p.categories)
        .find(|c| sz.policies.iter().any(|p| !p.categories.contains(c)))
        .expect("Shenzhen's policies span categories");
    let inside = sz
        .policies
        .iter()
        .find(|p| p.categories.contains(&cat))
        .unwrap();
    let outside = sz
        .policies
        .iter()
        .find(|p| !p.categories.contains(&cat))
        .unwrap();
    let name = |c: Category| cluster_compare::ui::i18n::category(Lang::En, c);
    let mut h = harness(app_on(Lang::En, Tab::Policies));
    h.run();
    assert!(
        h.query_all_by_label(outside.title.get(Lang::En))
            .next()
            .is_some()
    );
    let n = sz
        .policies
        .iter()
        .filter(|p| p.categories.contains(&cat))
        .count();
    h.get_all_by_label_contains(&format!("· {}: {n}", name(cat)))
        .next()
        .expect("the matrix cell as a button")
        .click();
    h.run();
    h.get_all_by_label_contains("Showing only:")
        .next()
        .expect("the list says what it shows");
    assert!(
        h.query_all_by_label(inside.title.get(Lang::En))
            .next()
            .is_some()
    );
    assert!(
        h.query_all_by_label(outside.title.get(Lang::En))
            .next()
            .is_none(),
        "a policy of another category is not listed"
    );
    h.get_by_label("Show all").click();
    h.run();
    assert!(
        h.query_all_by_label(outside.title.get(Lang::En))
            .next()
            .is_some()
    );

    // A cluster without any policy: dashes, not zeros; Shenzhen's empty categories: 0.
    let none = d
        .clusters
        .iter()
        .find(|c| c.policies.is_empty())
        .expect("a cluster with no policies");
    h.state_mut().settings.compare.push(none.id.clone());
    h.run();
    let short = cluster_compare::format::short_name(none.name.get(Lang::En)).into_owned();
    h.get_all_by_label_contains(&format!("{short} · {}: —", name(Category::Talent)))
        .next()
        .expect("— for a cluster with no policies recorded");
    if let Some(empty) = Category::ALL
        .iter()
        .find(|c| !sz.policies.iter().any(|p| p.categories.contains(c)))
    {
        h.get_all_by_label_contains(&format!("· {}: 0", name(*empty)))
            .next()
            .expect("0 for none in this category");
    }
}

#[test]
fn every_cluster_has_a_field_or_says_why_and_the_2022_list_fits_miits_counts() {
    use cluster_compare::model::Field;
    let d = load::load_embedded().unwrap().dataset;
    let mut n = std::collections::HashMap::new();
    for c in &d.clusters {
        // A cluster that fits none of the six fields says so in a note.
        let Some(f) = c.field.as_ref() else {
            assert!(
                !c.in_batch(1) && c.notes.iter().any(|n| n.en.contains("no field is given")),
                "{} has no field and no note saying why",
                c.id
            );
            continue;
        };
        assert!(
            f.assigned || f.source.is_some(),
            "{}: neither sourced nor assigned",
            c.id
        );
        if c.in_batch(1) {
            *n.entry(f.field).or_insert(0u32) += 1;
        }
    }
    for f in Field::ALL {
        let named = n.get(&f).copied().unwrap_or(0);
        assert!(
            named <= f.count_2022(),
            "{}: {named} clusters of the 2022 list, MIIT counts {}",
            f.name(Lang::Zh),
            f.count_2022()
        );
    }
    assert_eq!(Field::ALL.iter().map(|f| f.count_2022()).sum::<u32>(), 45);
}

#[test]
fn the_field_filter_narrows_the_picker_and_the_table() {
    use cluster_compare::filter::{Filters, filter};
    use cluster_compare::model::Field;
    let d = load::load_embedded().unwrap().dataset;
    let f = Filters {
        field: Some(Field::BiomedicineMedicalDevices),
        ..Default::default()
    };
    let hits = filter(&d, &f, Lang::Zh);
    assert!(!hits.is_empty() && hits.len() < d.clusters.len());
    assert!(hits.iter().all(|&i| {
        d.clusters[i].field.as_ref().map(|f| f.field) == Some(Field::BiomedicineMedicalDevices)
    }));
    let mut a = app_on(Lang::En, cluster_compare::ui::view::Tab::Table);
    a.settings.picker.filters = f;
    let mut h = harness(a);
    h.run();
    assert_eq!(h.state().settings.table.shown().len(), hits.len());
}

#[test]
fn chinese_filter_lists_are_in_pinyin_order() {
    let mut h = harness(app(Lang::Zh));
    h.run();
    h.get_by_label("省份").click();
    h.run();
    let y = |h: &Harness<'_, App>, t: &str| {
        h.get_all_by_label(t)
            .next()
            .unwrap_or_else(|| panic!("{t} in the list"))
            .rect()
            .center()
            .y
    };
    // bei < shang < zhe; by code point 上 (U+4E0A) would come first.
    assert!(y(&h, "北京") < y(&h, "上海"));
    assert!(y(&h, "上海") < y(&h, "浙江"));
    assert!(y(&h, "安徽") < y(&h, "北京"));
}

#[test]
fn the_table_groups_by_field() {
    use cluster_compare::model::Field;
    let mut h = harness(app_on(Lang::En, cluster_compare::ui::view::Tab::Table));
    h.run();
    h.get_by_label("Group by field").click();
    h.run();
    assert!(h.state().settings.table.group_by_field);
    let d = &h.state().loaded.dataset;
    let ranks: Vec<usize> = h
        .state()
        .settings
        .table
        .shown()
        .iter()
        .map(|&i| {
            let f = d.clusters[i].field.as_ref().map(|f| f.field);
            Field::ALL
                .iter()
                .position(|x| Some(*x) == f)
                .unwrap_or(Field::ALL.len())
        })
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    h.get_all_by_label_contains("High-end equipment")
        .next()
        .expect("the field shown in its column");
}
