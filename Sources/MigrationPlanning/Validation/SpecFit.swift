/// How the vendors' products fit the plan's systems, for `migplan check`:
///
/// - `no-spec-sheet` (warning): an RFI respondent sent no sheet;
/// - `area-not-offered` (warning): none of a respondent's products covers
///   one of the system's areas;
/// - `mandatory-not-ready` (warning): the product the system will run has
///   mandatory functions or forms not implemented by the system's deadline;
/// - `deferred-functions` (note): it defers functions under the transitional
///   measure (経過措置), which must be notified to デジタル庁;
/// - `unknown-product` (error): the plan names a product the vendor's sheets
///   do not have;
/// - `missing-capacity` (warning): neither the plan nor a sheet gives the
///   capacity of the system's vendor (the scheduler assumes 1).
public enum SpecFit {
  /// Reports how the vendors' products fit every system of `plan`.
  public static func check(plan: Plan, vendors: VendorDirectory, diagnostics: DiagnosticCollector) {
    for system in plan.systems {
      let deadline = plan.deadline(for: system)
      for respondent in system.respondents {
        guard let vendor = plan.vendor(respondent) else { continue }
        let products = vendors.products(forVendorNamed: vendor.name)
        if products.isEmpty {
          diagnostics.warning(
            .noSpecSheet,
            "system '\(system.id)': RFI respondent '\(vendor.id)' (\(vendor.name)) sent no spec sheet",
            at: system.location)
          continue
        }
        for area in system.areas where !products.contains(where: { $0.product.covers(area) }) {
          diagnostics.warning(
            .areaNotOffered,
            "system '\(system.id)': no product of '\(vendor.id)' covers area '\(area)'",
            at: system.location)
        }
      }
      if let named = system.product, vendors.product(for: system, plan: plan) == nil {
        diagnostics.error(
          .unknownProduct,
          "system '\(system.id)' names product '\(named)', which its vendor's sheets do not have",
          at: system.location)
        continue
      }
      let chosen = vendors.product(for: system, plan: plan)
      if let vendorId = system.expectedVendor,
        let vendor = plan.vendor(vendorId),
        vendor.capacity == nil, chosen?.product.capacity == nil
      {
        diagnostics.warning(
          .missingCapacity,
          "system '\(system.id)': neither the plan nor a spec sheet gives the capacity of vendor "
            + "'\(vendor.id)'; the scheduler assumes 1",
          at: system.location)
      }
      guard let chosen else { continue }
      let notes = chosen.product.notes.filter { system.areas.contains($0.area) }
      let notReady = notes.filter { note in
        note.requirementClass == .mandatory
          && (note.status == .notImplemented || (note.date.map { $0 > deadline } ?? false))
      }
      if !notReady.isEmpty {
        let shown = notReady.prefix(3).map { "\($0.kind.rawValue) \($0.id)" }.joined(
          separator: ", ")
        diagnostics.warning(
          .mandatoryNotReady,
          "system '\(system.id)': product '\(chosen.product.id)' has \(notReady.count) mandatory requirement(s) "
            + "not implemented by \(deadline.iso) (\(shown)\(notReady.count > 3 ? ", …" : ""))",
          at: system.location)
      }
      let deferred = notes.filter { $0.status == .deferred }
      if !deferred.isEmpty {
        diagnostics.emit(
          Diagnostic(
            .note, .deferredFunctions,
            "system '\(system.id)': product '\(chosen.product.id)' defers \(deferred.count) requirement(s) "
              + "under the transitional measure (経過措置): notify デジタル庁",
            at: system.location))
      }
    }
  }
}
