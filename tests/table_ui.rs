//! The Table tab, the policy lists and search, and the context timeline, as a
//! user drives them (egui_kittest): sort by a column, add a cluster from the
//! table, find a policy of a cluster that is not compared, read the timeline
//! at a narrow window.

use cluster_compare::app::{App, Settings};
use cluster_compare::load;
use cluster_compare::model::Lang;
use cluster_compare::table::{Sort, SortKey};
use cluster_compare::ui::fonts;
use cluster_compare::ui::view::Tab;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn app(lang: Lang, tab: Tab) -> App {
    let loaded = load::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    App::with_data(
        loaded,
        Settings {
            lang,
            tab,
            ..Settings::default()
        },
    )
}

fn harness(app: App, w: f32, h: f32) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app)
}

fn disabled(n: egui_kittest::Node<'_>) -> bool {
    n.accesskit_node().is_disabled()
}

/// The vertical position of the first widget whose label contains `text`.
fn y_of(h: &Harness<'_, App>, text: &str) -> f32 {
    h.get_all_by_label_contains(text)
        .next()
        .unwrap_or_else(|| panic!("{text} shown"))
        .rect()
        .center()
        .y
}

#[test]
fn the_table_lists_every_cluster_and_sorts_by_a_column() {
    let mut h = harness(app(Lang::En, Tab::Overview), 1600.0, 1000.0);
    h.run();
    h.get_by_label("Table").click();
    h.run();
    assert_eq!(h.state().settings.tab, Tab::Table);
    let all = h.state().loaded.dataset.clusters.len();
    assert_eq!(
        h.state().settings.table.shown().len(),
        all,
        "every cluster, not only the compared"
    );
    // A cluster that is not compared has a row.
    assert!(
        h.query_by_label("Add from table deqing-biomedicine")
            .is_some()
    );

    h.get_all_by_label_contains("Sort by Firms")
        .next()
        .expect("firms column header")
        .click();
    h.run();
    assert_eq!(
        h.state().settings.table.sort,
        Some(Sort {
            key: SortKey::Metric("firms".into()),
            descending: true
        })
    );
    // 4223 above-size firms (Guangdong) before more than 1,200 (Shenzhen); then the clusters without.
    let gd = y_of(&h, "Add from table guangdong-six-city-nev");
    let sz = y_of(&h, "Add from table shenzhen-battery-materials");
    let none = y_of(&h, "Add from table deqing-biomedicine");
    assert!(
        gd < sz && sz < none,
        "descending, missing last: {gd} {sz} {none}"
    );
    h.get_all_by_label_contains("▼")
        .next()
        .expect("the sorted header shows its direction");

    // A second click reverses; clusters without a figure stay last.
    h.get_all_by_label_contains("Sort by Firms")
        .next()
        .expect("firms column header")
        .click();
    h.run();
    let gd = y_of(&h, "Add from table guangdong-six-city-nev");
    let sz = y_of(&h, "Add from table shenzhen-battery-materials");
    let none = y_of(&h, "Add from table deqing-biomedicine");
    assert!(
        sz < gd && gd < none,
        "ascending, missing last: {sz} {gd} {none}"
    );
    h.get_all_by_label_contains("▲")
        .next()
        .expect("ascending arrow");
}

#[test]
fn a_cluster_is_added_from_the_table_and_its_button_then_disabled() {
    let mut h = harness(app(Lang::Zh, Tab::Table), 1600.0, 1000.0);
    h.run();
    assert!(
        disabled(h.get_by_label("从表格添加 shenzhen-battery-materials")),
        "already compared"
    );
    let add = h.get_by_label("从表格添加 yichun-lithium");
    assert!(!disabled(add));
    add.click();
    h.run();
    assert_eq!(
        h.state().settings.compare,
        [
            "shenzhen-battery-materials",
            "guangdong-six-city-nev",
            "yichun-lithium"
        ]
    );
    assert!(disabled(h.get_by_label("从表格添加 yichun-lithium")));
}

#[test]
fn the_table_follows_the_pickers_filters() {
    let mut a = app(Lang::En, Tab::Table);
    a.settings.picker.filters.province = Some("Zhejiang".into());
    let mut h = harness(a, 1600.0, 1000.0);
    h.run();
    h.run();
    assert!(
        h.query_by_label("Add from table deqing-biomedicine")
            .is_some()
    );
    assert!(
        h.query_by_label("Add from table yichun-lithium").is_none(),
        "Jiangxi filtered out"
    );
}

#[test]
fn policies_are_listed_per_cluster_and_searchable_across_the_dataset() {
    let mut h = harness(app(Lang::En, Tab::Policies), 1600.0, 1000.0);
    h.run();
    h.get_all_by_label_contains("Policies of the compared clusters")
        .next()
        .expect("policy lists");
    h.get_all_by_label_contains("Peacock Plan")
        .next()
        .expect("a Shenzhen policy listed by title");
    // Yichun is not compared: its policy is found only by the search.
    assert!(
        h.query_by_label_contains("Jiangxi S&T Department")
            .is_none()
    );
    h.get_by_label("Search policies").click();
    h.run();
    h.get_by_label("Search policies").type_text("jiangxi");
    h.run();
    h.get_all_by_label_contains("Jiangxi S&T Department")
        .next()
        .expect("found by the search");
    h.get_all_by_label_contains("Yichun")
        .next()
        .expect("the result names its cluster");
    // Search by category.
    h.get_by_label("Clear").click();
    h.run();
    h.get_by_label("Search policies").type_text("going abroad");
    h.run();
    h.get_all_by_label_contains("joint going-abroad")
        .next()
        .expect("found by category");
}

#[test]
fn the_timeline_event_column_is_wide_at_a_narrow_window() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(app(lang, Tab::Context), 900.0, 650.0);
        h.run();
        let title = match lang {
            Lang::Zh => "深圳在全国率先推广新能源汽车示范应用",
            Lang::En => "Shenzhen is first in China to promote NEV demonstration use",
        };
        let node = h
            .get_all_by_label_contains(title)
            .next()
            .expect("timeline event");
        node.scroll_to_me();
        h.run();
        let r = h
            .get_all_by_label_contains(title)
            .next()
            .expect("event")
            .rect();
        assert!(
            r.width() > 200.0,
            "the event column reads as lines, not a character per line: {r:?}"
        );
        assert!(r.height() < 80.0, "wrapped into a few lines: {r:?}");
    }
}

#[test]
fn the_table_names_clusters_by_their_short_names_and_the_full_name_on_hover() {
    for lang in [Lang::Zh, Lang::En] {
        // Without the cluster list, which names clusters in full.
        let mut a = app(lang, Tab::Table);
        a.settings.sidebar = false;
        let mut h = harness(a, 1600.0, 1000.0);
        h.run();
        let d = &h.state().loaded.dataset;
        let c = d
            .clusters
            .iter()
            .find(|c| c.short_name.is_some())
            .expect("a cluster with a short name");
        let short = cluster_compare::deck::short_name(c, lang);
        let full = c.name.get(lang).to_owned();
        assert_ne!(short, full);
        assert!(
            h.query_by_label(&short).is_some(),
            "{lang:?}: the table shows {short:?}"
        );
        assert!(
            h.query_by_label(&full).is_none(),
            "{lang:?}: the full name {full:?} is only on hover"
        );
    }
}
