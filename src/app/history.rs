//! Undo and redo of changes to the comparison: which clusters, in what order,
//! the baseline and the chart metric. A bounded history of whole states, so
//! undoing never has to know how a change was made (picker, table, named view).

use std::collections::VecDeque;

use super::App;
use crate::model::Lang;

/// How many steps back the history reaches.
pub const LIMIT: usize = 100;

/// One state of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub compare: Vec<String>,
    pub baseline: Option<usize>,
    pub metric: Option<String>,
}

/// States to go back to, and states undone that redo brings back.
#[derive(Default)]
pub struct History {
    undo: VecDeque<State>,
    redo: Vec<State>,
}

impl History {
    /// Forgets every step (another dataset: its ids are not these).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Remembers the state before a change; a new change forgets what was undone.
    pub fn record(&mut self, before: State) {
        if self.undo.back() != Some(&before) {
            self.undo.push_back(before);
            if self.undo.len() > LIMIT {
                self.undo.pop_front();
            }
        }
        self.redo.clear();
    }

    /// The state to go back to; `now` becomes redoable.
    pub fn undo(&mut self, now: State) -> Option<State> {
        let back = self.undo.pop_back()?;
        self.redo.push(now);
        Some(back)
    }

    /// The state undone last; `now` becomes undoable again.
    pub fn redo(&mut self, now: State) -> Option<State> {
        let next = self.redo.pop()?;
        self.undo.push_back(now);
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The state undo would go back to.
    pub fn undo_target(&self) -> Option<&State> {
        self.undo.back()
    }

    /// The state redo would bring back.
    pub fn redo_target(&self) -> Option<&State> {
        self.redo.last()
    }
}

/// What changed from `from` to `to`, in a few words: "add Yichun lithium
/// battery new energy", "remove …", "reorder", "baseline", "chart metric".
pub fn describe(from: &State, to: &State, d: &crate::model::Dataset, lang: Lang) -> String {
    let name = |id: &String| {
        d.cluster(id)
            .map_or_else(|| id.clone(), |c| crate::deck::short_name(c, lang))
    };
    let names = |ids: Vec<&String>| {
        ids.into_iter()
            .map(name)
            .collect::<Vec<_>>()
            .join(crate::words::LIST_COMMA.get(lang))
    };
    let added: Vec<&String> = to
        .compare
        .iter()
        .filter(|i| !from.compare.contains(i))
        .collect();
    let removed: Vec<&String> = from
        .compare
        .iter()
        .filter(|i| !to.compare.contains(i))
        .collect();
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("{} {}", crate::words::ADD.get(lang), names(added)));
    }
    if !removed.is_empty() {
        parts.push(format!(
            "{} {}",
            crate::words::REMOVE.get(lang),
            names(removed)
        ));
    }
    if parts.is_empty() && from.compare != to.compare {
        parts.push(crate::words::REORDER.get(lang).to_owned());
    }
    fn base(s: &State) -> Option<&String> {
        s.baseline.and_then(|b| s.compare.get(b))
    }
    if parts.is_empty() && base(from) != base(to) {
        parts.push(match base(to) {
            Some(id) => format!("{} {}", crate::words::BASELINE.get(lang), name(id)),
            None => crate::words::CLEAR_THE_BASELINE.get(lang).to_owned(),
        });
    }
    if from.metric != to.metric {
        parts.push(crate::words::CHART_METRIC.get(lang).to_owned());
    }
    parts.join(crate::words::SEMICOLON.get(lang))
}

impl App {
    /// The comparison as undo sees it.
    pub(super) fn undo_state(&self) -> State {
        State {
            compare: self.settings.compare.clone(),
            baseline: self.settings.baseline,
            metric: self.settings.charts.metric.clone(),
        }
    }

    /// Records `before` when the comparison has changed since.
    pub(super) fn record_change(&mut self, before: State) {
        if self.undo_state() != before {
            self.history.record(before);
        }
    }

