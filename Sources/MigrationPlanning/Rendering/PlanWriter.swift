/// Writes a plan as `plan.xml` (the format of docs/reference/plan-format.md).
public enum PlanWriter {
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\n": result += "&#10;"
      default: result.append(character)
      }
    }
    return result
  }

  /// Text safe inside an XML comment: no `--` (so never `-->`), no
  /// trailing `-`, no character XML forbids (control characters are
  /// written as `\u{1B}`).
  static func comment(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let allowed =
        value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0xD7FF).contains(value)
        || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
      if !allowed || (0x7F...0x9F).contains(value) {
        result += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
      } else if scalar == "-" && result.hasSuffix("-") {
        result += " -"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result.hasSuffix("-") ? result + " " : result
  }

  /// One `<system>` element with its children, as `xml` writes it (lines
  /// joined, no final line break).
  static func systemText(_ system: LocalSystem) -> String {
    var lines: [String] = []
    var head = "  <system id=\"\(system.id)\" name=\"\(escape(system.name))\""
    if let vendor = system.vendor { head += " vendor=\"\(vendor)\"" }
    if let product = system.product { head += " product=\"\(product)\"" }
    head +=
      " procurement=\"\(system.procurement.rawValue)\" procurementStatus=\"\(system.procurementStatus.rawValue)\""
    if let tokutei = system.tokuteiDeadline {
      head += " tokuteiDeadline=\"\(tokutei.iso)\""
    } else if system.tokuteiListed {
      head += " tokutei=\"true\""
    }
    lines.append(head + ">")
    for area in system.areas { lines.append("    <serves area=\"\(area)\"/>") }
    for respondent in system.respondents {
      lines.append("    <respondent vendor=\"\(respondent)\"/>")
    }
    if let budget = system.budget {
      var line = "    <budget"
      if let year = budget.requestedIn { line += " requestedIn=\"\(year.startYear)\"" }
      if let supplementary = budget.supplementary {
        line += " supplementary=\"\(supplementary.iso)\""
      }
      lines.append(line + "/>")
    }
    for record in system.steps {
      var line = "    <step ref=\"\(record.step)\" status=\"\(record.status.rawValue)\""
      if let start = record.start { line += " start=\"\(start.iso)\"" }
      if let end = record.end { line += " end=\"\(end.iso)\"" }
      if record.datesAssumed && record.start != nil && record.end != nil {
        line += " assumed=\"start end\""
      }
      lines.append(line + "/>")
    }
    for milestone in system.milestones {
      lines.append(
        "    <milestone kind=\"\(milestone.kind.rawValue)\" date=\"\(milestone.date.iso)\"/>")
    }
    lines.append("  </system>")
    return lines.joined(separator: "\n")
  }

  /// The index of the first system that takes `plan.xml` past `limit`
  /// bytes (header included), or nil when the whole plan fits.
  public static func firstSystemBeyond(
    _ limit: Int, plan: Plan, catalog: Catalog, header: String
  ) -> Int? {
    var empty = plan
    empty.systems = []
    var size = xml(empty, catalog: catalog, header: header).utf8.count
    // A bound first: a system's text is at most its names escaped (6
    // bytes a byte) and 160 bytes a child element, plus its tag.
    var bound = size
    for system in plan.systems {
      let children =
        system.areas.count + system.respondents.count + system.steps.count
        + system.milestones.count + 1
      bound += 400 + 6 * (system.id.utf8.count + system.name.utf8.count) + 160 * children
    }
    if bound <= limit { return nil }
    for (index, system) in plan.systems.enumerated() {
      size += systemText(system).utf8.count + 2
      if size > limit { return index }
    }
    return nil
  }

  /// The comment `import` puts on top of the plan it writes from the
  /// table at `table`.
  public static func importHeader(table: String) -> String {
    let name = table.split(separator: "/").last.map(String.init) ?? table
    return "Imported by migplan import from \(name). See README.md beside this file."
  }

  /// The plan as `plan.xml` text, with `header` as a comment on top.
  public static func xml(_ plan: Plan, catalog: Catalog, header: String) -> String {
    var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
    lines.append("<!-- " + comment(header) + " -->")
    var root = "<plan xmlns=\"urn:migplan:plan:1\" municipality=\"\(escape(plan.municipality))\""
    if let prefecture = plan.prefecture { root += " prefecture=\"\(escape(prefecture))\"" }
    if let code = plan.code { root += " code=\"\(escape(code))\"" }
    root +=
      " asOf=\"\(plan.asOf.iso)\" deadline=\"\(plan.deadline.iso)\" atRiskDays=\"\(plan.atRiskDays)\">"
    lines.append(root)
    lines.append("  <!-- Projects the municipality can run at once. -->")
    lines.append(
      "  <staff capacity=\"\(plan.staffCapacity)\""
        + (plan.staffCapacityAssumed ? " assumed=\"capacity\"" : "") + "/>")
    lines.append("")
    for vendor in plan.vendors {
      var line = "  <vendor id=\"\(vendor.id)\" name=\"\(escape(vendor.name))\""
      if let capacity = vendor.capacity { line += " capacity=\"\(capacity)\"" }
      if vendor.capacityAssumed && vendor.capacity != nil { line += " assumed=\"capacity\"" }
      lines.append(line + "/>")
    }
    lines.append("")
    for area in plan.areas {
      lines.append(
        "  <area ref=\"\(area)\"/>  <!-- \(escape(catalog.area(area)?.name ?? area)) -->")
    }
    for system in plan.systems {
      lines.append("")
      lines.append(systemText(system))
    }
    lines.append("</plan>")
    return lines.joined(separator: "\n") + "\n"
  }
}
