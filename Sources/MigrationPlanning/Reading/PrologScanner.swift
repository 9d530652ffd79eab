#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Looks at a document's prolog (what comes before the root element) before
/// libxml2 sees it: a DOCTYPE with an internal subset that declares entities,
/// or one that names an external DTD, is refused right there, with its line
/// and column, so that not even libxml2's entity checks run on hostile input.
enum PrologScanner {
  /// What the prolog holds.
  enum Finding: Equatable {
    case clean
    /// A dangerous DOCTYPE at this line and column, with the reason.
    case dangerousDoctype(line: Int, column: Int, reason: String)
    case empty
  }

  /// Reads at most this much of the file: a prolog longer than that is
  /// refused too (no legitimate file of ours has one).
  static let limit = 1 << 20

  static func scan(path: String) -> Finding {
    guard let file = fopen(path, "rb") else { return .clean }
    defer { fclose(file) }
    var buffer = [UInt8](repeating: 0, count: limit)
    let count = fread(&buffer, 1, limit, file)
    if count == 0 { return .empty }
    return scan(Array(buffer[0..<count]), truncated: count == limit)
  }

  // Long: one pass over the prolog's bytes as a single state machine (a switch on the state), read whole.
  static func scan(_ bytes: [UInt8], truncated: Bool) -> Finding {
    var index = 0
    var line = 1
    var lineStart = 0
    func advance(_ n: Int) {
      for _ in 0..<n where index < bytes.count {
        if bytes[index] == 0x0A {
          line += 1
          lineStart = index + 1
        }
        index += 1
      }
    }
    func startsWith(_ text: String) -> Bool {
      let needle = Array(text.utf8)
      return index + needle.count <= bytes.count
        && Array(bytes[index..<index + needle.count]) == needle
    }
    func skip(past terminator: String) -> Bool {
      let needle = Array(terminator.utf8)
      while index < bytes.count {
        if startsWith(terminator) {
          advance(needle.count)
          return true
        }
        advance(1)
      }
      return false
    }
    while index < bytes.count {
      if startsWith("<?") {
        guard skip(past: "?>") else { return .clean }
      } else if startsWith("<!--") {
        guard skip(past: "-->") else { return .clean }
      } else if startsWith("<!DOCTYPE") {
        let doctypeLine = line
        let column =
          String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
        // The declaration runs to the first '>' outside the internal subset.
        var depth = 0
        var quote: UInt8 = 0
        let start = index
        while index < bytes.count {
          let byte = bytes[index]
          if quote != 0 {
            if byte == quote { quote = 0 }
          } else if byte == 0x22 || byte == 0x27 {
            quote = byte
          } else if byte == 0x5B {
            depth += 1
          } else if byte == 0x5D {
            depth -= 1
          } else if byte == 0x3E && depth <= 0 {
            break
          }
          advance(1)
        }
        let declaration = String(
          decoding: bytes[start..<min(index + 1, bytes.count)], as: UTF8.self)
        if index >= bytes.count && truncated {
          return .dangerousDoctype(
            line: doctypeLine, column: column, reason: "a DOCTYPE longer than 1 MB is refused")
        }
        if declaration.contains("<!ENTITY") {
          return .dangerousDoctype(
            line: doctypeLine, column: column,
            reason: "a DOCTYPE that declares entities is refused (entities are never expanded)")
        }
        let head = declaration.split(separator: "[", maxSplits: 1).first ?? ""
        if head.contains("SYSTEM") || head.contains("PUBLIC") {
          return .dangerousDoctype(
            line: doctypeLine, column: column,
            reason: "a DOCTYPE that names an external DTD is refused (nothing is fetched)")
        }
        return .clean
      } else if startsWith("<") {
        return .clean  // the root element: the prolog is over
      } else {
        advance(1)
      }
    }
    return .clean
  }
}
