//! The dataset from the sheets' rows: sources, keys and definitions,
//! clusters and the rows that belong to them, the More sheet, and the checks
//! that say better than validation what users get wrong most.

use super::convert::plain_number;
use super::*;

impl Reader<'_> {
    pub(super) fn dataset(&mut self) -> Dataset {
        let mut d = Dataset {
            format_version: FORMAT_VERSION,
            ..Dataset::default()
        };
        // First: whether the workbook extends the register.
        self.more(&mut d);
        // A workbook over the register may give only figures.
        let need = d.extends.is_none();
        for o in self.objects(SheetId::Sources, need) {
            if let Some(s) = self.typed::<Source>(SheetId::Sources, o.row, o.obj) {
                self.origin.insert(
                    format!("sources[{}]", d.sources.len()),
                    (SheetId::Sources, o.row),
                );
                d.sources.push(s);
            }
        }
        for o in self.objects(SheetId::MetricKeys, need) {
            if let Some(k) = self.typed::<MetricKey>(SheetId::MetricKeys, o.row, o.obj) {
                self.origin.insert(
                    format!("metric_keys[{}]", d.metric_keys.len()),
                    (SheetId::MetricKeys, o.row),
                );
                d.metric_keys.push(k);
            }
        }
        let keys: Vec<String> = d.metric_keys.iter().map(|k| k.key.clone()).collect();
        let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        for o in self.objects(SheetId::Definitions, false) {
            let Some(def) = self.typed::<Definition>(SheetId::Definitions, o.row, o.obj) else {
                continue;
            };
            let parent = o.parent.unwrap_or_default();
            match d.metric_keys.iter().position(|k| k.key == parent) {
                Some(i) => {
                    let k = &mut d.metric_keys[i];
                    self.origin.insert(
                        format!("metric_keys[{i}].definitions[{}]", k.definitions.len()),
                        (SheetId::Definitions, o.row),
                    );
                    k.definitions.push(def);
                }
                None => {
                    let at = self.parent_cell(SheetId::Definitions, o.row);
                    self.unknown(
                        at,
                        (
                            "“Metric keys”表中的指标键",
                            "a key on the Metric keys sheet",
                        ),
                        &parent,
                        &key_refs,
                    );
                }
            }
        }
        for o in self.objects(SheetId::Clusters, need) {
            if let Some(c) = self.typed::<Cluster>(SheetId::Clusters, o.row, o.obj) {
                self.origin.insert(
                    format!("clusters[{}]", d.clusters.len()),
                    (SheetId::Clusters, o.row),
                );
                d.clusters.push(c);
            }
        }
        let figures = self.objects(SheetId::Figures, false);
        let targets = self.objects(SheetId::Targets, false);
        let policies = self.objects(SheetId::Policies, false);
        if d.extends.as_deref() == Some(crate::load::extend::EMBEDDED)
            && let Ok(base) = crate::load::load_embedded()
        {
            // Rows for a register cluster the Clusters sheet does not list
            // are added to the register's cluster.
            for o in figures.iter().chain(&targets).chain(&policies) {
                let Some(p) = o.parent.as_deref() else {
                    continue;
                };
                if d.cluster(p).is_none()
                    && let Some(c) = base.dataset.cluster(p)
                {
                    d.clusters.push(Cluster {
                        metrics: vec![],
                        targets: vec![],
                        policies: vec![],
                        ..c.clone()
                    });
                }
            }
        }
        let ids: Vec<String> = d.clusters.iter().map(|c| c.id.clone()).collect();
        let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let index: HashMap<&str, usize> =
            id_refs.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let owner = |r: &mut Self, id: SheetId, o: &RowObj| -> Option<usize> {
            let p = o.parent.as_deref().unwrap_or_default();
            let i = index.get(p).copied();
            if i.is_none() {
                let at = r.parent_cell(id, o.row);
                r.unknown(
                    at,
                    (
                        "“Clusters”表中的集群 id",
                        "a cluster id on the Clusters sheet",
                    ),
                    p,
                    &id_refs,
                );
            }
            i
        };
        for o in figures {
            let Some(ci) = owner(self, SheetId::Figures, &o) else {
                continue;
            };
            if let Some(m) = self.typed::<Metric>(SheetId::Figures, o.row, o.obj) {
                let c = &mut d.clusters[ci];
                self.origin.insert(
                    format!("clusters[{ci}].metrics[{}]", c.metrics.len()),
                    (SheetId::Figures, o.row),
                );
                c.metrics.push(m);
            }
        }
        for o in targets {
            let Some(ci) = owner(self, SheetId::Targets, &o) else {
                continue;
            };
            if let Some(t) = self.typed::<Target>(SheetId::Targets, o.row, o.obj) {
                let c = &mut d.clusters[ci];
                self.origin.insert(
                    format!("clusters[{ci}].targets[{}]", c.targets.len()),
                    (SheetId::Targets, o.row),
                );
                c.targets.push(t);
            }
        }
        for o in policies {
            let Some(ci) = owner(self, SheetId::Policies, &o) else {
                continue;
            };
            if let Some(p) = self.typed::<Policy>(SheetId::Policies, o.row, o.obj) {
                let c = &mut d.clusters[ci];
                self.origin.insert(
                    format!("clusters[{ci}].policies[{}]", c.policies.len()),
                    (SheetId::Policies, o.row),
                );
                c.policies.push(p);
            }
        }
        self.precheck(&d);
        d
    }

    /// The More sheet: title, version, register and context.
    fn more(&mut self, d: &mut Dataset) {
        let id = SheetId::More;
        for o in self.objects(id, false) {
            let part = o
                .obj
                .get("part")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            let value = o
                .obj
                .get("value")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            let at = self.place(id, o.row, "value");
            let json = |r: &mut Self, path: String| -> Option<Value> {
                match serde_json::from_str::<Value>(&value) {
                    Ok(v) => {
                        r.origin.insert(path, (id, o.row));
                        Some(v)
                    }
                    Err(e) => {
                        let e = e.to_string();
                        r.error(
                            at,
                            format!("JSON 有误：{e}"),
                            format!("not valid JSON: {e}"),
                        );
                        None
                    }
                }
            };
            macro_rules! typed {
                ($t:ty, $path:expr) => {{
                    let path = $path;
                    json(self, path.clone()).and_then(|v| {
                        match serde_path_to_error::deserialize::<_, $t>(Strict(v)) {
                            Ok(t) => Some(t),
                            Err(e) => {
                                let inner = e.path().to_string();
                                let m = format!(
                                    "{}: {}",
                                    if inner == "." {
                                        path.as_str()
                                    } else {
                                        inner.as_str()
                                    },
                                    e.inner()
                                );
                                self.push(Some(at), Severity::Error, String::new(), m);
                                None
                            }
                        }
                    })
                }};
            }
            match part.as_str() {
                "title_zh" => d.title.zh = value,
                "extends" => d.extends = Some(value.trim().to_owned()),
                "title_en" => d.title.en = value,
                "format_version" => match plain_number(&value).filter(|v| v.fract() == 0.0) {
                    Some(v)
                        if (f64::from(MIN_FORMAT_VERSION)..=f64::from(FORMAT_VERSION))
                            .contains(&v) =>
                    {
                        d.format_version = v as u32
                    }
                    _ => self.error(
                        at,
                        format!("格式版本应为 {MIN_FORMAT_VERSION} 到 {FORMAT_VERSION}"),
                        format!("the format version is {MIN_FORMAT_VERSION} to {FORMAT_VERSION}"),
                    ),
                },
                "register" => d.register = typed!(Register, "register".to_owned()),
                "context.competition" => {
                    d.context.competition = typed!(Competition, "context.competition".to_owned())
                }
                "context.provincial_systems" => {
                    let n = d.context.provincial_systems.len();
                    if let Some(p) =
                        typed!(ProvincialSystem, format!("context.provincial_systems[{n}]"))
                    {
                        d.context.provincial_systems.push(p);
                    }
                }
                "context.national_figures" => {
                    let n = d.context.national_figures.len();
                    if let Some(p) =
                        typed!(IndustryFigures, format!("context.national_figures[{n}]"))
                    {
                        d.context.national_figures.push(p);
                    }
                }
                "context.timeline" => {
                    let n = d.context.timeline.len();
                    if let Some(p) = typed!(TimelineEvent, format!("context.timeline[{n}]")) {
                        d.context.timeline.push(p);
                    }
                }
                other => {
                    let parts = [
                        "title_zh",
                        "title_en",
                        "format_version",
                        "extends",
                        "register",
                        "context.competition",
                        "context.provincial_systems",
                        "context.national_figures",
                        "context.timeline",
                    ];
                    let at = self.place(id, o.row, "part");
                    self.unknown(
                        at,
                        ("本表可用的部分", "a part this sheet takes"),
                        other,
                        &parts,
                    );
                }
            }
        }
    }

    /// What users get wrong most, said better than validation says it: a
    /// unit, metric key or source id that does not exist, with the nearest
    /// that does.
    fn precheck(&mut self, d: &Dataset) {
        let units = units::known_symbols();
        // Over the register, its keys and sources are there to cite too.
        let base = (d.extends.as_deref() == Some(crate::load::extend::EMBEDDED))
            .then(crate::load::load_embedded)
            .and_then(Result::ok);
        let all = || std::iter::once(d).chain(base.as_ref().map(|b| &b.dataset));
        let keys: Vec<&str> = all()
            .flat_map(|d| &d.metric_keys)
            .map(|k| k.key.as_str())
            .collect();
        let sources: Vec<&str> = all()
            .flat_map(|d| &d.sources)
            .map(|s| s.id.as_str())
            .collect();
        let mut checks: Vec<(At, u8, String)> = Vec::new();
        for (ci, c) in d.clusters.iter().enumerate() {
            let rows = c
                .metrics
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    (
                        format!("clusters[{ci}].metrics[{i}]"),
                        &m.key,
                        &m.unit,
                        &m.source.source,
                    )
                })
                .chain(c.targets.iter().enumerate().map(|(i, t)| {
                    (
                        format!("clusters[{ci}].targets[{i}]"),
                        &t.key,
                        &t.unit,
                        &t.source.source,
                    )
                }));
            for (path, key, unit, source) in rows {
                let Some(&(sheet, row)) = self.origin.get(&path) else {
                    continue;
                };
                if units::unit(unit).is_none() {
                    checks.push((self.place(sheet, row, "unit"), 0, unit.clone()));
                }
                if !keys.contains(&key.as_str()) {
                    checks.push((self.place(sheet, row, "key"), 1, key.clone()));
                }
                if !sources.contains(&source.as_str()) {
                    checks.push((self.place(sheet, row, "source.source"), 2, source.clone()));
                }
            }
            for (i, p) in c.policies.iter().enumerate() {
                if let Some(&(sheet, row)) =
                    self.origin.get(&format!("clusters[{ci}].policies[{i}]"))
                    && !sources.contains(&p.source.source.as_str())
                {
                    checks.push((
                        self.place(sheet, row, "source.source"),
                        2,
                        p.source.source.clone(),
                    ));
                }
            }
        }
        for (at, what, given) in checks {
            match what {
                0 => self.unknown(at, ("单位", "a unit"), &given, &units),
                1 => self.unknown(
                    at,
                    (
                        "“Metric keys”表中的指标键",
                        "a key on the Metric keys sheet",
                    ),
                    &given,
                    &keys,
                ),
                _ => self.unknown(
                    at,
                    ("“Sources”表中的来源 id", "a source id on the Sources sheet"),
                    &given,
                    &sources,
                ),
            }
        }
    }
}
