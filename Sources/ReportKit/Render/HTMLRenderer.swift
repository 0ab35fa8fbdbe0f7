internal import CCmarkGFM
import Foundation

/// Renders Markdown to one self-contained HTML page through cmark-gfm (tables, task lists,
/// autolinks, strikethrough). The only file that touches the C library.
///
/// cmark-gfm's default options omit raw HTML, so `<script>` from a log is shown, never run.
struct HTMLRenderer {
  func page(markdown: String, title: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(Self.escape(title))</title>
    <style>\(Self.css)</style>
    </head>
    <body>
    <main>
    \(Self.body(markdown))</main>
    </body>
    </html>

    """
  }

  /// The HTML of `markdown`'s body.
  static func body(_ markdown: String) -> String {
    cmark_gfm_core_extensions_ensure_registered()
    guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return "<pre>\(escape(markdown))</pre>" }
    defer { cmark_parser_free(parser) }
    for name in ["table", "autolink", "tasklist", "strikethrough"] {
      if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
    }
    var text = markdown
    text.withUTF8 { p in
      p.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
    }
    guard let document = cmark_parser_finish(parser) else { return "<pre>\(escape(markdown))</pre>" }
    defer { cmark_node_free(document) }
    guard let html = cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else {
      return "<pre>\(escape(markdown))</pre>"
    }
    defer { free(html) }
    return String(cString: html)
  }

  static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }

  static let css = """
    body{font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;margin:0;background:#fff}
    main{max-width:1100px;margin:0 auto;padding:24px}
    h3{margin-top:1.8em;padding:6px 10px;background:#fff5f5;border-left:4px solid #cf222e;border-radius:4px}h3 code{font-size:1em;background:none;padding:0}
    h1{border-bottom:1px solid #d0d7de;padding-bottom:.3em}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2em;margin-top:1.6em}
    table{border-collapse:collapse;margin:12px 0;display:block;overflow-x:auto}
    th,td{border:1px solid #d0d7de;padding:4px 10px;text-align:left;vertical-align:top}th{background:#f6f8fa}
    tr:nth-child(2n) td{background:#fbfcfd}
    code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f6f8fa;padding:1px 4px;border-radius:4px;word-break:break-all}
    pre{background:#f6f8fa;padding:12px;overflow-x:auto;border-radius:6px}pre code{padding:0;word-break:normal}
    """
}
