//! Clause text templates, compiled with upon.
//!
//! Templates refer to answers by question id (`{{ legal_name }}`). Loading
//! checks every variable a template reads against the questionnaire. When
//! filling, an unanswered question renders as a marker that
//! [`crate::policy::fill`] turns into a visible placeholder, so a policy in
//! progress never shows a blank where an answer belongs.
//!
//! upon is small, which keeps the page's WebAssembly small, but it has no
//! value type of our own: a template sees an unanswered question as
//! `Value::None`, which is false in `{% if %}`. To print the marker with the
//! question's id, the lookup of a variable notes which unanswered question it
//! read, and the formatter that prints the `None` right after uses that note.
//! upon offers no list of the variables a template reads either, so loading
//! finds them by rendering the template once for each way its variables can
//! be true or false.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};

pub(crate) use upon::Value;
use upon::{Engine, Template, ValueAccess, ValueMember};

use crate::policy::diag::{Problem, YamlPath};
use crate::policy::model::questionnaire::Questionnaire;

/// Marks the start of an unanswered question's id in rendered text.
pub(crate) const MISSING_START: char = '\u{E000}';
/// Marks its end.
pub(crate) const MISSING_END: char = '\u{E001}';

/// Loading tries every combination of true and false for at most this many
/// variables of one template (2^10 renders); beyond that, the later ones are
/// only tried as true.
const MAX_BRANCHING_VARIABLES: usize = 10;

/// A handle to a compiled template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TemplateId(usize);

impl TemplateId {
    /// Its place among the templates of its set, below [`Templates::len`].
    pub(crate) fn index(self) -> usize {
        self.0
    }
}

/// The compiled templates of one clause library.
pub struct Templates {
    engine: Engine<'static>,
    compiled: Vec<Template<'static>>,
    variables: BTreeSet<String>,
}

impl fmt::Debug for Templates {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Templates")
            .field("count", &self.compiled.len())
            .finish()
    }
}

impl Templates {
    /// An empty set whose templates may read the questions of `q`.
    pub fn new(q: &Questionnaire) -> Self {
        Self {
            engine: engine(),
            compiled: Vec::new(),
            variables: q.questions().map(|q| q.id.as_str().to_owned()).collect(),
        }
    }

    /// Compiles `source`, reporting syntax errors and unknown variables at `path`.
    pub fn add(&mut self, source: &str, path: &YamlPath, problems: &mut Vec<Problem>) -> TemplateId {
        let known = std::mem::take(&mut self.variables);
        let id = self.add_reading(source, path, problems, &known, "a question id");
        self.variables = known;
        id
    }

    /// Compiles `source`, a template that reads answers by question id and
    /// also the variables `extra`, such as `setting.front_desk` for a
    /// scenario's setting words. A variable that is neither is reported at
    /// `path`, saying what it should have been (`what`).
    pub fn add_with(
        &mut self,
        source: &str,
        path: &YamlPath,
        problems: &mut Vec<Problem>,
        extra: &BTreeSet<String>,
        what: &str,
    ) -> TemplateId {
        let mut known = std::mem::take(&mut self.variables);
        let added: Vec<String> = extra.iter().filter(|e| known.insert((*e).clone())).cloned().collect();
        let id = self.add_reading(source, path, problems, &known, what);
        for a in added {
            known.remove(&a);
        }
        self.variables = known;
        id
    }

    /// Compiles `source`, a template that reads only the variables `known`
    /// (not answers), such as a line about a clause pack. Unknown variables
    /// are reported at `path`, naming the ones it may read.
    pub fn add_fixed(
        &mut self,
        source: &str,
        path: &YamlPath,
        problems: &mut Vec<Problem>,
        known: &[&str],
    ) -> TemplateId {
        let names: BTreeSet<String> = known.iter().map(|k| (*k).to_owned()).collect();
        let what = format!("one of {}", known.join(", "));
        self.add_reading(source, path, problems, &names, &what)
    }

