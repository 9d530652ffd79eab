/// Reads a plan's `<kpis>`: initiatives and their indicators (ids:
/// `bad-number`, `bad-date`, `bad-value`, `missing-attribute`,
/// `duplicate-id`, `kpi-source` when an indicator is not exactly one of
/// measured, recorded or derived).
enum KPILoader {
  static func read(_ kpis: [XMLElementNode], diagnostics: DiagnosticCollector) -> [KPIInitiative] {
    var initiatives: [KPIInitiative] = []
    var numbers = DuplicateCheck("initiative")
    var indicatorIds = DuplicateCheck("indicator")
    for node in kpis {
      _ = ElementFields(node, attributes: [], children: ["initiative"], diagnostics: diagnostics)
      for initiative in node.children("initiative") {
        let fields = ElementFields(
          initiative, attributes: ["number", "name", "policy"], children: ["indicator"],
          diagnostics: diagnostics)
        guard let number = fields.integer("number", in: 1...999),
          let name = fields.required("name"),
          numbers.insert(
            String(number), at: initiative.location(of: "number"), diagnostics: diagnostics)
        else { continue }
        var indicators: [KPIIndicator] = []
        for indicator in initiative.children("indicator") {
          if let value = readIndicator(indicator, diagnostics),
            indicatorIds.insert(
              value.id, at: indicator.location(of: "id"), diagnostics: diagnostics)
          {
            indicators.append(value)
          }
        }
        if indicators.isEmpty {
          diagnostics.error(
            .missingElement, "initiative \(number) has no <indicator>", at: initiative.location)
        }
        initiatives.append(
          KPIInitiative(
            number: number, name: name, policy: fields.optional("policy") ?? "",
            indicators: indicators,
            location: initiative.location))
      }
    }
    return initiatives.sorted { $0.number < $1.number }
  }

  enum Derived: String, CaseIterable {
    case standardization
  }

  static func readIndicator(_ node: XMLElementNode, _ diagnostics: DiagnosticCollector)
    -> KPIIndicator?
  {
    let fields = ElementFields(
      node,
      attributes: [
        "id", "name", "unit", "targetText", "target", "targetDate", "start", "baseline", "proRata",
        "projected", "onPlan", "behind", "evaluation", "reason", "progress", "derived",
      ], children: ["measurement"], diagnostics: diagnostics)
    guard let id = fields.identifier("id"), let name = fields.required("name") else { return nil }
    let targetText = fields.required("targetText") ?? ""
    let kinds = [
      node.attribute("target") != nil, node.attribute("evaluation") != nil,
      node.attribute("derived") != nil,
    ].filter { $0 }.count
    guard kinds == 1 else {
      diagnostics.error(
        .kpiSource,
        "indicator '\(id)' needs exactly one of target (measured), evaluation (recorded) or derived",
        at: node.location)
      return nil
    }
    let source: KPISource
    if node.attribute("derived") != nil {
      guard fields.choice("derived", as: Derived.self) != nil else { return nil }
      source = .standardization
    } else if node.attribute("evaluation") != nil {
      guard let evaluation = fields.choice("evaluation", as: KPIEvaluation.self) else { return nil }
      source = .recorded(
        evaluation, reason: fields.required("reason") ?? "",
        progress: fields.required("progress") ?? "")
    } else {
      guard let target = number(fields, "target"), let targetDate = fields.date("targetDate"),
        let start = fields.date("start")
      else { return nil }
      if start >= targetDate {
        diagnostics.error(
          .badDateOrder, "'start' must be before 'targetDate'", at: node.location(of: "start"))
        return nil
      }
      let rule = NumericRule(
        target: target, targetDate: targetDate, start: start,
        baseline: number(fields, "baseline", required: false) ?? 0,
        proRata: fields.flag("proRata", default: true),
        projected: fields.flag("projected", default: false),
        onPlan: number(fields, "onPlan", required: false) ?? 1.0,
        behind: number(fields, "behind", required: false) ?? 0.5)
      var measurements: [KPIMeasurement] = []
      for child in node.children("measurement") {
        let measurement = ElementFields(
          child, attributes: ["date", "value", "note"], children: [], diagnostics: diagnostics)
        if let date = measurement.date("date"), let value = number(measurement, "value") {
          measurements.append(
            KPIMeasurement(date: date, value: value, note: measurement.optional("note")))
        }
      }
      if measurements.isEmpty {
        diagnostics.error(
          .missingElement, "indicator '\(id)' has no <measurement>", at: node.location)
        return nil
      }
      source = .measured(rule, measurements.sorted { $0.date < $1.date })
    }
    return KPIIndicator(
      id: id, name: name, unit: fields.optional("unit") ?? "", targetText: targetText,
      source: source,
      location: node.location)
  }

  static func number(_ fields: ElementFields, _ name: String, required: Bool = true) -> Double? {
    guard let text = required ? fields.required(name) : fields.optional(name) else { return nil }
    guard let value = Double(text), value.isFinite else {
      fields.diagnostics.error(
        .badNumber, "'\(name)' must be a number, not '\(text)'",
        at: fields.node.location(of: name))
      return nil
    }
    return value
  }

}