    /// Records a change of chart metric made by the charts view this frame.
    /// A metric reset because it no longer applies is not a user's change.
    pub(super) fn record_metric_change(&mut self, before: Option<String>) {
        if before == self.settings.charts.metric {
            return;
        }
        let was_shown = before
            .as_deref()
            .is_some_and(|k| self.comparison().row(k).is_some());
        if was_shown {
            let mut state = self.undo_state();
            state.metric = before;
            self.history.record(state);
        }
    }

    fn restore(&mut self, s: State) {
        self.presenter.reset();
        self.settings.compare = s.compare;
        self.settings.baseline = s.baseline;
        self.settings.charts.metric = s.metric;
        self.sanitise_selection();
    }

    /// What undo would take back (`redo`: bring back), in a few words.
    pub fn undo_text(&self, redo: bool) -> Option<String> {
        self.undo_text_in(redo, self.settings.lang)
    }

    /// [`App::undo_text`] in `lang`.
    fn undo_text_in(&self, redo: bool, lang: Lang) -> Option<String> {
        let now = self.undo_state();
        let d = &self.loaded.dataset;
        if redo {
            let to = self.history.redo_target()?;
            Some(describe(&now, to, d, lang))
        } else {
            let from = self.history.undo_target()?;
            Some(describe(from, &now, d, lang))
        }
    }

    /// Goes back one change of the comparison; false when there is none.
    /// The status bar says what was undone.
    pub fn undo(&mut self) -> bool {
        let what = [Lang::Zh, Lang::En].map(|l| self.undo_text_in(false, l));
        let now = self.undo_state();
        match self.history.undo(now) {
            Some(s) => {
                self.restore(s);
                self.say_undone(what, false);
                true
            }
            None => false,
        }
    }

    /// Brings back the change undone last; false when there is none.
    pub fn redo(&mut self) -> bool {
        let what = [Lang::Zh, Lang::En].map(|l| self.undo_text_in(true, l));
        let now = self.undo_state();
        match self.history.redo(now) {
            Some(s) => {
                self.restore(s);
                self.say_undone(what, true);
                true
            }
            None => false,
        }
    }

    /// `what`: the change in Chinese and in English.
    fn say_undone(&mut self, what: [Option<String>; 2], redo: bool) {
        self.status = Some(super::both(|lang| {
            let what = what[usize::from(lang == Lang::En)]
                .as_ref()
                .filter(|w| !w.is_empty());
            let done = if redo {
                crate::words::REDONE.get(lang)
            } else {
                crate::words::UNDONE.get(lang)
            };
            match what {
                Some(w) => format!("{done}{}{w}", crate::words::COLON.get(lang)),
                None => done.to_owned(),
            }
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(ids: &[&str]) -> State {
        State {
            compare: ids.iter().map(|s| (*s).to_owned()).collect(),
            baseline: None,
            metric: None,
        }
    }

    #[test]
    fn undo_then_redo_walks_back_and_forth() {
        let mut h = History::default();
        h.record(s(&["a"]));
        h.record(s(&["a", "b"]));
        assert_eq!(h.undo(s(&["b"])), Some(s(&["a", "b"])));
        assert_eq!(h.undo(s(&["a", "b"])), Some(s(&["a"])));
        assert_eq!(h.undo(s(&["a"])), None);
        assert_eq!(h.redo(s(&["a"])), Some(s(&["a", "b"])));
        assert!(h.can_undo() && h.can_redo());
    }

    #[test]
    fn a_new_change_forgets_the_undone() {
        let mut h = History::default();
        h.record(s(&["a"]));
        h.undo(s(&["a", "b"]));
        assert!(h.can_redo());
        h.record(s(&["a"]));
        assert!(!h.can_redo());
    }

    #[test]
    fn the_history_is_bounded() {
        let mut h = History::default();
        for i in 0..LIMIT + 20 {
            h.record(s(&[&i.to_string()]));
        }
        let mut n = 0;
        while h.undo(s(&[])).is_some() {
            n += 1;
        }
        assert_eq!(n, LIMIT);
    }
}
