internal import CCmarkGFM
import Foundation

/// Renders Markdown to HTML through cmark-gfm (tables, task lists, autolinks, strikethrough).
/// The only file that touches the C library.
///
/// Raw HTML is let through, because the templates use a little (`<details>`, `<sub>`, the
/// comments that mark a cluster); text from logs never reaches the Markdown unescaped (code
/// spans, fences and `Markdown.text` keep it inert), and GFM's tag filter disarms `<script>`,
/// `<style>`, `<iframe>` and their kind on top.
enum HTMLRenderer {
  /// The HTML of `markdown`'s body.
  static func body(_ markdown: String) -> String {
    cmark_gfm_core_extensions_ensure_registered()
    let options = CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE
    guard let parser = cmark_parser_new(options) else { return "<pre>\(escape(markdown))</pre>" }
    defer { cmark_parser_free(parser) }
    for name in ["table", "autolink", "tasklist", "strikethrough", "tagfilter"] {
      if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
    }
    var text = markdown
    text.withUTF8 { p in
      p.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
    }
    guard let document = cmark_parser_finish(parser) else { return "<pre>\(escape(markdown))</pre>" }
    defer { cmark_node_free(document) }
    guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
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
}
