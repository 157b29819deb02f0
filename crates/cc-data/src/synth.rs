//! Synthetic datasets of N clusters, for benchmarks and scale tests. The
//! figures are made up and say so in every name; they never reach the seeds.

use crate::model::*;

/// A valid dataset of `n` synthetic clusters, deterministic for a given `n`.
pub fn dataset(n: usize) -> Dataset {
    let src = |quote: String| Citation {
        source: "synthetic".into(),
        quote,
    };
    let keys = [
        ("output_value", "产值", "Output value", true),
        ("firms", "企业数", "Firms", true),
        ("listed_firms", "上市企业数", "Listed firms", true),
        ("vehicle_output", "汽车产量", "Vehicle output", false),
    ];
    let levels = Level::ALL;
    let provinces = ["广东", "江苏", "浙江", "湖南", "江西", "四川"];
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let clusters = (0..n)
        .map(|i| {
            let output = 100.0 + (next() % 20_000) as f64;
            let firms = 50.0 + (next() % 5_000) as f64;
            let year = 2019 + (i % 6) as i32;
            let metric = |key: &str, value: f64, unit: &str, year: i32| Metric {
                key: key.into(),
                value,
                unit: unit.into(),
                qualifier: if i % 3 == 0 {
                    Qualifier::MoreThan
                } else {
                    Qualifier::Exact
                },
                as_of: AsOf {
                    year,
                    approximate: i % 5 == 0,
                    note: (i % 5 == 0).then(|| Text::new("合成", "synthetic")),
                },
                scope: (i % 2 == 0).then(|| Text::new("全部企业", "all firms")),
                subject: None,
                source: src(format!("{value}{unit}")),
                ..Default::default()
            };
            let policy_id = format!("synthetic-policy-{i}");
            Cluster {
                id: format!("synthetic-cluster-{i}"),
                name: Text::new(format!("合成集群{i}"), format!("Synthetic cluster {i}")),
                short_name: None,
                level: levels[i % levels.len()],
                designation: Some(Designation {
                    body: Text::new("工业和信息化部", "MIIT"),
                    programme: Text::new("合成名单", "Synthetic list"),
                    year: Some(year),
                    year_approximate: false,
                    round: None,
                    source: src("名单".into()),
                    ..Default::default()
                }),
                provinces: vec![Text::new(provinces[i % provinces.len()], "")],
                places: vec![Place {
                    name: Text::new(format!("城市{i}"), format!("City {i}")),
                    role: Some(Text::new("制造", "manufacturing")),
                    source: None,
                }],
                industry: Text::new("合成行业", "Synthetic industry"),
                field: None,
                promotion_org: Some(Organisation {
                    name: Text::new(format!("促进机构{i}"), format!("Promotion body {i}")),
                    founded: Some(2016),
                    role: None,
                    source: src("促进机构".into()),
                }),
                chain: Stage::ALL
                    .iter()
                    .enumerate()
                    .map(|(k, s)| Segment {
                        key: format!("seg_{k}"),
                        stage: *s,
                        name: Text::new(format!("环节{k}"), format!("Segment {k}")),
                    })
                    .collect(),
                lead_firms: (0..4)
                    .map(|k| Firm {
                        name: Text::new(format!("企业{i}-{k}"), format!("Firm {i}-{k}")),
                        segment: format!("seg_{}", k % 3),
                        note: None,
                        source: src("龙头企业".into()),
                    })
                    .collect(),
                metrics: vec![
                    metric("output_value", output, "亿元", year),
                    metric("output_value", output * 0.8, "亿元", year - 1),
                    metric("firms", firms, "家", year),
                    metric("listed_firms", (firms / 40.0).round(), "家", year),
                    metric("vehicle_output", output / 10.0, "万辆", year),
                ],
                targets: vec![Target {
                    key: "output_value".into(),
                    value: output * 1.5,
                    unit: "亿元".into(),
                    qualifier: Qualifier::MoreThan,
                    year: Some(2025 + (i % 3) as i32),
                    baseline_year: Some(year),
                    scope: None,
                    policy: Some(policy_id.clone()),
                    definition: None,
                    source: src("目标".into()),
                }],
                policies: Category::ALL
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k == 1 || (i + k) % 3 != 0)
                    .map(|(k, cat)| Policy {
                        id: if k == 1 {
                            policy_id.clone()
                        } else {
                            format!("synthetic-policy-{i}-{k}")
                        },
                        title: Text::new(format!("政策{i}-{k}"), format!("Policy {i}-{k}")),
                        issuer: Text::new("合成政府", "Synthetic government"),
                        year: Some(year),
                        categories: vec![*cat],
                        summary: None,
                        source: src("政策".into()),
                    })
                    .collect(),
                notes: vec![],
            }
        })
        .collect();
    Dataset {
        format_version: FORMAT_VERSION,
        title: Text::new("合成数据集", "Synthetic dataset"),
        sources: vec![Source {
            id: "synthetic".into(),
            title: Text::new("合成数据", "Synthetic data"),
            publisher: Text::new("cluster-compare", "cluster-compare"),
            author: None,
            date: "2026".into(),
            date_approximate: false,
            date_note: None,
            file: Some("synthetic".into()),
            ..Default::default()
        }],
        metric_keys: keys
            .iter()
            .map(|(k, zh, en, h)| MetricKey {
                key: (*k).into(),
                name: Text::new(*zh, *en),
                headline: *h,
                ..MetricKey::default()
            })
            .collect(),
        clusters,
        context: Context::default(),
        register: None,
        extends: None,
        yours: None,
    }
}

