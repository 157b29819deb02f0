//! The app as a user drives it (egui_kittest): add and remove a panel, switch
//! language, make a panel the baseline, load a bad file and see every problem
//! while the data already shown stays. Snapshot images of the default
//! comparison in both themes and languages; any missing glyph fails.

mod common;
#[path = "ui/look.rs"]
mod look;
#[path = "ui/picker.rs"]
mod picker;
#[path = "ui/tooltip.rs"]
mod tooltip;

use cluster_compare::app::{App, Settings};
use cluster_compare::load;
use cluster_compare::model::Lang;
use cluster_compare::ui::fonts;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The id of the cluster the sidebar's list starts with: the first by name.
fn first_listed(lang: Lang) -> String {
    let d = load::load_embedded().unwrap().dataset;
    d.clusters
        .iter()
        .min_by_key(|c| cluster_compare::collate::key(c.name.get(lang), lang))
        .unwrap()
        .id
        .clone()
}

fn app(lang: Lang, dark: bool) -> App {
    let loaded = load::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    App::with_data(
        loaded,
        Settings {
            lang,
            dark,
            ..Settings::default()
        },
    )
}

fn harness(app: App) -> Harness<'static, App> {
    common::window(app, 1600.0, 1000.0)
}

#[test]
fn opens_on_shenzhen_and_guangdong_side_by_side() {
    let mut h = harness(app(Lang::Zh, false));
    h.run();
    assert_eq!(
        h.state().settings.compare,
        ["shenzhen-battery-materials", "guangdong-six-city-nev"]
    );
    h.get_all_by_label_contains("深圳电池材料")
        .next()
        .expect("Shenzhen panel");
    h.get_all_by_label_contains("> 5,700亿元")
        .next()
        .expect("output card with qualifier");
}

#[test]
fn add_and_remove_a_panel() {
    let mut h = harness(app(Lang::En, false));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_label("Search clusters").type_text("Yichun");
    h.run();
    h.get_by_label("Add yichun-lithium").click();
    h.run();
    assert_eq!(h.state().settings.compare.len(), 3);
    assert_eq!(h.state().settings.compare[2], "yichun-lithium");
    h.get_by_label("Remove guangdong-six-city-nev").click();
    h.run();
    assert_eq!(
        h.state().settings.compare,
        ["shenzhen-battery-materials", "yichun-lithium"]
    );
}

#[test]
fn switch_language() {
    let mut h = harness(app(Lang::Zh, false));
    h.run();
    assert!(h.query_by_label("概览").is_some());
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.state().settings.lang, Lang::En);
    assert!(h.query_by_label("Overview").is_some());
    h.get_all_by_label_contains("> CNY 570 bn")
        .next()
        .expect("English number format");
}

#[test]
fn make_a_panel_the_baseline() {
    let mut h = harness(app(Lang::En, false));
    h.run();
    h.get_by_label("Baseline shenzhen-battery-materials")
        .click();
    h.run();
    assert_eq!(h.state().settings.baseline, Some(0));
    // Guangdong's headline figures differ from Shenzhen's in definition: the
    // cards say so instead of showing a ratio.
    h.get_all_by_label_contains("not comparable")
        .next()
        .expect("unlike definitions marked against the baseline");
    assert!(
        h.query_all_by_label_contains("vs baseline")
            .next()
            .is_none(),
        "no ratio between unlike definitions"
    );
}

#[test]
fn a_bad_file_shows_every_problem_and_the_old_data_stays() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    let mut v: serde_json::Value = serde_json::from_str(load::EMBEDDED).unwrap();
    v["clusters"][0]["metrics"][0]["unit"] = "万亿美刀".into();
    v["clusters"][1]["id"] = v["clusters"][0]["id"].clone();
    std::fs::write(&bad, serde_json::to_string_pretty(&v).unwrap()).unwrap();

    let mut h = harness(app(Lang::En, false));
    h.run();
    let before = h.state().loaded.dataset.clusters.len();
    h.state_mut().open(&bad);
    h.state_mut().wait_for_loading();
    // The worker's repaint request may still arrive: step, don't wait to settle.
    h.run_steps(8);
    h.get_all_by_label_contains("Could not load")
        .next()
        .expect("problems panel");
    h.get_all_by_label_contains("unknown unit `万亿美刀`")
        .next()
        .expect("first problem");
    h.get_all_by_label_contains("duplicate cluster id")
        .next()
        .expect("second problem");
    assert_eq!(h.state().loaded.dataset.clusters.len(), before);
    h.get_all_by_label_contains("Shenzhen")
        .next()
        .expect("the panels still show the old data");
}

fn snapshot(lang: Lang, dark: bool, name: &str) {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_context_setup(fonts::install)
        .wgpu()
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app(lang, dark));
    h.run();
    h.snapshot(name);
}