    fn add_reading(
        &mut self,
        source: &str,
        path: &YamlPath,
        problems: &mut Vec<Problem>,
        known: &BTreeSet<String>,
        what: &str,
    ) -> TemplateId {
        let id = TemplateId(self.compiled.len());
        match self.engine.compile(source.to_owned()) {
            Ok(t) => {
                match unknown_variables(&self.engine, &t, known) {
                    Ok(unknown) => problems.extend(unknown.into_iter().map(|v| {
                        Problem::new(path.clone(), format!("the text refers to \"{v}\", which is not {what}"))
                    })),
                    Err(e) => problems.push(Problem::new(path.clone(), template_error(&e))),
                }
                self.compiled.push(t);
            }
            Err(e) => {
                problems.push(Problem::new(path.clone(), template_error(&e)));
                // Keep the id valid so that later stages need no special case.
                match self.engine.compile(String::new()) {
                    Ok(empty) => self.compiled.push(empty),
                    Err(e) => problems.push(Problem::new(path.clone(), template_error(&e))),
                }
            }
        }
        id
    }

    /// Renders template `id` with `context`, a map from question id to the
    /// answer or [`missing`].
    pub fn render(&self, id: TemplateId, context: &Value) -> Result<String, String> {
        self.render_reading(id, context, |_| {})
    }

    /// Renders template `id` as [`Self::render`] does, telling `read` the
    /// name of every variable it looks up (a question id, or a name with a
    /// part such as `setting.front_desk`), in the order read. What a
    /// template prints depends only on the values of the variables it
    /// read, so the same values print the same text again (see
    /// [`crate::policy::fill::memo`]).
    pub fn render_reading(
        &self,
        id: TemplateId,
        context: &Value,
        mut read: impl FnMut(&str),
    ) -> Result<String, String> {
        let t = self
            .compiled
            .get(id.0)
            .ok_or_else(|| "template error: no such template".to_owned())?;
        let Value::Map(answers) = context else {
            return Err("template error: the answers are not a map".to_owned());
        };
        t.render_from_fn(&self.engine, |members| lookup(answers, members, &mut read))
            .to_string()
            .map_err(|e| template_error(&e))
    }

    /// How many templates there are: every [`TemplateId`] of this set is
    /// below it.
    pub fn len(&self) -> usize {
        self.compiled.len()
    }

    /// Whether there is no template.
    pub fn is_empty(&self) -> bool {
        self.compiled.is_empty()
    }
}

/// An engine that prints answers without escaping (the preview escapes, the
/// PDF needs none) and knows the `list` filter (and `liste`, its French).
fn engine() -> Engine<'static> {
    let mut engine = Engine::new();
    engine.set_default_formatter(&print);
    engine.add_formatter("list", list);
    engine.add_formatter("liste", liste);
    engine
}

/// The variables `source` reads, on every branch: what a translation must
/// read exactly as its English does.
#[cfg(feature = "yaml")]
pub(crate) fn variables(source: &str) -> Result<BTreeSet<String>, String> {
    let engine = engine();
    let t = engine.compile(source.to_owned()).map_err(|e| template_error(&e))?;
    unknown_variables(&engine, &t, &BTreeSet::new()).map_err(|e| template_error(&e))
}

/// The variables of `t` that are not in `known`, found by rendering `t` with
/// its variables true and false in every combination. Any other error that
/// rendering meets, such as an unknown filter, is returned.
fn unknown_variables(
    engine: &Engine<'_>,
    t: &Template<'_>,
    known: &BTreeSet<String>,
) -> Result<BTreeSet<String>, upon::Error> {
    // Variables in the order first read; bit i of `falsy` makes the i-th false.
    let mut seen: Vec<String> = Vec::new();
    let mut unknown = BTreeSet::new();
    let mut falsy: u64 = 0;
    loop {
        t.render_from_fn(engine, |members| {
            let name = variable(members)?;
            let index = match seen.iter().position(|v| *v == name) {
                Some(i) => i,
                None => {
                    seen.push(name.clone());
                    seen.len() - 1
                }
            };
            if !known.contains(&name) {
                unknown.insert(name.clone());
            }
            let is_false = index < MAX_BRANCHING_VARIABLES && falsy >> index & 1 == 1;
            note(is_false.then_some(name.as_str()));
            Ok(if is_false { Value::None } else { Value::from("answer") })
        })
        .to_string()?;
        falsy += 1;
        if falsy >> seen.len().min(MAX_BRANCHING_VARIABLES) != 0 {
            return Ok(unknown);
        }
    }
}

