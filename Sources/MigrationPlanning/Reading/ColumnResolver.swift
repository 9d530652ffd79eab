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
  /// The file is read in 64 KiB blocks and only the first 64 KiB of each
  /// line asked for is kept, so a single-line file of a gigabyte costs no
  /// more memory than a short one.
  func resolved(path: String) -> [Diagnostic] {
    let wanted = Set(requests.map(\.diagnostic.location.line).filter { $0 > 0 })
    var lines: [Int: [UInt8]] = [:]
    let keep = 1 << 16
    if let last = wanted.max(), let file = fopen(path, "rb") {
      defer { fclose(file) }
      var block = [UInt8](repeating: 0, count: 1 << 16)
      var number = 1
      var current: [UInt8] = []
      reading: while number <= last {
        let count = block.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if count == 0 { break }
        var start = 0
        for index in 0..<count where block[index] == 0x0A {
          if wanted.contains(number) && current.count < keep {
            current += block[start..<min(index, start + keep - current.count)]
          }
          if wanted.contains(number) { lines[number] = current }
          current = []
          number += 1
          start = index + 1
          if number > last { break reading }
        }
        if wanted.contains(number) && current.count < keep {
          current += block[start..<min(count, start + keep - current.count)]
        }
      }
      if wanted.contains(number) && lines[number] == nil { lines[number] = current }
    }
    return apply(lines.mapValues { String(decoding: $0, as: UTF8.self) })
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
