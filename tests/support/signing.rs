//! Shared by the signed-pack tests: a home of its own (data, configuration) and the steps of
//! a publisher, each through the real binary with throw-away keys.

#![allow(dead_code)] // each test file uses a different part of it

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub struct Home {
    pub dir: TempDir,
}

impl Home {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("home"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn relais(&self, args: &[&str]) -> Command {
        let mut cmd = super::sandbox::assert_relais(self.dir.path());
        cmd.args(args).env("NO_COLOR", "1");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.relais(args).output().expect("runs")
    }

    /// A key pair without password in `keys/NAME.{key,pub}`.
    pub fn keygen(&self, name: &str) -> (PathBuf, PathBuf) {
        let out = self.run(&[
            "data",
            "keygen",
            "--out",
            &self.s("keys"),
            "--name",
            name,
            "--no-password",
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        (
            self.path(&format!("keys/{name}.key")),
            self.path(&format!("keys/{name}.pub")),
        )
    }

    pub fn s(&self, rel: &str) -> String {
        self.path(rel).display().to_string()
    }

    /// `data pack DIR --key KEY -o NAME`, which must succeed.
    pub fn pack(&self, dir: &Path, key: &Path, name: &str) -> PathBuf {
        let target = self.path(name);
        let out = self.run(&[
            "data",
            "pack",
            &dir.display().to_string(),
            "--key",
            &key.display().to_string(),
            "-o",
            &target.display().to_string(),
        ]);
        assert!(out.status.success(), "pack: {}", text(&out.stderr));
        target
    }

    pub fn trust(&self, public: &Path) {
        let out = self.run(&["data", "trust", &public.display().to_string()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }

    pub fn status(&self) -> Value {
        let out = self.run(&["data", "status", "--json"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("json")
    }

    /// Every file under the user data directory with its content.
    pub fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        walk(&self.path("share"), &mut files);
        files.sort();
        files
    }
}

fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(items) = fs::read_dir(dir) else {
        return;
    };
    for item in items.flatten() {
        let path = item.path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push((path.clone(), fs::read(&path).expect("readable")));
        }
    }
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
