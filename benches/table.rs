//! The table of every cluster at 10,000 clusters: one frame of the Table tab
//! (goal: at most 2 ms median), building the table model, and the `table
//! --format csv` command's work (goal: at most 1 s, parsing the file included).

use cluster_compare::app::{App, Settings};
use cluster_compare::export::all_clusters::{self as table, TableFormat, TableRequest};
use cluster_compare::load::{self, Loaded};
use cluster_compare::model::Lang;
use cluster_compare::synth;
use cluster_compare::table::{ClusterTable, Sort, SortKey};
use cluster_compare::ui::view::Tab;

const N: usize = 10_000;

fn main() {
    divan::main();
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

fn table_frame(bencher: divan::Bencher, sort: Option<Sort>) {
    let dataset = synth::dataset(N);
    let compare = dataset
        .clusters
        .iter()
        .take(2)
        .map(|c| c.id.clone())
        .collect();
    let mut settings = Settings {
        compare,
        lang: Lang::Zh,
        tab: Tab::Table,
        ..Settings::default()
    };
    settings.table.sort = sort;
    let mut app = App::with_data(
        Loaded {
            file: "synthetic".into(),
            dataset,
            warnings: vec![],
            added: vec![],
        },
        settings,
    );
    let ctx = egui::Context::default();
    cluster_compare::ui::fonts::install(&ctx);
    // Warm up: fonts, glyph atlas, the table model and row order.
    for _ in 0..5 {
        let out = ctx.run_ui(input(), |ui| app.ui(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    bencher.bench_local(|| {
        let out = ctx.run_ui(input(), |ui| app.ui(ui));
        ctx.tessellate(out.shapes, out.pixels_per_point).len()
    });
}

/// One frame of the Table tab, 10,000 rows, dataset order.
#[divan::bench(sample_count = 200)]
fn frame_table_10k(bencher: divan::Bencher) {
    table_frame(bencher, None);
}

/// One frame of the Table tab, 10,000 rows sorted by output value.
#[divan::bench(sample_count = 200)]
fn frame_table_10k_sorted(bencher: divan::Bencher) {
    table_frame(
        bencher,
        Some(Sort {
            key: SortKey::Metric("output_value".into()),
            descending: true,
        }),
    );
}

/// Building the table model (once per dataset and language).
#[divan::bench(sample_count = 20)]
fn build_table_10k(bencher: divan::Bencher) {
    let d = synth::dataset(N);
    bencher.bench(|| ClusterTable::build(&d, Lang::Zh).rows.len());
}

/// Sorting 10,000 rows by a metric (what a header click costs).
#[divan::bench(sample_count = 50)]
fn sort_table_10k(bencher: divan::Bencher) {
    let d = synth::dataset(N);
    let t = ClusterTable::build(&d, Lang::Zh);
    let s = Sort {
        key: SortKey::Metric("output_value".into()),
        descending: true,
    };
    bencher.bench(|| {
        let mut rows: Vec<usize> = (0..t.rows.len()).collect();
        t.sort(&mut rows, &s);
        rows[0]
    });
}

/// `cluster-compare table --data FILE --format csv`: parse and validate the
/// text (without the file-size check: the pretty synthetic file is 91 MB),
/// build, sort and write the CSV bytes.
#[divan::bench(sample_count = 10)]
fn table_csv_10k_from_json(bencher: divan::Bencher) {
    let json = synth::json(N);
    let req = TableRequest {
        lang: Lang::Zh,
        sort: Some(Sort {
            key: SortKey::Metric("output_value".into()),
            descending: true,
        }),
        filters: Default::default(),
    };
    bencher.bench(|| {
        let l = load::load_str("synthetic.json", &json).unwrap_or_else(|e| panic!("{e}"));
        table::render(&l.dataset, &req, TableFormat::Csv)
            .map(|b| b.len())
            .unwrap_or(0)
    });
}

/// The XLSX of 10,000 clusters, from a loaded dataset.
#[divan::bench(sample_count = 5)]
fn table_xlsx_10k(bencher: divan::Bencher) {
    let d = synth::dataset(N);
    let req = TableRequest {
        lang: Lang::En,
        ..Default::default()
    };
    bencher.bench(|| {
        table::render(&d, &req, TableFormat::Xlsx)
            .map(|b| b.len())
            .unwrap_or(0)
    });
}
