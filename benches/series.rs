//! Figures over the years at 10,000 clusters, each with five-year series of
//! output and firms: the models the Charts and Table tabs build (the lines
//! of the chosen metric across six compared clusters, the plot's items, the
//! table with its growth columns), and one frame of each tab (goal: at most
//! 2 ms median).

use cluster_compare::app::{App, Settings};
use cluster_compare::compare::Comparison;
use cluster_compare::load::Loaded;
use cluster_compare::model::{Dataset, Lang};
use cluster_compare::synth;
use cluster_compare::table::ClusterTable;
use cluster_compare::timeline;
use cluster_compare::ui::charts::lines_for_plot;
use cluster_compare::ui::view::Tab;

const N: usize = 10_000;
const YEARS: usize = 5;

fn main() {
    divan::main();
}

fn data() -> Dataset {
    synth::dataset_with_series(N, YEARS)
}

fn six(d: &Dataset) -> Vec<String> {
    d.clusters.iter().take(6).map(|c| c.id.clone()).collect()
}

/// The lines of one metric across six clusters, from the comparison.
#[divan::bench]
fn chart_lines(bencher: divan::Bencher) {
    let d = data();
    let cmp = Comparison::build(&d, &six(&d), None, Lang::Zh);
    bencher.bench_local(|| timeline::lines(&d, &cmp, "output_value").map(|l| l.lines.len()));
}

/// The lines and the plot's items, as the Charts tab builds them each frame.
#[divan::bench]
fn chart_plot_items(bencher: divan::Bencher) {
    let d = data();
    let cmp = Comparison::build(&d, &six(&d), None, Lang::Zh);
    bencher.bench_local(|| {
        let l = timeline::lines(&d, &cmp, "output_value")?;
        Some(lines_for_plot(&l, false).len())
    });
}

/// The comparison of six clusters with their series (built once per change).
#[divan::bench]
fn comparison_with_series(bencher: divan::Bencher) {
    let d = data();
    let ids = six(&d);
    bencher.bench_local(|| Comparison::build(&d, &ids, Some(0), Lang::Zh).columns.len());
}

/// The table of every cluster with its growth columns (built once per
/// dataset and language).
#[divan::bench(sample_count = 20)]
fn table_with_growth(bencher: divan::Bencher) {
    let d = data();
    bencher.bench_local(|| ClusterTable::build(&d, Lang::Zh).growth.len());
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    }
}

fn frame(bencher: divan::Bencher, tab: Tab) {
    let dataset = data();
    let compare = six(&dataset);
    let mut app = App::with_data(
        Loaded {
            file: "synthetic".into(),
            dataset,
            warnings: vec![],
            added: vec![],
        },
        Settings {
            compare,
            lang: Lang::Zh,
            tab,
            ..Settings::default()
        },
    );
    let ctx = egui::Context::default();
    cluster_compare::ui::fonts::install(&ctx);
    for _ in 0..5 {
        let mut out = ctx.run_ui(input(), |ui| app.ui(ui));
        // No renderer takes the font atlas here (a debug build asserts that
        // someone does).
        out.textures_delta.clear();
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    bencher.bench_local(|| {
        let mut out = ctx.run_ui(input(), |ui| app.ui(ui));
        out.textures_delta.clear();
        ctx.tessellate(out.shapes, out.pixels_per_point).len()
    });
}

/// One frame of the Charts tab: bars and the lines over the years.
#[divan::bench(sample_count = 100)]
fn frame_charts(bencher: divan::Bencher) {
    frame(bencher, Tab::Charts);
}

/// One frame of the Table tab with its growth columns.
#[divan::bench(sample_count = 100)]
fn frame_table(bencher: divan::Bencher) {
    frame(bencher, Tab::Table);
}
