//! Saved views, view files, the help pages and ids asked for at start.

use super::*;

#[test]
fn save_a_named_view_change_the_comparison_and_reopen_it() {
    let mut a = app(Lang::En);
    a.settings.compare = vec![SZ.into(), YC.into()];
    a.settings.baseline = Some(1);
    let mut h = harness(a);
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Save the current view…").click();
    h.run();
    h.run();
    h.get_by_label("View name")
        .type_text("Batteries and lithium");
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(h.state().settings.views.len(), 1);
    assert_eq!(h.state().settings.views[0].name, "Batteries and lithium");

    h.get_by_label(&format!("Remove {YC}")).click();
    h.run();
    let other = common::listed(&h.state().loaded.dataset, Lang::En)[0].clone();
    h.get_by_label(&format!("Add {other}")).click();
    h.run();
    h.get_by_label("中文").click();
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, other.as_str()]);

    h.get_by_label("视图").click();
    h.run();
    h.get_by_label("Batteries and lithium").click();
    h.run();
    let s = &h.state().settings;
    assert_eq!(s.compare, [SZ, YC], "clusters restored");
    assert_eq!(s.baseline, Some(1), "baseline restored");
    assert_eq!(s.lang, Lang::En, "language restored");
}

#[test]
fn a_view_file_with_unknown_ids_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.ccview.json");
    let mut a = app(Lang::En);
    a.settings.compare = vec![GD.into(), YC.into()];
    a.settings.tab = Tab::Policies;
    let mut h = harness(a);
    h.run();
    h.state_mut().view_file(Purpose::SaveViewFile, &path);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["name"], "team");
    v["compare"]
        .as_array_mut()
        .unwrap()
        .insert(1, "atlantis-shipyards".into());
    std::fs::write(&path, v.to_string()).unwrap();

    h.state_mut().settings.compare = vec![SZ.into()];
    h.state_mut().settings.tab = Tab::Overview;
    h.state_mut().view_file(Purpose::OpenViewFile, &path);
    h.state_mut().wait_for_view_file();
    h.run();
    assert_eq!(h.state().settings.compare, [GD, YC]);
    assert_eq!(h.state().settings.tab, Tab::Policies);
    h.get_all_by_label_contains("ids not found in the data: atlantis-shipyards")
        .next()
        .expect("the unknown id is named in the window");
    h.get_by_label("Dismiss notice").click();
    h.run();
    assert!(
        h.query_all_by_label_contains("atlantis-shipyards")
            .next()
            .is_none()
    );
}

#[test]
fn a_broken_view_file_says_so_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.ccview.json");
    std::fs::write(&path, load::EMBEDDED).unwrap();
    let mut h = harness(app(Lang::En));
    h.run();
    h.state_mut().view_file(Purpose::OpenViewFile, &path);
    h.state_mut().wait_for_view_file();
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, GD]);
    h.get_all_by_label_contains("not a valid view file")
        .next()
        .expect("the error is shown");
}

#[test]
fn help_pages_open_from_the_menu_and_esc_closes_them() {
    let mut h = harness(app(Lang::En));
    h.run();
    h.get_by_label("Help").click();
    h.run();
    // The item shows its key (F1) too.
    h.get_all_by_label_contains("Keyboard shortcuts…")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_all_by_label_contains("Undo a change to the comparison")
        .next()
        .expect("shortcuts listed");
    assert!(h.query_all_by_label_contains("Ctrl+Z").next().is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Undo a change to the comparison")
            .is_none()
    );

    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About…").click();
    h.run();
    h.get_all_by_label_contains(env!("CARGO_PKG_VERSION"))
        .next()
        .expect("version shown");
    h.get_all_by_label_contains("SIL Open Font License 1.1")
        .next()
        .expect("the font's licence");
    h.get_by_label("Close (Esc)").click();
    h.run();

    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Where the data comes from…").click();
    h.run();
    let d = &h.state().loaded.dataset;
    let publishers: Vec<String> = d.sources.iter().map(|s| s.publisher.en.clone()).collect();
    assert!(!publishers.is_empty());
    for p in publishers {
        h.get_all_by_label_contains(&p)
            .next()
            .unwrap_or_else(|| panic!("source by {p} listed"));
    }
    h.key_press(Key::Escape);
    h.run();

    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("The data format…").click();
    h.run();
    h.get_all_by_label_contains("cluster-compare check FILE")
        .next()
        .expect("how to check a file");
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::F1);
    h.run();
    h.get_all_by_label_contains("Undo a change to the comparison")
        .next()
        .expect("F1 opens the shortcuts");
}

#[test]
fn compare_ids_not_used_at_start_are_named_in_the_window() {
    let asked: Vec<String> = vec![SZ.into(), "nowhere-cluster".into(), SZ.into()];
    let loaded = load::load_embedded().unwrap();
    let a = App::with_data(
        loaded,
        Settings {
            lang: Lang::En,
            compare: asked.clone(),
            ..Settings::default()
        },
    );
    let mut h = harness(a);
    h.state_mut().note_startup_compare(&asked);
    h.run();
    assert_eq!(h.state().settings.compare, [SZ]);
    h.get_all_by_label_contains("ids not found in the data: nowhere-cluster")
        .next()
        .expect("unknown id named");
    h.get_all_by_label_contains("repeated ids")
        .next()
        .expect("repeated id named");
    h.get_by_label("Dismiss notice").click();
    h.run();
    assert!(
        h.query_all_by_label_contains("nowhere-cluster")
            .next()
            .is_none(),
        "dismissed"
    );
}