#[test]
fn snapshot_default_comparison_light_zh() {
    snapshot(Lang::Zh, false, "default_light_zh");
}

#[test]
fn snapshot_default_comparison_dark_zh() {
    snapshot(Lang::Zh, true, "default_dark_zh");
}

#[test]
fn snapshot_default_comparison_light_en() {
    snapshot(Lang::En, false, "default_light_en");
}

#[test]
fn snapshot_default_comparison_dark_en() {
    snapshot(Lang::En, true, "default_dark_en");
}

#[test]
fn the_open_file_reloads_when_it_changes_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clusters.json");
    std::fs::write(&path, load::EMBEDDED).unwrap();
    let mut h = harness(app(Lang::Zh, false));
    h.state_mut().open(&path);
    h.state_mut().wait_for_loading();
    // The worker's repaint request may still arrive: step, don't wait to settle.
    h.run_steps(8);
    assert!(h.query_by_label_contains("深圳电池材料（改）").is_none());

    let changed = load::EMBEDDED.replace("\"深圳电池材料\"", "\"深圳电池材料（改）\"");
    assert_ne!(
        changed,
        load::EMBEDDED,
        "the test edits a name that is in the data"
    );
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, changed).unwrap();
    // The app looks at the file once a second: step a little over two seconds.
    h.run_steps(150);
    // The reload runs in the background: let it finish, then draw.
    h.state_mut().wait_for_loading();
    // The worker's repaint request may still arrive: step, don't wait to settle.
    h.run_steps(8);
    h.get_all_by_label_contains("深圳电池材料（改）")
        .next()
        .expect("reloaded name shown");
}

