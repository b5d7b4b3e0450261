//! Writes a generated knowledge base for benchmarks and comparisons.
//!
//! `cargo run --release --example gen_kb -- N yaml > kb.yaml` (the data format), or
//! `... -- N lines > kb.txt` (one document per line, for `fzf --filter`), or
//! `... -- bundled-lines > kb.txt` (the bundled data, one document per line), or
//! `... -- N dir FOLDER` (a data folder: one file for contacts, then files of 1,000 entries).

#[path = "../benches/gen/mod.rs"]
mod generator;

use std::io::Write as _;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [n, "dir", folder] = args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        let kb = generator::knowledge_base(n.parse()?);
        std::fs::create_dir_all(folder)?;
        for (name, text) in generator::to_yaml_files(&kb, 1000) {
            std::fs::write(std::path::Path::new(folder).join(name), text)?;
        }
        return Ok(());
    }
    let text = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["bundled-lines"] => {
            let today = jiff::civil::date(2026, 11, 27);
            let kb = relais::kb::validate::load(&relais::kb::Origin::Bundled, today)?.kb;
            generator::to_lines(&kb)
        }
        [n, format] => {
            let kb = generator::knowledge_base(n.parse()?);
            match format {
                "yaml" => generator::to_yaml(&kb),
                "lines" => generator::to_lines(&kb),
                _ => anyhow::bail!("format inconnu : {format} (yaml ou lines)"),
            }
        }
        _ => anyhow::bail!(
            "usage : gen_kb N yaml|lines, gen_kb N dir DOSSIER, ou gen_kb bundled-lines"
        ),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}
