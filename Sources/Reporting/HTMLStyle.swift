/// The stylesheet of the HTML report: inline, no web fonts, no network. Korean system fonts
/// first; badges and highlights keep their colours on paper.
enum HTMLStyle {
    static let css = """
        :root {
          --ink: #1d2430; --muted: #5b6472; --line: #d9dee5; --paper: #ffffff; --page: #f3f5f8;
          --accent: #1f3a5f;
          --danger-bg: #fde7e7; --danger-ink: #9b1c1c; --danger-line: #f1a9a9;
          --caution-bg: #fff1dc; --caution-ink: #8a4600; --caution-line: #f2c88a;
          --ok-bg: #e5f4ea; --ok-ink: #1c6b35; --ok-line: #a8d8b6;
          --info-bg: #e7effd; --info-ink: #1b4ea0; --info-line: #b0c8f2;
          --neutral-bg: #eef0f3; --neutral-ink: #3f4652; --neutral-line: #cdd2d9;
          --mark: #ffe98a;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--page); color: var(--ink);
          font-family: "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif;
          font-size: 15px; line-height: 1.65; word-break: keep-all; overflow-wrap: anywhere;
        }
        .page { max-width: 1180px; margin: 0 auto; padding: 0 24px 48px; }
        header.masthead { background: var(--accent); color: #fff; padding: 28px 0 22px; margin-bottom: 28px; }
        header.masthead .page { padding-bottom: 0; }
        .masthead h1 { margin: 0; font-size: 26px; font-weight: 700; letter-spacing: -0.01em; }
        .masthead .sub { margin: 4px 0 0; font-size: 15px; opacity: 0.85; }
        .masthead dl { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 16px 0 0; font-size: 13px; }
        .masthead dt { opacity: 0.7; }
        .masthead dd { margin: 0; font-variant-numeric: tabular-nums; }
        .masthead dl div { display: flex; gap: 8px; }
        h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--accent); }
        h2 .en, h3 .en, th .en, .label .en { font-weight: 400; color: var(--muted); font-size: 0.85em; margin-left: 6px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
        .card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
        .card .n { font-size: 30px; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.2; }
        .card .k { font-size: 13px; color: var(--muted); }
        .card.danger { border-color: var(--danger-line); background: var(--danger-bg); color: var(--danger-ink); }
        .card.caution { border-color: var(--caution-line); background: var(--caution-bg); color: var(--caution-ink); }
        .card.ok { border-color: var(--ok-line); background: var(--ok-bg); color: var(--ok-ink); }
        .card.info { border-color: var(--info-line); background: var(--info-bg); color: var(--info-ink); }
        .card.neutral { background: var(--neutral-bg); color: var(--neutral-ink); }
        table { width: 100%; border-collapse: collapse; background: var(--paper); border: 1px solid var(--line); font-size: 14px; }
        th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #f7f8fa; font-weight: 600; font-size: 13px; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .path { font-family: ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono CJK KR", monospace; font-size: 12.5px; color: var(--muted); word-break: break-all; }
        .badge { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12.5px; font-weight: 700;
                 border: 1px solid var(--neutral-line); background: var(--neutral-bg); color: var(--neutral-ink); white-space: nowrap; }
        .badge .en { font-weight: 500; opacity: 0.8; margin-left: 4px; }
        .badge.danger { background: var(--danger-bg); color: var(--danger-ink); border-color: var(--danger-line); }
        .badge.caution { background: var(--caution-bg); color: var(--caution-ink); border-color: var(--caution-line); }
        .badge.ok { background: var(--ok-bg); color: var(--ok-ink); border-color: var(--ok-line); }
        .badge.info { background: var(--info-bg); color: var(--info-ink); border-color: var(--info-line); }
        ol.toc { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px 12px 40px; margin: 0; }
        ol.toc li { margin: 3px 0; }
        ol.toc a { color: var(--ink); text-decoration: none; }
        ol.toc a:hover { text-decoration: underline; }
        article.finding { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; margin: 22px 0; overflow: hidden; }
        article.finding > .head { padding: 16px 20px 12px; border-bottom: 1px solid var(--line); border-left: 6px solid var(--neutral-line); }
        article.finding.danger > .head { border-left-color: var(--danger-ink); }
        article.finding.caution > .head { border-left-color: var(--caution-ink); }
        article.finding.info > .head { border-left-color: var(--info-ink); }
        article.finding h3 { margin: 6px 0 4px; font-size: 18px; line-height: 1.4; }
        .meta { display: flex; flex-wrap: wrap; gap: 2px 18px; font-size: 13px; color: var(--muted); margin: 0; }
        .meta div { display: flex; gap: 6px; }
        .meta dt { font-weight: 600; }
        .meta dd { margin: 0; }
        .body { padding: 14px 20px 18px; }
        p.explanation { margin: 0 0 8px; font-weight: 600; }
        p.explanation .en { display: block; font-weight: 400; color: var(--muted); font-size: 13.5px; }
        ul.reasons { margin: 0 0 6px; padding-left: 20px; }
        ul.reasons li { margin: 4px 0; }
        ul.reasons .ko { display: block; }
        ul.reasons .en { display: block; color: var(--muted); font-size: 13.5px; }
        section.source { border-top: 1px dashed var(--line); margin-top: 16px; padding-top: 14px; }
        section.source h4 { margin: 0 0 6px; font-size: 15.5px; }
        .figures { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0; }
        .figure { border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; font-size: 13px; background: #fafbfc; }
        .figure b { font-size: 15px; font-variant-numeric: tabular-nums; margin-right: 4px; }
        blockquote.notice { margin: 8px 0; padding: 8px 12px; border-left: 4px solid var(--accent); background: #f4f6fa; font-size: 14px; white-space: pre-wrap; }
        .label { font-size: 12px; font-weight: 700; color: var(--muted); text-transform: none; margin: 10px 0 2px; }
        .passage { display: grid; grid-template-columns: 1fr 1fr; gap: 0; border: 1px solid var(--line); border-radius: 6px; margin: 10px 0; overflow: hidden; }
        .passage > div { padding: 10px 12px; min-width: 0; }
        .passage > div + div { border-left: 1px solid var(--line); }
        .passage .side { font-size: 12px; font-weight: 700; color: var(--muted); margin-bottom: 4px; display: flex; justify-content: space-between; gap: 8px; }
        .passage .side span { font-weight: 400; font-variant-numeric: tabular-nums; }
        .passage p { margin: 0; white-space: pre-wrap; font-size: 14.5px; line-height: 1.75; }
        .passage .caption { grid-column: 1 / -1; border-top: 1px solid var(--line); background: #fafbfc; font-size: 12px; color: var(--muted); padding: 4px 12px; }
        mark { background: var(--mark); color: inherit; padding: 0 1px; border-radius: 2px; }
        .changed { text-decoration: underline dotted #b45309; text-decoration-thickness: 2px; text-underline-offset: 3px; }
        .legend { font-size: 13px; color: var(--muted); margin: 6px 0 0; }
        .others { font-size: 13px; margin-top: 14px; }
        ul.plain { list-style: none; margin: 0; padding: 0; columns: 2; column-gap: 24px; font-size: 13px; }
        ul.plain li { break-inside: avoid; margin: 2px 0; }
        .empty { color: var(--muted); font-style: italic; }
        footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); font-size: 12.5px; color: var(--muted); }
        footer p { margin: 4px 0; }
        @media screen and (max-width: 760px) {
          .passage { grid-template-columns: 1fr; }
          .passage > div + div { border-left: 0; border-top: 1px solid var(--line); }
          ul.plain { columns: 1; }
        }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { background: #fff; font-size: 10.5pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          header.masthead { background: #fff; color: var(--ink); border-bottom: 3px solid var(--accent); padding: 0 0 10px; margin-bottom: 14px; }
          .page { max-width: none; padding: 0; }
          article.finding { break-before: page; border-radius: 0; }
          article.finding, .card, table { box-shadow: none; }
          section.source h4, blockquote.notice, .figures, tr, .passage .side, .passage .caption { break-inside: avoid; }
          .passage .side { break-after: avoid; }
          .passage p { font-size: 10pt; line-height: 1.6; }
          h2, h3, h4 { break-after: avoid; }
          ol.toc a { text-decoration: none; }
        }
        """
}
