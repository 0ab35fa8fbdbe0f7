#!/usr/bin/env python3
"""Checks a report.html (or weekly.html) in a real browser: headless Chromium (Debian's
`chromium`) driven by Playwright, at 1280 px and at 390 px. Saves a screenshot of each width
next to the page (or into --shots DIR) and exits 1 with every failed check listed.

    python3 scripts/check_html.py reports/example/report.html [--shots DIR] [--clusters N]

Checks: the title comes first, then the status header, before any chart; a table of contents
links every section; each cluster is one <details> with a severity badge that says its word,
open for critical and high; numbers in tables are right-aligned; nothing breaks words at every
character; the page never scrolls sideways; print and dark-mode styles exist; the only script is
the page's own (markup from logs is never live).
"""
import argparse
import json
import os
import sys

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def check(page, width, expected_clusters):
    problems = []

    def fail(msg):
        problems.append(f"{width}px: {msg}")

    order = page.evaluate(
        """() => {
        const main = document.querySelector('main');
        const first = main && main.firstElementChild;
        const h1 = document.querySelector('h1'), status = document.querySelector('.status'),
              chart = document.querySelector('.charts');
        return {first: first ? first.tagName : null,
                h1Top: h1 ? h1.getBoundingClientRect().top : null,
                statusTop: status ? status.getBoundingClientRect().top : null,
                chartTop: chart ? chart.getBoundingClientRect().top : null};
    }"""
    )
    if order["first"] != "H1":
        fail(f"the page does not start with its title (first element {order['first']})")
    if order["statusTop"] is not None and order["chartTop"] is not None and order["statusTop"] > order["chartTop"]:
        fail("the status header comes after the charts")
    if order["h1Top"] is not None and order["chartTop"] is not None and order["h1Top"] > order["chartTop"]:
        fail("the charts sit above the title")

    toc = page.evaluate(
        """() => {
        const links = [...document.querySelectorAll('nav.toc a')].map(a => a.getAttribute('href'));
        const h2 = [...document.querySelectorAll('main h2')].map(h => '#' + h.id);
        const missing = h2.filter(id => !links.includes(id));
        const dangling = links.filter(l => !document.getElementById(l.slice(1)));
        return {links: links.length, h2: h2.length, missing, dangling};
    }"""
    )
    if toc["h2"] > 3 and toc["links"] == 0:
        fail("no table of contents on a page with sections")
    if toc["missing"]:
        fail(f"sections missing from the table of contents: {toc['missing'][:5]}")
    if toc["dangling"]:
        fail(f"table-of-contents links that go nowhere: {toc['dangling'][:5]}")

    clusters = page.evaluate(
        """() => [...document.querySelectorAll('details.cluster')].map(d => {
        const b = d.querySelector('summary .badge');
        const sev = [...d.classList].find(c => c !== 'cluster');
        return {sev, open: d.open, badge: b ? b.textContent.trim() : null,
                badgeColor: b ? getComputedStyle(b).backgroundColor : null};
    })"""
    )
    if expected_clusters is not None and len(clusters) != expected_clusters:
        fail(f"{len(clusters)} collapsible clusters, expected {expected_clusters}")
    for c in clusters:
        if c["badge"] != c["sev"]:
            fail(f"a {c['sev']} cluster's badge says {c['badge']!r}, not its severity word")
        if (c["sev"] in ("critical", "high")) != c["open"]:
            fail(f"a {c['sev']} cluster is {'open' if c['open'] else 'closed'}")
        if c["badgeColor"] in (None, "rgba(0, 0, 0, 0)"):
            fail(f"a {c['sev']} badge has no colour")

    cells = page.evaluate(
        """() => {
        const right = [...document.querySelectorAll('td[align=right], th[align=right]')];
        const wrong = right.filter(td => getComputedStyle(td).textAlign !== 'right').length;
        const breakAll = [...document.querySelectorAll('body *')].filter(e => getComputedStyle(e).wordBreak === 'break-all').length;
        return {right: right.length, wrong, breakAll};
    }"""
    )
    if cells["wrong"]:
        fail(f"{cells['wrong']} of {cells['right']} numeric cells are not right-aligned")
    if cells["breakAll"]:
        fail(f"{cells['breakAll']} elements break words at every character (word-break: break-all)")

    scroll = page.evaluate("() => ({doc: document.documentElement.scrollWidth, view: window.innerWidth})")
    if scroll["doc"] > scroll["view"] + 1:
        fail(f"the page scrolls sideways: {scroll['doc']} px wide in a {scroll['view']} px window")

    live = page.evaluate(
        """() => {
        const scripts = document.querySelectorAll('script').length;
        const handlers = [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length;
        const frames = document.querySelectorAll('iframe, object, embed').length;
        const css = [...document.querySelectorAll('style')].map(s => s.textContent).join('');
        return {scripts, handlers, frames, print: css.includes('@media print'), dark: css.includes('prefers-color-scheme')};
    }"""
    )
    if live["scripts"] > 1:
        fail(f"{live['scripts']} <script> elements: only the page's own print helper may exist")
    if live["handlers"] or live["frames"]:
        fail(f"live markup: {live['handlers']} elements with event handlers, {live['frames']} frames")
    if not live["print"]:
        fail("no print stylesheet")
    if not live["dark"]:
        fail("no dark-mode styles")
    if window_alerts:
        fail(f"a dialog opened: {window_alerts[:2]}")
    return problems


window_alerts = []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("page")
    ap.add_argument("--shots", default=None, help="folder for the screenshots (default: beside the page)")
    ap.add_argument("--clusters", type=int, default=None, help="expected number of clusters (default: from report.json beside it)")
    args = ap.parse_args()
    page_path = os.path.abspath(args.page)
    shots = args.shots or os.path.dirname(page_path)
    os.makedirs(shots, exist_ok=True)
    expected = args.clusters
    if expected is None:
        rj = os.path.join(os.path.dirname(page_path), "report.json")
        if os.path.exists(rj) and page_path.endswith("report.html"):
            with open(rj) as f:
                expected = min(len(json.load(f).get("clusters") or []), 25)
    problems = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for width, height in ((1280, 900), (390, 844)):
            ctx = browser.new_context(viewport={"width": width, "height": height})
            page = ctx.new_page()
            page.on("dialog", lambda d: (window_alerts.append(d.message), d.dismiss()))
            page.goto("file://" + page_path)
            problems += check(page, width, expected)
            base = os.path.splitext(os.path.basename(page_path))[0]
            page.screenshot(path=os.path.join(shots, f"{base}-{width}.png"), full_page=False)
            ctx.close()
        browser.close()
    for line in problems:
        print("FAIL " + line)
    if problems:
        sys.exit(1)
    print(f"ok: {page_path} at 1280 and 390 px ({expected if expected is not None else '?'} clusters)")


if __name__ == "__main__":
    main()
