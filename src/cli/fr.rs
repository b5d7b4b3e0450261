//! The command line in French: clap writes its help headings, usage line and errors in
//! English, so [`command`] rewrites the headings and flags of the derived definition, and
//! [`error_message`] renders each error kind in French from its context (the argument, the
//! value, the suggestions), never from clap's English sentence.

use std::fmt::Write as _;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory as _};

use super::Cli;

/// The help page's layout: « Utilisation : », then the arguments under French headings.
const TEMPLATE: &str = "\
{before-help}{about-with-newline}
Utilisation : {usage}

{all-args}{after-help}";

/// clap writes a heading followed by « : »; the space gives « Options : ».
const OPTIONS: &str = "Options ";
const ARGUMENTS: &str = "Arguments ";
const COMMANDS: &str = "Commandes ";

/// The derived command line with French headings, usage and flags, for parsing, the help,
/// the completions and the man page.
#[must_use]
pub fn command() -> Command {
    french(Cli::command(), true)
}

fn french(cmd: Command, top: bool) -> Command {
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading(COMMANDS)
        .subcommand_value_name("COMMANDE")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .mut_args(french_arg)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Affiche l'aide (-h : résumé, --help : en entier)")
                .help_heading(OPTIONS)
                .global(true),
        );
    if top {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Affiche la version")
                .help_heading(OPTIONS),
        );
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |sub| french(sub, false));
    }
    cmd
}

/// An argument under a French heading, with its default and possible values said in French
/// (clap's « [default: …] » and « [possible values: …] » hidden).
fn french_arg(arg: Arg) -> Arg {
    let heading = if arg.is_positional() {
        ARGUMENTS
    } else {
        OPTIONS
    };
    let mut extra = String::new();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if !values.is_empty() {
        let _ = write!(extra, " [valeurs : {}]", values.join(", "));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        let _ = write!(extra, " [par défaut : {}]", defaults.join(", "));
    }
    let arg = arg.help_heading(heading);
    if !arg.get_action().takes_values() {
        return arg;
    }
    let arg = arg.hide_possible_values(true).hide_default_value(true);
    if extra.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let long = arg.get_long_help().map(ToString::to_string);
    let arg = arg.help(format!("{help}{extra}"));
    match long {
        Some(long) => arg.long_help(format!("{long}{extra}")),
        None => arg,
    }
}

fn context(err: &clap::Error, kind: ContextKind) -> Option<String> {
    err.get(kind).map(|v| match v {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(list) => list.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(list) => list
            .iter()
            .map(StyledStr::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        _ => String::new(),
    })
}

/// The error in French: what went wrong, a suggestion when clap has one, the usage line and
/// where to read more. Help and version requests are not errors: clap's own text (already
/// French here) is kept.
#[must_use]
pub fn error_message(err: &clap::Error) -> String {
    let q = |s: Option<String>| s.unwrap_or_default();
    let arg = || q(context(err, ContextKind::InvalidArg));
    let value = || q(context(err, ContextKind::InvalidValue));
    let mut text = match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return err.render().to_string(),
        ErrorKind::UnknownArgument => format!("argument inattendu « {} »", arg()),
        ErrorKind::InvalidSubcommand => format!(
            "sous-commande inconnue « {} »",
            q(context(err, ContextKind::InvalidSubcommand))
        ),
        ErrorKind::InvalidValue if value().is_empty() => {
            format!("une valeur est attendue pour « {} »", arg())
        }
        ErrorKind::InvalidValue => {
            format!("valeur invalide « {} » pour « {} »", value(), arg())
        }
        ErrorKind::ValueValidation => format!("valeur invalide « {} » pour « {} »", value(), arg()),
        ErrorKind::MissingRequiredArgument => {
            format!("argument obligatoire manquant : {}", arg())
        }
        ErrorKind::MissingSubcommand => "une sous-commande est attendue".to_owned(),
        ErrorKind::ArgumentConflict => match context(err, ContextKind::PriorArg) {
            Some(other) => format!("« {} » ne s'utilise pas avec « {other} »", arg()),
            None => format!(
                "« {} » ne s'utilise pas avec les autres options données",
                arg()
            ),
        },
        ErrorKind::TooManyValues => format!("valeur en trop « {} » pour « {} »", value(), arg()),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("nombre de valeurs incorrect pour « {} »", arg())
        }
        ErrorKind::NoEquals => format!("« {} » attend « = » avant sa valeur", arg()),
        ErrorKind::InvalidUtf8 => "un argument n'est pas de l'UTF-8 valide".to_owned(),
        _ => "ligne de commande invalide".to_owned(),
    };
    text = format!("relais : {}", crate::kb::text::neutralize(&text));
    if let Some(valid) = context(err, ContextKind::ValidValue) {
        let _ = write!(text, "\n  valeurs possibles : {valid}");
    }
    if let Some(s) = context(err, ContextKind::SuggestedArg) {
        let _ = write!(text, "\n  vouliez-vous dire « {s} » ?");
    }
    if let Some(ContextValue::Strings(list)) = err.get(ContextKind::SuggestedSubcommand) {
        let list: Vec<String> = list.iter().map(|s| format!("« {s} »")).collect();
        let _ = write!(text, "\n  vouliez-vous dire {} ?", list.join(" ou "));
    }
    if let Some(usage) = context(err, ContextKind::Usage) {
        let usage = usage.trim_start_matches("Usage:").trim();
        let _ = write!(text, "\n\nUtilisation : {usage}");
    }
    text.push_str("\n\nPour en savoir plus : --help.");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> clap::Error {
        command().try_get_matches_from(args).expect_err("refused")
    }

    #[test]
    fn an_unknown_flag_is_refused_in_french_with_a_suggestion() {
        let text = error_message(&parse(&["relais", "search", "--jsn", "x"]));
        assert!(
            text.starts_with("relais : argument inattendu « --jsn »"),
            "{text}"
        );
        assert!(text.contains("vouliez-vous dire « --json » ?"), "{text}");
        assert!(text.contains("Utilisation : relais search"), "{text}");
        assert!(
            !text.contains("error:") && !text.contains("Usage:"),
            "{text}"
        );
    }

    #[test]
    fn a_bad_value_lists_the_possible_ones() {
        let text = error_message(&parse(&["relais", "search", "--kind", "x", "q"]));
        assert!(
            text.contains("valeur invalide « x » pour « --kind <"),
            "{text}"
        );
        assert!(
            text.contains("valeurs possibles : faq, contact, all"),
            "{text}"
        );
    }

    #[test]
    fn help_headings_are_french_everywhere() {
        let mut cmd = command();
        let top = cmd.render_long_help().to_string();
        assert!(top.contains("Utilisation : relais"), "{top}");
        assert!(
            top.contains("Commandes :") && top.contains("Options :"),
            "{top}"
        );
        let search = cmd
            .find_subcommand_mut("search")
            .expect("search")
            .render_help()
            .to_string();
        for english in [
            "Usage:",
            "Options:",
            "Arguments:",
            "Print help",
            "[default:",
        ] {
            assert!(!search.contains(english), "{english} in:\n{search}");
        }
        assert!(
            search.contains("Arguments :") && search.contains("[par défaut : 10]"),
            "{search}"
        );
    }
}
