//! The README's Kotlin flow is the consumer test's, verbatim (issue 26): the
//! block after `<!-- readme-flow -->` in README.md equals the lines between
//! `// readme-flow:start` and `// readme-flow:end` of `ReadmeFlowTest.kt`
//! (indentation aside), so the README shows only what the test command runs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

fn readme_block(readme: &str) -> Vec<String> {
    let after = readme
        .split_once("<!-- readme-flow -->\n```kotlin\n")
        .expect("README.md has a <!-- readme-flow --> Kotlin block")
        .1;
    let block = after.split_once("\n```").expect("the block is closed").0;
    block.lines().map(|l| l.trim_end().to_string()).collect()
}

fn test_block(test: &str) -> Vec<String> {
    let after = test
        .split_once("// readme-flow:start\n")
        .expect("ReadmeFlowTest.kt has a readme-flow:start marker")
        .1;
    let block = after
        .split_once("// readme-flow:end")
        .expect("and an end marker")
        .0;
    let lines: Vec<&str> = block.lines().collect();
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<String> = lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or("").trim_end().to_string())
        .collect();
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

#[test]
fn the_readme_flow_is_the_consumer_test() {
    let root = hanke_checks::root();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let test = std::fs::read_to_string(
        root.join("bindings/kotlin/src/test/kotlin/fi/hanke/ReadmeFlowTest.kt"),
    )
    .unwrap();
    let (r, t) = (readme_block(&readme), test_block(&test));
    assert!(
        r.len() > 20,
        "the README's flow is too short to be the flow"
    );
    assert_eq!(
        r, t,
        "README.md's readme-flow block and ReadmeFlowTest.kt differ"
    );
}

#[test]
fn a_changed_line_is_caught() {
    let test =
        "x {\n        // readme-flow:start\n        val a = 1\n        // readme-flow:end\n}";
    let readme = "<!-- readme-flow -->\n```kotlin\nval a = 2\n```\n";
    assert_ne!(readme_block(readme), test_block(test));
    let same = "<!-- readme-flow -->\n```kotlin\nval a = 1\n```\n";
    assert_eq!(readme_block(same), test_block(test));
}