#[test]
fn f11_presents_the_slide_deck_and_esc_leaves_it() {
    let mut h = harness(app(Lang::En, false));
    h.run();
    h.key_press(egui::Key::F11);
    h.run();
    assert!(h.state().presentation);
    assert!(h.query_by_label("Clusters").is_none(), "side panel hidden");
    // The deck is laid out and drawn off the UI thread; frames go on meanwhile.
    let start = std::time::Instant::now();
    while h.state().presenter.first_slide_after.is_none() {
        assert!(start.elapsed().as_secs() < 30, "no slide after 30 s");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    let n = h.state().presenter.slide_count().unwrap_or(0);
    assert!(n > 5, "{n} slides");
    h.get_by_label(&format!("Slide 1 / {n}"));
    // The other slides go on arriving from the worker (each asks for a
    // repaint); let it finish so the frames below settle.
    while h.state().presenter.busy() {
        assert!(
            start.elapsed().as_secs() < 60,
            "slides still drawing after 60 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.key_press(egui::Key::ArrowRight);
    h.key_press(egui::Key::PageDown);
    h.run();
    h.get_by_label(&format!("Slide 3 / {n}"));
    h.key_press(egui::Key::PageUp);
    h.run();
    assert_eq!(h.state().presenter.index, 1);
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().presentation);
    assert!(h.query_by_label("Clusters").is_some());
}

#[test]
fn search_filters_the_cluster_list() {
    let mut h = harness(app(Lang::En, false));
    h.run();
    let first = first_listed(Lang::En);
    assert!(h.query_by_label(&format!("Add {first}")).is_some());
    assert!(h.query_by_label("Add yichun-lithium").is_none());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_label("Search clusters").type_text("lithium");
    h.run();
    assert!(h.query_by_label("Add yichun-lithium").is_some());
    assert!(h.query_by_label("Add deqing-biomedicine").is_none());
}

#[test]
fn reordering_keeps_the_baseline_on_its_cluster() {
    let mut h = harness(app(Lang::En, false));
    h.run();
    h.get_by_label("Baseline shenzhen-battery-materials")
        .click();
    h.run();
    h.get_by_label("Move right shenzhen-battery-materials")
        .click();
    h.run();
    let s = &h.state().settings;
    assert_eq!(
        s.compare,
        ["guangdong-six-city-nev", "shenzhen-battery-materials"]
    );
    assert_eq!(s.baseline, Some(1));
}

#[test]
fn the_baseline_stays_on_its_cluster_when_the_data_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fewer.json");
    let mut v: serde_json::Value = serde_json::from_str(load::EMBEDDED).unwrap();
    v["clusters"]
        .as_array_mut()
        .unwrap()
        .retain(|c| c["id"] != "yichun-lithium");
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();

    let mut a = app(Lang::En, false);
    a.settings.compare = vec![
        "yichun-lithium".into(),
        "shenzhen-battery-materials".into(),
        "guangdong-six-city-nev".into(),
    ];
    a.settings.baseline = Some(1);
    let mut h = harness(a);
    h.state_mut().open(&path);
    h.state_mut().wait_for_loading();
    // The worker's repaint request may still arrive: step, don't wait to settle.
    h.run_steps(8);
    let s = &h.state().settings;
    assert_eq!(
        s.compare,
        ["shenzhen-battery-materials", "guangdong-six-city-nev"]
    );
    assert_eq!(s.baseline, Some(0), "still Shenzhen");
}

/// A filter the data has no value for (a province from another file) would
/// silently hide everything: it is dropped.
#[test]
fn a_filter_the_data_does_not_have_does_not_empty_the_list() {
    let mut a = app(Lang::Zh, false);
    a.settings.picker.filters.province = Some("亚特兰蒂斯".into());
    let mut h = harness(a);
    h.run();
    h.run();
    assert!(
        h.query_by_label(&format!("添加 {}", first_listed(Lang::Zh)))
            .is_some(),
        "the stale filter was dropped"
    );
    assert_eq!(h.state().settings.picker.filters.province, None);
}

/// Switching 中文 → English once cleared the province filter (its Chinese
/// name is not an English one); it names the same province in English now.
#[test]
fn switching_language_keeps_the_province_filter() {
    let mut a = app(Lang::Zh, false);
    a.settings.picker.filters.province = Some("广东".into());
    let mut h = harness(a);
    h.run();
    assert!(
        h.query_by_label("添加 yichun-lithium").is_none(),
        "filtered to Guangdong"
    );
    h.get_by_label("English").click();
    h.run();
    h.run();
    assert_eq!(
        h.state().settings.picker.filters.province.as_deref(),
        Some("Guangdong")
    );
    assert!(
        h.query_by_label("Add yichun-lithium").is_none(),
        "still filtered to Guangdong"
    );
    assert!(h.query_by_label("Add shenzhen-next-gen-ict").is_some());
    h.get_by_label("中文").click();
    h.run();
    h.run();
    assert_eq!(
        h.state().settings.picker.filters.province.as_deref(),
        Some("广东")
    );
}

#[test]
fn a_file_loads_in_the_background_while_the_old_data_stays_usable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("renamed.json");
    let renamed = load::EMBEDDED.replace(
        "\"Shenzhen battery materials\"",
        "\"Shenzhen cluster, renamed\"",
    );
    assert_ne!(
        renamed,
        load::EMBEDDED,
        "the test edits a name that is in the data"
    );
    std::fs::write(&path, renamed).unwrap();

    let mut h = harness(app(Lang::En, false));
    h.run();
    let hold = h.state().hold_loading();
    h.state_mut().open(&path);
    // The window keeps drawing while the file loads (step: the spinner animates).
    for _ in 0..3 {
        h.step();
    }
    h.get_all_by_label_contains("Loading")
        .next()
        .expect("the status bar says a file is loading");
    assert_eq!(
        h.state().loading(),
        Some(path.display().to_string().as_str())
    );
    h.get_all_by_label_contains("Shenzhen battery materials")
        .next()
        .expect("the old data still shows");
    // ... and is usable.
    h.get_by_label(&format!("Add {}", first_listed(Lang::En)))
        .click();
    h.step();
    h.step();
    assert_eq!(h.state().settings.compare.len(), 3);

    drop(hold);
    h.state_mut().wait_for_loading();
    // The worker's repaint request may still arrive: step, don't wait to settle.
    h.run_steps(8);
    assert!(h.state().loading().is_none());
    h.get_all_by_label_contains("Shenzhen cluster, renamed")
        .next()
        .expect("the new data arrives");
    assert!(h.query_by_label_contains("Loading").is_none());
}

#[test]
fn a_newer_open_supersedes_one_still_loading() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.json"), dir.path().join("new.json"));
    std::fs::write(&old, cluster_compare::synth::json(3)).unwrap();
    std::fs::write(&new, load::EMBEDDED).unwrap();
    let mut h = harness(app(Lang::En, false));
    h.run();
    let hold = h.state().hold_loading();
    h.state_mut().open(&old);
    h.state_mut().open(&new);
    drop(hold);
    h.state_mut().wait_for_loading();
    std::thread::sleep(std::time::Duration::from_millis(200));
    h.run();
    assert_eq!(h.state().loaded.file, new.display().to_string());
    assert!(h.query_by_label_contains("Synthetic cluster").is_none());
}

#[test]
fn a_missing_start_file_says_the_embedded_dataset_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.json");
    let startup = cluster_compare::app::Startup {
        data: Some(missing),
        compare: vec![],
        lang: Some(Lang::En),
        view: None,
    };
    let mut state = App::start(startup, Settings::default(), None);
    state.wait_for_loading();
    let mut h = harness(state);
    h.run();
    h.get_all_by_label_contains("the embedded dataset is shown instead")
        .next()
        .expect("says what is shown");
    assert!(
        h.query_by_label_contains("the data shown before stays")
            .is_none()
    );
    h.get_all_by_label_contains("Shenzhen")
        .next()
        .expect("the embedded data shows");
}
