/// The inline stylesheet of report.html and weekly.html: readable at 1280 px and at 390 px (no
/// sideways scrolling: wide tables and code scroll inside themselves), dark when the system is,
/// and a print layout with every section open.
enum PageStyle {
  static let css = """
    :root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--stripe:#fbfcfd;--link:#0969da;
    --critical:#cf222e;--high:#bc4c00;--medium:#9a6700;--low:#59636e;--ok:#1a7f37}
    @media (prefers-color-scheme: dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;--line:#30363d;
    --stripe:#11161d;--link:#4493f8;--critical:#f85149;--high:#db6d28;--medium:#d29922;--low:#9198a1;--ok:#3fb950}}
    *{box-sizing:border-box}
    body{font:15px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg);margin:0}
    main{max-width:1100px;margin:0 auto;padding:24px 16px}
    a{color:var(--link)}
    h1{font-size:1.7em;border-bottom:1px solid var(--line);padding-bottom:.3em;margin:.2em 0 .4em;overflow-wrap:anywhere}
    h2{border-bottom:1px solid var(--line);padding-bottom:.2em;margin-top:1.8em}
    h3,h4{margin-top:1.4em;overflow-wrap:anywhere}
    p,li{overflow-wrap:anywhere}
    sub{color:var(--muted);font-size:.85em;vertical-align:baseline}
    table{border-collapse:collapse;margin:12px 0;display:block;max-width:100%;overflow-x:auto}
    th,td{border:1px solid var(--line);padding:4px 10px;vertical-align:top}th{background:var(--panel);text-align:left}
    td[align=right],th[align=right]{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    tr:nth-child(2n) td{background:var(--stripe)}
    code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);padding:1px 4px;border-radius:4px;overflow-wrap:anywhere}
    pre{background:var(--panel);padding:12px;overflow-x:auto;border-radius:6px;max-width:100%}pre code{padding:0;overflow-wrap:normal;white-space:pre}
    .status{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0 18px}
    .tile{border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:120px;background:var(--panel)}
    .tile b{display:block;font-size:1.5em;font-variant-numeric:tabular-nums}.tile span{color:var(--muted);font-size:.9em}
    .tile.infrastructure{border-left:4px solid #d9534f}.tile.auth{border-left:4px solid #f0ad4e}.tile.routing{border-left:4px solid #5bc0de}
    .tile.logic{border-left:4px solid #777}.tile.ok{border-left:4px solid var(--ok)}.tile.bad{border-left:4px solid var(--critical)}
    nav.toc{border:1px solid var(--line);border-radius:8px;padding:8px 16px;margin:12px 0;background:var(--panel)}
    nav.toc ol{margin:.3em 0;padding-left:1.4em}nav.toc li{margin:.15em 0}nav.toc ol ol{font-size:.92em}
    .charts{display:flex;flex-wrap:wrap;gap:24px}.charts figure{margin:0;max-width:100%}.charts svg{max-width:100%;height:auto}
    .charts text{fill:var(--fg)}
    details.cluster{border:1px solid var(--line);border-left:4px solid var(--low);border-radius:6px;padding:4px 14px;margin:14px 0}
    details.cluster>summary{cursor:pointer;font-weight:600;font-size:1.08em;padding:6px 0;overflow-wrap:anywhere}
    details.cluster.critical{border-left-color:var(--critical)}details.cluster.high{border-left-color:var(--high)}
    details.cluster.medium{border-left-color:var(--medium)}
    .badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:.8em;font-weight:600;color:#fff;background:var(--low);margin-right:6px;vertical-align:1px}
    .badge.critical{background:var(--critical)}.badge.high{background:var(--high)}.badge.medium{background:var(--medium)}
    @media (max-width:600px){main{padding:16px 10px}body{font-size:14px}.tile{min-width:0;flex:1 1 40%}}
    @media print{nav.toc{display:none}details.cluster{break-inside:avoid}a{color:inherit}body{font-size:11pt}
    table,pre{overflow:visible}pre code{white-space:pre-wrap}}
    """
}