thread_local! {
    /// The unanswered question that the last variable lookup read, if it read
    /// one: [`print`] and [`list`] show its marker for the `None` it gave.
    static LAST_MISSING: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The name of the variable at `members`: a question id, or a name with
/// one part such as `setting.front_desk`, written with its dot.
fn variable(members: &[ValueMember<'_>]) -> Result<String, String> {
    match members {
        [ValueMember {
            access: ValueAccess::Key(name),
            ..
        }] => Ok((*name).to_owned()),
        [ValueMember {
            access: ValueAccess::Key(name),
            ..
        }, ValueMember {
            access: ValueAccess::Key(part),
            ..
        }] => Ok(format!("{name}.{part}")),
        [ValueMember {
            access: ValueAccess::Key(name),
            ..
        }, ..] => Err(format!("\"{name}\" is an answer and has no parts")),
        _ => Err("a variable must be a question id".to_owned()),
    }
}

/// Looks up a variable in `answers`, noting an unanswered question for the
/// formatters.
fn lookup(
    answers: &BTreeMap<String, Value>,
    members: &[ValueMember<'_>],
    read: &mut impl FnMut(&str),
) -> Result<Value, String> {
    let name = variable(members)?;
    read(&name);
    let (first, part) = match name.split_once('.') {
        Some((first, part)) => (first, Some(part)),
        None => (name.as_str(), None),
    };
    let value = answers
        .get(first)
        .ok_or_else(|| format!("\"{first}\" is not a question id"))?;
    let value = match (part, value) {
        (None, value) => value,
        (Some(part), Value::Map(parts)) => parts
            .get(part)
            .ok_or_else(|| format!("\"{name}\" is not a known word"))?,
        (Some(_), _) => return Err(format!("\"{first}\" is an answer and has no parts")),
    };
    note(matches!(value, Value::None).then_some(name.as_str()));
    Ok(value.clone())
}

/// Notes the unanswered question that the current lookup read, or none.
fn note(missing: Option<&str>) {
    LAST_MISSING.with(|last| *last.borrow_mut() = missing.map(str::to_owned));
}

/// `{{ answer }}`: text as it is, a list of choices as [`list`] joins it, and
/// an unanswered question as its marker.
fn print(f: &mut upon::fmt::Formatter<'_>, value: &Value) -> upon::fmt::Result {
    match value {
        Value::None => {
            if let Some(id) = LAST_MISSING.with(|last| last.borrow_mut().take()) {
                write!(f, "{MISSING_START}{id}{MISSING_END}")?;
            }
            Ok(())
        }
        Value::List(items) => join(f, items),
        other => upon::fmt::default(f, other),
    }
}

/// `{{ platforms | list }}`: "Facebook, Instagram and LinkedIn".
fn list(f: &mut upon::fmt::Formatter<'_>, value: &Value) -> upon::fmt::Result {
    print(f, value)
}

/// `{{ platforms | liste }}`, in French text: "Facebook, Instagram et LinkedIn".
fn liste(f: &mut upon::fmt::Formatter<'_>, value: &Value) -> upon::fmt::Result {
    match value {
        Value::List(items) => join_with(f, items, " et "),
        other => print(f, other),
    }
}

/// Joins `items` with commas and a final "and".
fn join(f: &mut upon::fmt::Formatter<'_>, items: &[Value]) -> upon::fmt::Result {
    join_with(f, items, " and ")
}

/// Joins `items` with commas and `last` before the last one.
fn join_with(f: &mut upon::fmt::Formatter<'_>, items: &[Value], last: &str) -> upon::fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(if i + 1 == items.len() { last } else { ", " })?;
        }
        print(f, item)?;
    }
    Ok(())
}

/// The value of a missing answer in a template context: false in
/// conditions, a marker when printed.
pub(crate) fn missing() -> Value {
    Value::None
}

/// A one-line message for `e`, with the line of the text when upon gives it.
fn template_error(e: &upon::Error) -> String {
    // upon's short form is "kind: reason"; its long form adds
    // "--> name:line:column" and a picture of the line.
    let pretty = format!("{e:#}");
    let line = pretty
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .and_then(|at| at.rsplit(':').nth(1))
        .and_then(|n| n.parse::<usize>().ok());
    match line {
        Some(line) => format!("template error on line {line} of the text: {e}"),
        None => format!("template error: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(source: &str, answers: &[(&str, Value)]) -> Result<String, upon::Error> {
        let engine = engine();
        let t = engine.compile(source)?;
        let answers: BTreeMap<String, Value> = answers.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
        t.render_from_fn(&engine, |members| lookup(&answers, members, &mut |_| {}))
            .to_string()
    }

    fn unknown(source: &str, known: &[&str]) -> Result<Vec<String>, upon::Error> {
        let engine = engine();
        let t = engine.compile(source)?;
        let known = known.iter().map(|k| (*k).to_owned()).collect();
        Ok(unknown_variables(&engine, &t, &known)?.into_iter().collect())
    }

    #[test]
    fn list_filter_joins_with_commas_and_and() {
        let three = Value::from(vec!["Facebook", "Instagram", "LinkedIn"]);
        let out = render("{{ p | list }}", &[("p", three)]).expect("render");
        assert_eq!(out, "Facebook, Instagram and LinkedIn");
        assert_eq!(
            render("{{ p | list }}", &[("p", Value::from(vec!["X"]))]).expect("render"),
            "X"
        );
        assert_eq!(
            render("{{ p | list }}", &[("p", Value::from(Vec::<String>::new()))]).expect("render"),
            ""
        );
    }

    #[test]
    fn the_french_list_filter_joins_with_et() {
        let three = Value::from(vec!["Facebook", "Instagram", "LinkedIn"]);
        let out = render("{{ p | liste }}", &[("p", three)]).expect("render");
        assert_eq!(out, "Facebook, Instagram et LinkedIn");
    }

    #[test]
    fn a_missing_answer_is_false_and_prints_a_marker() {
        let source = "{% if name %}yes{% else %}no{% endif %} {{ name }} {{ p | list }}";
        let out = render(source, &[("name", missing()), ("p", missing())]).expect("render");
        assert_eq!(
            out,
            format!("no {MISSING_START}name{MISSING_END} {MISSING_START}p{MISSING_END}")
        );
    }

    #[test]
    fn answers_print_as_they_are_without_escaping() {
        let source = "{% if ok %}{{ name }}{% endif %}";
        let out = render(source, &[("ok", Value::from(true)), ("name", Value::from("<A & B>"))]).expect("render");
        assert_eq!(out, "<A & B>");
    }

    #[test]
    fn an_unknown_variable_is_an_error_when_rendering() {
        assert!(render("{{ nmae }}", &[("name", Value::from("A"))]).is_err());
    }

    #[test]
    fn unknown_variables_are_found_on_every_branch() {
        let source = "{% if a %}{% if b %}{{ a }}{% else %}{{ c }}{% endif %}{% else %}{{ d }}{% endif %}";
        assert_eq!(unknown(source, &["a", "b"]).expect("check"), ["c", "d"]);
        assert_eq!(
            unknown(source, &["a", "b", "c", "d"]).expect("check"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_variable_with_a_part_reads_it_from_a_map_and_is_checked_by_its_whole_name() {
        let words = Value::from([("front_desk", Value::from("the front desk"))]);
        let out = render("At {{ setting.front_desk }}.", &[("setting", words.clone())]).expect("render");
        assert_eq!(out, "At the front desk.");
        assert!(render("At {{ setting.ward }}.", &[("setting", words)]).is_err());
        assert!(render("{{ name.part }}", &[("name", Value::from("A"))]).is_err());
        assert_eq!(
            unknown("{{ setting.front_desk }} {{ setting.ward }}", &["setting.front_desk"]).expect("check"),
            ["setting.ward"]
        );
    }

    #[test]
    fn an_unknown_filter_is_found_when_checking() {
        assert!(unknown("{% if a %}{{ a | lsit }}{% endif %}", &["a"]).is_err());
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let engine = engine();
        let e = engine
            .compile("First line.\n{% if a %}unclosed")
            .expect_err("syntax error");
        let msg = template_error(&e);
        assert!(msg.starts_with("template error on line 2 of the text: "), "{msg}");
    }
}
