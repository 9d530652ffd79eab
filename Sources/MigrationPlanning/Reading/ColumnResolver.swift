#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the columns of diagnostics raised while streaming a large file
/// (libxml2's nodes carry a line, not a column): after the parse, one pass
/// reads the file line by line up to the last line asked for, keeping only
/// the lines asked for. Memory stays flat.
struct ColumnResolver {
  struct Request {
    var diagnostic: Diagnostic
    /// An element name (`<name`) or an attribute name (`name=`).
    var needle: String
    var attribute: Bool
  }

  private(set) var requests: [Request] = []

  mutating func add(_ diagnostic: Diagnostic, needle: String, attribute: Bool) {
    requests.append(Request(diagnostic: diagnostic, needle: needle, attribute: attribute))
  }

  /// The diagnostics with their columns, from a document in memory.
  func resolved(bytes: [UInt8]) -> [Diagnostic] {
    let wanted = Set(requests.map(\.diagnostic.location.line).filter { $0 > 0 })
    var lines: [Int: String] = [:]
    var number = 1
    var start = 0
    if let last = wanted.max() {
      for index in 0...bytes.count where number <= last {
        if index == bytes.count || bytes[index] == 0x0A {
          if wanted.contains(number) {
            lines[number] = String(
              decoding: bytes[start..<min(index, start + (1 << 16))], as: UTF8.self)
          }
          number += 1
          start = index + 1
        }
      }
    }
    return apply(lines)
  }

  /// The diagnostics with their columns (1 where the needle is not found).
  func resolved(path: String) -> [Diagnostic] {
    let wanted = Set(requests.map(\.diagnostic.location.line).filter { $0 > 0 })
    var lines: [Int: String] = [:]
    if let last = wanted.max(), let file = fopen(path, "rb") {
      defer { fclose(file) }
      var buffer: UnsafeMutablePointer<CChar>?
      var capacity = 0
      var number = 0
      while number < last {
        let length = getline(&buffer, &capacity, file)
        if length < 0 { break }
        number += 1
        if wanted.contains(number), let buffer {
          // Very long lines are cut: a column past 64 KiB is not worth it.
          let bytes = UnsafeRawBufferPointer(start: buffer, count: min(length, 1 << 16))
          lines[number] = String(decoding: bytes, as: UTF8.self)
        }
      }
      free(buffer)
    }
    return apply(lines)
  }

  private func apply(_ lines: [Int: String]) -> [Diagnostic] {
    requests.map { request in
      var diagnostic = request.diagnostic
      let line = diagnostic.location.line
      if line > 0 {
        let column = lines[line].flatMap {
          SourceText.column(in: Substring($0), name: request.needle, element: !request.attribute)
        }
        diagnostic.location.column = column ?? 1
      }
      return diagnostic
    }
  }
}
