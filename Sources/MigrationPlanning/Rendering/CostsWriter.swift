/// Writes cost data as `costs.xml` (schema `catalog/schema/costs.xsd`):
/// deterministic, in the data's order, one element per line.
public enum CostsWriter {
  /// The file's text.
  public static func xml(_ data: CostData, header: String) -> String {
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<!-- \(header.replacingOccurrences(of: "--", with: "- -")) -->",
      "<costs xmlns=\"\(CostData.namespace)\"" + (data.illustrative ? " illustrative=\"true\"" : "")
        + (data.rate.map { " rate=\"\($0)\"" } ?? "") + ">",
    ]
    if let source = data.source { lines.append("  <source>\(PlanWriter.escape(source))</source>") }
    if !data.reference.isEmpty {
      lines.append("  <reference>")
      for figure in data.reference {
        let scope: String
        switch figure.scope {
        case .body: scope = "scope=\"body\""
        case .area(let area): scope = "area=\"\(area)\""
        case .system(let system): scope = "system=\"\(system)\""
        }
        lines.append(
          "    <cost \(scope) item=\"\(figure.item.rawValue)\" yen=\"\(figure.yen)\"/>")
      }
      lines.append("  </reference>")
    }
    for system in data.systems {
      let share =
        system.shareBasisPoints == 10_000
        ? "" : " share=\"\(CostData.percent(system.shareBasisPoints))\""
      let shared = system.sharedSystem.map { " shared=\"\(PlanWriter.escape($0))\"" } ?? ""
      lines.append("  <system ref=\"\(system.system)\"\(share)\(shared)>")
      for (name, contract) in [("old", system.old), ("new", system.new)] {
        guard let contract else { continue }
        let dates =
          (contract.start.map { " start=\"\($0.iso)\"" } ?? "")
          + (contract.end.map { " end=\"\($0.iso)\"" } ?? "")
        lines.append("    <\(name)\(dates)>")
        for amount in contract.amounts {
          var cost = "      <cost item=\"\(amount.item.rawValue)\""
          if let cents = amount.usdCents { cost += " usdCents=\"\(cents)\"" }
          if let yen = amount.yen { cost += " yen=\"\(yen)\"" }
          if let priced = amount.pricedAt { cost += " pricedAt=\"\(priced)\"" }
          lines.append(cost + "/>")
        }
        lines.append("    </\(name)>")
      }
      if let migration = system.migration {
        lines.append(
          "    <migration yen=\"\(migration)\""
            + (system.subsidy.map { " subsidy=\"\($0)\"" } ?? "") + "/>")
      }
      lines.append("  </system>")
    }
    lines.append("</costs>")
    return lines.joined(separator: "\n") + "\n"
  }

}
