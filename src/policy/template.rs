//! Clause text templates, compiled with minijinja.
//!
//! Templates refer to answers by question id (`{{ legal_name }}`). Loading
//! checks every variable a template reads against the questionnaire. When
//! filling, an unanswered question renders as a marker that
//! [`crate::policy::fill`] turns into a visible placeholder, so a policy in
//! progress never shows a blank where an answer belongs.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use minijinja::value::{Object, ObjectRepr};
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

use super::diag::{Problem, YamlPath};
use super::questionnaire::Questionnaire;

/// Marks the start of an unanswered question's id in rendered text.
pub(crate) const MISSING_START: char = '\u{E000}';
/// Marks its end.
pub(crate) const MISSING_END: char = '\u{E001}';

/// A handle to a compiled template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TemplateId(usize);

/// The compiled templates of one clause library.
pub struct Templates {
    env: Environment<'static>,
    count: usize,
    variables: BTreeSet<String>,
}

impl fmt::Debug for Templates {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Templates").field("count", &self.count).finish()
    }
}

impl Templates {
    /// An empty set whose templates may read the questions of `q`.
    pub fn new(q: &Questionnaire) -> Self {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| AutoEscape::None);
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.add_filter("list", list);
        Self {
            env,
            count: 0,
            variables: q.questions().map(|q| q.id.as_str().to_owned()).collect(),
        }
    }

    /// Compiles `source`, reporting syntax errors and unknown variables at `path`.
    pub fn add(&mut self, source: &str, path: &YamlPath, problems: &mut Vec<Problem>) -> TemplateId {
        let id = TemplateId(self.count);
        self.count += 1;
        let name = id.0.to_string();
        if let Err(e) = self.env.add_template_owned(name.clone(), source.to_owned()) {
            problems.push(Problem::new(path.clone(), template_error(&e)));
            // Keep the id valid so that later stages need no special case.
            let _ = self.env.add_template_owned(name, String::new());
            return id;
        }
        if let Ok(t) = self.env.get_template(&name) {
            let mut unknown: Vec<String> = t
                .undeclared_variables(false)
                .into_iter()
                .filter(|v| !self.variables.contains(v))
                .collect();
            unknown.sort();
            for v in unknown {
                problems.push(Problem::new(
                    path.clone(),
                    format!("the text refers to \"{v}\", which is not a question id"),
                ));
            }
        }
        id
    }

    /// Renders template `id` with `context` (see [`context_value`]).
    pub fn render(&self, id: TemplateId, context: &Value) -> Result<String, String> {
        let t = self
            .env
            .get_template(&id.0.to_string())
            .map_err(|e| template_error(&e))?;
        t.render(context).map_err(|e| template_error(&e))
    }
}

fn template_error(e: &minijinja::Error) -> String {
    let detail = e.detail().map_or_else(|| e.kind().to_string(), str::to_owned);
    match e.line() {
        Some(line) => format!("template error on line {line} of the text: {detail}"),
        None => format!("template error: {detail}"),
    }
}

/// An unanswered question, as a template sees it: false in conditions,
/// a marker when printed.
#[derive(Debug)]
pub(crate) struct Missing(pub String);

impl Object for Missing {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn is_true(self: &Arc<Self>) -> bool {
        false
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result
    where
        Self: Sized + 'static,
    {
        write!(f, "{MISSING_START}{}{MISSING_END}", self.0)
    }
}

/// `{{ platforms | list }}`: "Facebook, Instagram and LinkedIn".
fn list(value: Value) -> Result<Value, minijinja::Error> {
    if value.downcast_object_ref::<Missing>().is_some() {
        return Ok(value);
    }
    let items: Vec<String> = value.try_iter()?.map(|v| v.to_string()).collect();
    Ok(Value::from(match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }))
}

/// The value of a missing answer in a template context.
pub(crate) fn missing(question: &str) -> Value {
    Value::from_object(Missing(question.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_filter_joins_with_commas_and_and() {
        let v = Value::from(vec!["Facebook", "Instagram", "LinkedIn"]);
        assert_eq!(list(v).expect("list").to_string(), "Facebook, Instagram and LinkedIn");
        assert_eq!(list(Value::from(vec!["X"])).expect("list").to_string(), "X");
        assert_eq!(list(Value::from(Vec::<String>::new())).expect("list").to_string(), "");
    }

    #[test]
    fn a_missing_answer_is_false_and_prints_a_marker() {
        let env = Environment::new();
        let ctx = Value::from_pairs([("name", missing("name"))]);
        let out = env
            .render_str("{% if name %}yes{% else %}no{% endif %} {{ name }}", ctx)
            .expect("render");
        assert_eq!(out, format!("no {MISSING_START}name{MISSING_END}"));
    }
}
