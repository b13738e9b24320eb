//! Catalog prose never becomes code in rustdoc: the docs generated from
//! `tests/catalogs/markdown.yaml` (prose made of code fences, indented code, HTML blocks, link
//! syntax and bare URLs) are parsed with pulldown-cmark, the Markdown parser rustdoc uses, and
//! must hold no code block (a doctest), no HTML, no link but errcat's own, and no bare URL (a
//! `rustdoc::bare_urls` warning, an error under `deny(warnings)`).

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Parser, Tag};

/// Every doc text of the generated source, one per item (its `#[doc]` attributes joined).
fn doc_texts(source: &str) -> Vec<String> {
    fn walk(stream: TokenStream, texts: &mut Vec<String>) {
        let mut current: Option<String> = None;
        let mut tokens = stream.into_iter().peekable();
        while let Some(token) = tokens.next() {
            if let TokenTree::Punct(punct) = &token {
                if punct.as_char() == '#' {
                    // `#![doc = …]`: the `!` of an inner attribute.
                    if matches!(tokens.peek(), Some(TokenTree::Punct(bang)) if bang.as_char() == '!')
                    {
                        tokens.next();
                    }
                    if let Some(TokenTree::Group(group)) = tokens.peek() {
                        if group.delimiter() == Delimiter::Bracket {
                            if let Some(line) = doc_value(group.stream()) {
                                let text = current.get_or_insert_with(String::new);
                                text.push_str(&line);
                                text.push('\n');
                                tokens.next();
                                continue;
                            }
                        }
                    }
                    continue;
                }
            }
            if let Some(text) = current.take() {
                texts.push(text);
            }
            if let TokenTree::Group(group) = token {
                walk(group.stream(), texts);
            }
        }
        texts.extend(current);
    }
    fn doc_value(attribute: TokenStream) -> Option<String> {
        let tokens: Vec<TokenTree> = attribute.into_iter().collect();
        match tokens.as_slice() {
            [TokenTree::Ident(name), TokenTree::Punct(eq), TokenTree::Literal(literal)]
                if name == "doc" && eq.as_char() == '=' =>
            {
                let literal: syn::LitStr = syn::parse2(TokenTree::Literal(literal.clone()).into())
                    .expect("a doc attribute holds a string literal");
                Some(literal.value())
            }
            _ => None,
        }
    }
    let mut texts = Vec::new();
    walk(
        source.parse().expect("the generated source parses"),
        &mut texts,
    );
    texts
}

/// What rustdoc would make of one doc text that matters here.
#[derive(Debug, Default)]
struct Findings {
    code_blocks: Vec<String>,
    html: Vec<String>,
    links: Vec<String>,
    bare_urls: Vec<String>,
    unresolved: Vec<String>,
}

fn inspect(text: &str, findings: &mut Findings) {
    let mut unresolved = Vec::new();
    let mut callback = |link: BrokenLink<'_>| {
        unresolved.push(link.reference.to_string());
        None::<(CowStr<'_>, CowStr<'_>)>
    };
    let parser = Parser::new_with_broken_link_callback(
        text,
        pulldown_cmark::Options::empty(),
        Some(&mut callback),
    );
    let mut in_link = 0usize;
    for event in parser {
        match event {
            Event::Start(Tag::CodeBlock(_)) => findings.code_blocks.push(text.to_owned()),
            Event::Html(html) | Event::InlineHtml(html) => findings.html.push(html.to_string()),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                in_link += 1;
                if link_type != LinkType::Autolink {
                    findings.links.push(dest_url.to_string());
                }
            }
            Event::End(pulldown_cmark::TagEnd::Link) => in_link -= 1,
            Event::Start(Tag::Image { dest_url, .. }) => findings.links.push(dest_url.to_string()),
            Event::Text(text) if in_link == 0 && text.contains("://") => {
                findings.bare_urls.push(text.to_string());
            }
            _ => {}
        }
    }
    findings.unresolved.extend(unresolved);
}

fn generated(catalog: &str) -> String {
    let generated = errcat_codegen::Config::new()
        .catalog(format!("{}/catalogs/{catalog}", env!("CARGO_MANIFEST_DIR")))
        .generate()
        .unwrap();
    generated[0].code.clone()
}

/// errcat's own links are intra-doc links to items (`` [`Error::items`] ``), which rustdoc
/// resolves and pulldown-cmark reports as broken references.
fn is_item_link(reference: &str) -> bool {
    let inner = reference.trim_matches('`');
    !inner.is_empty()
        && reference.starts_with('`')
        && inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':'))
}

/// Nothing rustdoc would run, render as HTML or link, and no reference but errcat's own.
fn assert_inert(findings: &Findings) {
    assert_eq!(findings.code_blocks, Vec::<String>::new());
    assert_eq!(findings.html, Vec::<String>::new());
    assert_eq!(findings.links, Vec::<String>::new());
    assert_eq!(findings.bare_urls, Vec::<String>::new());
    let foreign: Vec<&String> = findings
        .unresolved
        .iter()
        .filter(|reference| !is_item_link(reference))
        .collect();
    assert_eq!(foreign, Vec::<&String>::new());
}

#[test]
fn catalog_prose_opens_no_code_block_html_or_link() {
    let source = generated("markdown.yaml");
    let texts = doc_texts(&source);
    assert!(texts.len() > 20, "{} doc texts", texts.len());
    let mut findings = Findings::default();
    for text in &texts {
        inspect(text, &mut findings);
    }
    assert_inert(&findings);
    // The prose is kept, escaped: the fence and the panics are still there to read.
    let all = texts.join("\n");
    assert!(all.contains("\\```rust"), "{all}");
    assert!(all.contains("panic!(\"a fix ran as a doctest\");"));
    assert!(all.contains("curl -X POST <https://api.example.com/v1/payments>"));
}

#[test]
fn the_random_catalogs_docs_open_no_code_block_html_or_link() {
    let dir = concat!(env!("OUT_DIR"), "/random");
    let mut files = 0;
    let mut findings = Findings::default();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let is_module = path
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| name.starts_with("random_") && name.ends_with(".rs"));
        if !is_module {
            continue;
        }
        files += 1;
        for text in doc_texts(&std::fs::read_to_string(&path).unwrap()) {
            inspect(&text, &mut findings);
        }
    }
    assert!(files > 10, "{files} random modules");
    assert_inert(&findings);
}

#[test]
fn the_checker_sees_what_rustdoc_would_run() {
    // The same checks on text that is not escaped find the blocks: the test can fail.
    let mut findings = Findings::default();
    inspect(
        "Text\n\n```rust\npanic!();\n```\n\n    indented();\n\n<div>\n\nhttps://x.example [y]",
        &mut findings,
    );
    assert_eq!(findings.code_blocks.len(), 2);
    assert_eq!(findings.html.len(), 1);
    assert_eq!(findings.bare_urls.len(), 1);
    assert_eq!(findings.unresolved, ["y"]);
}