/// The synthetic dataset of `n` clusters where each cluster's output and
/// firm count run over `years` years (ending in its latest year, growing
/// 8% and 3% a year), for the charts' and the table's series at scale.
pub fn dataset_with_series(n: usize, years: usize) -> Dataset {
    let mut d = dataset(n);
    for c in &mut d.clusters {
        let mut extra = Vec::new();
        for key in ["output_value", "firms"] {
            let Some(last) = c.metrics.iter().find(|m| m.key == key).cloned() else {
                continue;
            };
            c.metrics
                .retain(|m| m.key != key || m.as_of.year == last.as_of.year);
            let rate = if key == "firms" { 1.03f64 } else { 1.08f64 };
            for k in 1..years {
                let mut m = last.clone();
                m.as_of.year -= k as i32;
                m.value = (last.value / rate.powi(k as i32)).round();
                m.qualifier = Qualifier::Exact;
                m.source.quote = format!("{}{}", m.value, m.unit);
                extra.push(m);
            }
        }
        c.metrics.extend(extra);
    }
    d
}

/// The synthetic dataset as pretty JSON text.
pub fn json(n: usize) -> String {
    // Serialising plain data to a String cannot fail.
    serde_json::to_string_pretty(&dataset(n)).unwrap_or_default()
}

/// The synthetic dataset of `n` clusters with `problems` unknown units spread
/// over its metrics (at most 5 per cluster), as pretty JSON text: a file with
/// that many errors to locate, for scale tests of problem reports.
pub fn json_with_problems(n: usize, problems: usize) -> String {
    serde_json::to_string_pretty(&dataset_with_problems(n, problems)).unwrap_or_default()
}

/// As [`json_with_problems`], without white space: 10,000 clusters stay
/// under the loader's 64 MiB limit (about 46 MB).
pub fn compact_json_with_problems(n: usize, problems: usize) -> String {
    serde_json::to_string(&dataset_with_problems(n, problems)).unwrap_or_default()
}

fn dataset_with_problems(n: usize, problems: usize) -> Dataset {
    let mut d = dataset(n);
    let per_cluster = d.clusters.first().map_or(0, |c| c.metrics.len());
    for j in 0..problems.min(n * per_cluster) {
        let (c, m) = (j % n, j / n);
        d.clusters[c].metrics[m].unit = "synthetic-unit".into();
    }
    d
}
