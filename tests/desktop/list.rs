//! The cluster list, the Edit menu's undo, the typed-path prompt and the
//! collapsing sidebar.

use super::*;

/// Only the small "+" added a cluster; its name is a target too now.
#[test]
fn clicking_a_name_in_the_list_adds_the_cluster() {
    let mut h = harness(app(Lang::En));
    h.run();
    let name = h
        .state()
        .loaded
        .dataset
        .cluster(YC)
        .unwrap()
        .name
        .en
        .clone();
    h.get_by_label(&name).click();
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, GD, YC]);
    // Clicking it again adds nothing more.
    h.get_all_by_label(&name).next().unwrap().click();
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, GD, YC]);
}

/// At six clusters the "+" is disabled; hovering it says why.
#[test]
fn a_full_comparison_says_why_nothing_more_is_added() {
    let mut a = app(Lang::En);
    let listed = common::listed(&a.loaded.dataset, Lang::En);
    a.settings.compare = listed[..6].to_vec();
    let next = listed[6].clone();
    let mut h = harness(a);
    h.run();
    h.get_by_label(&format!("Add {next}")).hover();
    h.run();
    h.get_all_by_label_contains("remove one to add another")
        .next()
        .expect("the disabled + says why");
    assert_eq!(h.state().settings.compare.len(), 6);
}

/// The list says how many figures each cluster has and can hide those with none.
#[test]
fn the_list_counts_figures_and_can_show_only_clusters_with_figures() {
    let mut h = harness(app(Lang::En));
    h.run();
    let d = &h.state().loaded.dataset;
    let empty = common::listed(d, Lang::En)
        .into_iter()
        .find(|id| d.cluster(id).is_some_and(|c| c.metrics.is_empty()))
        .expect("a cluster without figures");
    let with = d.clusters.iter().filter(|c| !c.metrics.is_empty()).count();
    let total = d.clusters.len();
    assert!(h.query_by_label(&format!("Add {empty}")).is_some());
    h.get_by_label("With figures only").click();
    h.run();
    h.run();
    assert!(h.state().settings.picker.with_figures);
    assert!(
        h.query_by_label(&format!("Add {empty}")).is_none(),
        "a cluster without figures is hidden"
    );
    h.get_by_label(&format!("Showing {with} of {total} clusters"));
    assert!(h.state().needs_save(), "the toggle is kept");
}

/// The Edit menu names the change undo takes back; undoing says what it undid.
#[test]
fn the_edit_menu_names_the_change_and_undo_confirms_it() {
    let mut h = harness(app(Lang::En));
    h.run();
    h.get_by_label(&format!("Add {YC}")).click();
    h.run();
    h.get_by_label("Edit").click();
    h.run();
    h.get_all_by_label_contains("Undo comparison change: add Baotou")
        .next()
        .expect("the undo item names the change")
        .click();
    h.run();
    assert_eq!(h.state().settings.compare, [SZ, GD]);
    let status = h.state().status.clone().unwrap_or_default().en;
    assert!(status.starts_with("Undone: add Baotou"), "{status}");
    h.get_all_by_label_contains("Undone: add Baotou")
        .next()
        .expect("shown in the window");
}

/// Without a file dialog, the typed-path prompt proposes a name from the
/// comparison in the last folder, adds the extension, keeps itself open with
/// the error, and a save that goes through clears the banner.
#[test]
fn the_typed_path_prompt_suggests_a_name_and_keeps_errors_in_view() {
    use cluster_compare::export::Format;
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(Lang::En);
    a.settings.last_folder = Some(dir.path().to_owned());
    let mut h = harness(a);
    h.run();
    h.state_mut()
        .dialog_unavailable(Purpose::Export(Format::Csv, 1.0));
    h.run();
    let proposed = h.get_by_label("Path").value().unwrap_or_default();
    let expected = dir.path().join(format!("{SZ}_{GD}.csv"));
    assert_eq!(proposed, expected.display().to_string());

    let missing = dir.path().join("no-such-folder").join("x");
    h.state_mut().path_prompt().unwrap().text = missing.display().to_string();
    h.run();
    let export = |h: &Harness<'static, App>| h.get_all_by_label("Export").last().unwrap().click();
    export(&h);
    h.run();
    assert!(
        h.state_mut().path_prompt().is_some(),
        "the prompt stays open"
    );
    h.get_all_by_label_contains("does not exist")
        .next()
        .expect("the error is in the prompt");

    let out = dir.path().join("team");
    h.state_mut().path_prompt().unwrap().text = out.display().to_string();
    h.run();
    export(&h);
    // The export runs on a worker that asks for repaints until it is done:
    // a fixed number of frames, not "until idle" (which a slow machine
    // would not reach within the harness's step limit).
    h.run_steps(3);
    assert!(h.state_mut().path_prompt().is_none(), "the prompt closed");
    h.state_mut().wait_for_export();
    h.run();
    assert!(
        dir.path().join("team.csv").is_file(),
        "the extension was added"
    );
    assert!(
        h.query_all_by_label_contains("file dialog could not open")
            .next()
            .is_none(),
        "the banner cleared after the save"
    );
    assert_eq!(h.state().settings.last_folder.as_deref(), Some(dir.path()));

    // PNG slides go into a folder, and the prompt says so.
    h.state_mut()
        .dialog_unavailable(Purpose::Slides(Format::Png));
    h.run();
    h.get_all_by_label_contains("Full path of the folder")
        .next()
        .expect("a folder is asked for");
}

/// The cluster list hides and comes back, by its button and by Ctrl+B.
#[test]
fn the_cluster_list_collapses_and_comes_back() {
    let mut h = harness(app(Lang::En));
    h.run();
    assert!(h.query_by_label("Search clusters").is_some());
    h.get_by_label("Hide the cluster list").click();
    h.run();
    assert!(!h.state().settings.sidebar);
    assert!(h.query_by_label("Search clusters").is_none(), "hidden");
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run();
    assert!(h.state().settings.sidebar);
    assert!(h.query_by_label("Search clusters").is_some(), "back");
}
