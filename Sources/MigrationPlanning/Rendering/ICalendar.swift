/// iCalendar (RFC 5545) text: CRLF line ends, lines folded at 75 octets
/// without splitting a UTF-8 character, TEXT values escaped.
public struct ICalendarWriter: Sendable {
  /// An all-day event.
  public struct Event: Sendable {
    /// Stable across runs, so that loading a newer file updates the event.
    public var uid: String
    /// All-day: the event covers this date.
    public var date: CivilDate
    /// The event's title.
    public var summary: String
    /// Its description (may hold line breaks).
    public var description: String
    /// Its categories.
    public var categories: [String]
  }

  /// The PRODID.
  public var productId: String
  /// DTSTAMP of every event (a fixed time keeps the output deterministic:
  /// midnight UTC of the plan's as-of date).
  public var stamp: CivilDate
  /// SEQUENCE of every event: grows with the as-of date, so a newer file
  /// supersedes an older one.
  public var sequence: Int

  /// A writer whose events are stamped `stamp` (never the clock).
  public init(productId: String, stamp: CivilDate) {
    self.productId = productId
    self.stamp = stamp
    self.sequence = max(0, stamp.dayNumber)
  }

  /// The calendar `name` of `events`, as RFC 5545 text (CRLF, folded lines).
  public func render(name: String, events: [Event]) -> String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productId, "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name),
    ]
    for event in events {
      lines += [
        "BEGIN:VEVENT",
        "UID:" + event.uid,
        "DTSTAMP:" + Self.basic(stamp) + "T000000Z",
        "SEQUENCE:" + String(sequence),
        "DTSTART;VALUE=DATE:" + Self.basic(event.date),
        "DTEND;VALUE=DATE:" + Self.basic(event.date.adding(days: 1)),
        "SUMMARY:" + Self.escape(event.summary),
        "DESCRIPTION:" + Self.escape(event.description),
        "CATEGORIES:" + event.categories.map(Self.escape).joined(separator: ","),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
      ]
    }
    lines.append("END:VCALENDAR")
    return lines.map(Self.fold).joined()
  }

  /// `YYYYMMDD`.
  static func basic(_ date: CivilDate) -> String {
    date.iso.replacingOccurrences(of: "-", with: "")
  }

  /// RFC 5545 3.3.11: backslash, semicolon, comma and newline escaped.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\\": result += "\\\\"
      case ";": result += "\\;"
      case ",": result += "\\,"
      case "\n", "\r\n", "\r": result += "\\n"
      default: result.append(character)
      }
    }
    return result
  }

  /// RFC 5545 3.1: lines of at most 75 octets, continued with CRLF + space.
  static func fold(_ line: String) -> String {
    var output = ""
    var current = 0
    var limit = 75
    for scalar in line.unicodeScalars {
      let size = String(scalar).utf8.count
      if current + size > limit {
        output += "\r\n "
        current = 0
        limit = 74  // the leading space counts
      }
      output.unicodeScalars.append(scalar)
      current += size
    }
    return output + "\r\n"
  }
}
