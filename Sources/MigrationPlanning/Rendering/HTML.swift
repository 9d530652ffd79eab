/// HTML (and the SVG inside it) as a tree whose only way out is
/// `rendered`, which escapes every text and every attribute value. A name
/// from a plan, however hostile (`<script>`, `"`, `&`), can only become
/// text: there is no node that takes markup.
///
/// Why not a library: the candidates among the local packages (Plot) have
/// no SVG elements, and this tree is the whole of what the report needs:
/// elements, attributes in the order given (so the bytes are stable) and
/// text. The one exception to escaping is the style sheet, which is a
/// constant of migplan's (`HTMLNode.styleSheet`), never data.
public indirect enum HTMLNode: Sendable {
  /// An element with its attributes, in order, and its children.
  case element(String, [(String, String)], [HTMLNode])
  /// Text, escaped when rendered.
  case text(String)
  /// migplan's own style sheet, a constant, rendered inside `<style>` as is.
  case styleSheet(StaticString)

  /// An element.
  public static func el(
    _ name: String, _ attributes: [(String, String)] = [], _ children: [HTMLNode] = []
  ) -> HTMLNode {
    .element(name, attributes, children)
  }

  /// An element holding only text.
  public static func el(_ name: String, _ attributes: [(String, String)] = [], text: String)
    -> HTMLNode
  {
    .element(name, attributes, [.text(text)])
  }

  /// The `class` attributes in this tree, each whole (`golive late`).
  public var classes: Set<String> {
    guard case .element(_, let attributes, let children) = self else { return [] }
    var found = Set(attributes.filter { $0.0 == "class" }.map(\.1))
    for child in children { found.formUnion(child.classes) }
    return found
  }

  /// Elements without content or end tag.
  static let void: Set<String> = ["meta", "br", "hr", "img", "link", "input", "col"]

  /// The markup: text and attribute values escaped; SVG's empty elements
  /// closed with `/>`.
  public var rendered: String {
    var output = ""
    write(to: &output)
    return output
  }

  func write(to output: inout String) {
    switch self {
    case .text(let text): output += Self.escape(text, attribute: false)
    case .styleSheet(let css): output += css.description
    case .element(let name, let attributes, let children):
      output += "<" + name
      for (key, value) in attributes {
        output += " " + key + "=\"" + Self.escape(value, attribute: true) + "\""
      }
      if Self.void.contains(name) {
        output += ">"
        return
      }
      if children.isEmpty && Self.svgEmpty.contains(name) {
        output += "/>"
        return
      }
      output += ">"
      for child in children { child.write(to: &output) }
      output += "</" + name + ">"
      if Self.block.contains(name) { output += "\n" }
    }
  }

  /// SVG elements written `<rect …/>` when empty.
  static let svgEmpty: Set<String> = ["rect", "line", "path", "polygon", "circle", "use"]

  /// Elements followed by a line break, so the file reads (and diffs) by line.
  static let block: Set<String> = [
    "head", "body", "section", "header", "h1", "h2", "h3", "p", "table", "thead", "tbody", "tr",
    "svg", "g", "style", "title", "dl", "figure", "ul", "li", "footer", "defs", "pattern",
  ]

  /// `&`, `<`, `>` always; `"` and `'` in attribute values.
  static func escape(_ text: String, attribute: Bool) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"" where attribute: result += "&quot;"
      case "'" where attribute: result += "&#39;"
      default:
        // Control characters other than tab and line breaks (C0, DEL, C1)
        // have no place in HTML text: shown as U+FFFD.
        if (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
          || (0x7F...0x9F).contains(scalar.value)
        {
          result += "\u{FFFD}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }
}
