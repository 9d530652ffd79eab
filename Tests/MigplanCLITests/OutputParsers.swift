import Foundation
import Testing

/// An RFC 4180 reader written for these tests (independent of migplan's
/// writer): quoted fields, doubled quotes, commas and line breaks in quotes.
func parseCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var characters = Array(text.unicodeScalars)
  if characters.first == "\u{FEFF}" { characters.removeFirst() }
  var index = 0
  while index < characters.count {
    let c = characters[index]
    if quoted {
      if c == "\"" {
        if index + 1 < characters.count && characters[index + 1] == "\"" {
          field.unicodeScalars.append("\"")
          index += 1
        } else {
          quoted = false
        }
      } else {
        field.unicodeScalars.append(c)
      }
    } else if c == "\"" && field.isEmpty {
      quoted = true
    } else if c == "," {
      row.append(field)
      field = ""
    } else if c == "\r" && index + 1 < characters.count && characters[index + 1] == "\n" {
      // CRLF: the LF ends the record.
    } else if c == "\n" {
      row.append(field)
      rows.append(row)
      row = []
      field = ""
    } else {
      field.unicodeScalars.append(c)
    }
    index += 1
  }
  if !field.isEmpty || !row.isEmpty {
    row.append(field)
    rows.append(row)
  }
  return rows
}

/// A strict RFC 5545 check of what migplan writes: CRLF everywhere, lines of
/// at most 75 octets, folding, BEGIN/END nesting, required properties,
/// property syntax, DATE values, unique UIDs, escaped TEXT.
func iCalendarProblems(_ text: String) -> [String] {
  var problems: [String] = []
  let bytes = Array(text.utf8)
  for (index, byte) in bytes.enumerated() where byte == 0x0A {
    if index == 0 || bytes[index - 1] != 0x0D { problems.append("bare LF at byte \(index)") }
  }
  guard text.hasSuffix("\r\n") else { return problems + ["no final CRLF"] }
  let physical = text.components(separatedBy: "\r\n").dropLast()
  var lines: [String] = []
  for line in physical {
    if line.utf8.count > 75 { problems.append("line over 75 octets: \(line.prefix(20))") }
    if line.hasPrefix(" ") || line.hasPrefix("\t") {
      guard !lines.isEmpty else { return problems + ["continuation first"] }
      lines[lines.count - 1] += String(line.dropFirst())
    } else {
      lines.append(line)
    }
  }
  var stack: [String] = []
  var properties: [String: Int] = [:]
  var uids = Set<String>()
  for line in lines {
    guard let colon = line.firstIndex(of: ":") else {
      problems.append("no colon: \(line)")
      continue
    }
    let head = line[..<colon]
    let value = String(line[line.index(after: colon)...])
    let parts = head.split(separator: ";")
    guard let name = parts.first,
      name.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") })
    else {
      problems.append("bad property name: \(head)")
      continue
    }
    for parameter in parts.dropFirst() where !parameter.contains("=") {
      problems.append("bad parameter: \(parameter)")
    }
    switch name {
    case "BEGIN":
      stack.append(value)
      if value == "VEVENT" { properties = [:] }
    case "END":
      guard stack.last == value else {
        return problems + ["END:\(value) does not close \(stack.last ?? "nothing")"]
      }
      if value == "VEVENT" {
        for required in ["UID", "DTSTAMP", "DTSTART"] where properties[required] != 1 {
          problems.append("VEVENT without exactly one \(required)")
        }
      }
      stack.removeLast()
    default:
      properties[String(name), default: 0] += 1
      if name == "UID" && !uids.insert(value).inserted { problems.append("duplicate UID \(value)") }
      if name == "DTSTART" || name == "DTEND" {
        if !(parts.contains("VALUE=DATE") && value.count == 8 && value.allSatisfy(\.isNumber)) {
          problems.append("bad date \(line)")
        }
      }
      if name == "DTSTAMP" && !(value.count == 16 && value.hasSuffix("Z")) {
        problems.append("bad DTSTAMP \(value)")
      }
      if name == "SUMMARY" || name == "DESCRIPTION" {
        var escaped = false
        for character in value {
          if escaped {
            if !["\\", ";", ",", "n", "N"].contains(character) {
              problems.append("bad escape in \(name)")
            }
            escaped = false
          } else if character == "\\" {
            escaped = true
          } else if character == ";" || character == "," {
            problems.append("unescaped \(character) in \(name)")
          }
        }
      }
    }
  }
  if !stack.isEmpty { problems.append("unclosed \(stack)") }
  if lines.first != "BEGIN:VCALENDAR" || !lines.contains("VERSION:2.0")
    || !lines.contains(where: { $0.hasPrefix("PRODID:") })
  {
    problems.append("VCALENDAR without BEGIN, VERSION or PRODID")
  }
  return problems
}

/// Display width as the renderer counts it (East Asian wide = 2).
func displayWidth(_ text: Substring) -> Int {
  text.unicodeScalars.reduce(0) { width, scalar in
    let v = scalar.value
    let wide =
      (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
      || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v)
    return width + (wide ? 2 : 1)
  }
}
