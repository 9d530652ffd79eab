/// `migplan specs`: per product of each sheet, what it covers and how far
/// it implements each kind and class of requirement. Format-neutral.
public struct SpecsReport: Sendable {
  /// A covered area and its specification version.
  public struct AreaVersion: Sendable {
    /// The area's catalog id.
    public var area: String
    /// The version of the standard specification the product follows.
    public var specVersion: String
    /// Older than the version the catalog names for the area.
    public var older: Bool
  }

  /// One product of a sheet.
  public struct Product: Sendable {
    /// The vendor's id in its sheet.
    public var vendor: String
    /// The vendor's official name.
    public var vendorName: String
    /// The product's id.
    public var product: String
    /// The product's name, when given.
    public var name: String?
    /// The product's release, when given.
    public var release: String?
    /// The sheet's issue date.
    public var issued: CivilDate
    /// The sheet's path.
    public var file: String
    /// The areas covered.
    public var areas: [AreaVersion]
    /// The clouds it runs on.
    public var clouds: [CloudProvider]
    /// Systems it can migrate at once, when given.
    public var capacity: Int?
    /// The earliest day the vendor can start, when given.
    public var earliestStart: CivilDate?
    /// Functions and forms by kind, class and status.
    public var counts: RequirementCounts
  }

  /// Every product of every sheet, in sheet order.
  public var products: [Product]

  /// The products of `sheets`, their versions measured against the catalog's.
  public init(sheets: [SpecSheet], catalog: Catalog) {
    products = sheets.flatMap { sheet in
      sheet.products.map { product in
        Product(
          vendor: sheet.vendorId, vendorName: sheet.vendorName, product: product.id,
          name: product.name, release: product.release, issued: sheet.issued, file: sheet.path,
          areas: product.covers.map { cover in
            let target = catalog.area(cover.area)?.specVersion
            return AreaVersion(
              area: cover.area, specVersion: cover.specVersion,
              older: target.map { SpecSheetReader.isOlder(cover.specVersion, than: $0) } ?? false)
          },
          clouds: product.clouds, capacity: product.capacity, earliestStart: product.earliestStart,
          counts: product.counts)
      }
    }
  }

  /// The columns of the flat table: one row per product × kind × class.
  static var columns: [ReportColumn] {
    [
      .init("vendor", "ベンダ", en: "Vendor", importance: .high),
      .init("product", "製品", en: "Product", importance: .high),
      .init("areas", "事務 (仕様の版)", en: "Areas (spec version)"),
      .init("clouds", "クラウド", en: "Clouds", importance: .low),
      .init("capacity", "容量", en: "Capacity", numeric: true, importance: .low),
      .init("kind", "種別", en: "Kind", importance: .high),
      .init("class", "区分", en: "Class", importance: .high),
    ]
      + RequirementStatus.allCases.map { status in
        let (ja, en) =
          switch status {
          case .implemented: ("実装済み", "Implemented")
          case .planned: ("実装予定", "Planned")
          case .deferred: ("経過措置", "Deferred")
          case .notImplemented: ("未実装", "Not implemented")
          }
        return .init(status.rawValue, ja, en: en, numeric: true)
      }
  }

  /// Rows; with `repeatProduct` false, the product's cells stand only on its
  /// first row (text), else on every row (CSV).
  func rows(repeatProduct: Bool, old: String = "old") -> [[ReportValue]] {
    var rows: [[ReportValue]] = []
    for product in products {
      var first = true
      for kind in RequirementKind.allCases {
        for requirementClass in RequirementClass.allCases {
          let described = first || repeatProduct
          var row: [ReportValue] = [
            .text(described ? product.vendor : ""),
            .text(described ? product.product : ""),
            .text(
              described
                ? product.areas.map { "\($0.area) \($0.specVersion)\($0.older ? " (\(old))" : "")" }
                  .joined(separator: ";") : ""),
            .text(described ? product.clouds.map(\.rawValue).joined(separator: ";") : ""),
            described ? product.capacity.map(ReportValue.integer) ?? .null : .null,
            .term(.requirementKind(kind)), .term(.requirementClass(requirementClass)),
          ]
          row += RequirementStatus.allCases.map {
            .integer(product.counts[kind, requirementClass, $0])
          }
          rows.append(row)
          first = false
        }
      }
    }
    return rows
  }

  /// The report as a document. Text and CSV: the flat table (text shows a
  /// product's cells on its first row only). JSON: the documented products
  /// (docs/reference/specs.md), their counts nested by kind, class and status.
  public func document(words: ReportWords = ReportWords(.ja)) -> ReportDocument {
    let products = ReportTable(
      key: "products",
      columns: [
        .init("vendor", "vendor"), .init("vendorName", "vendorName"), .init("product", "product"),
        .init("name", "name"), .init("release", "release"), .init("issued", "issued"),
        .init("file", "file"), .init("areas", "areas"), .init("clouds", "clouds"),
        .init("capacity", "capacity"), .init("earliestStart", "earliestStart"),
        .init("counts", "counts"),
      ],
      rows: self.products.map { product in
        [
          .text(product.vendor), .text(product.vendorName), .text(product.product),
          .optional(product.name), .optional(product.release), .date(product.issued),
          .text(product.file),
          .list(
            product.areas.map {
              .record([
                ("id", .text($0.area)), ("specVersion", .text($0.specVersion)),
                ("olderThanCatalog", .flag($0.older)),
              ])
            }),
          .texts(product.clouds.map(\.rawValue)),
          product.capacity.map(ReportValue.integer) ?? .null, .optional(product.earliestStart),
          .record(
            RequirementKind.allCases.map { kind in
              (
                kind.rawValue,
                .record(
                  RequirementClass.allCases.map { requirementClass in
                    (
                      requirementClass.rawValue,
                      .record(
                        RequirementStatus.allCases.map {
                          ($0.rawValue, .integer(product.counts[kind, requirementClass, $0]))
                        })
                    )
                  })
              )
            }),
        ]
      }, formats: [.json])
    return ReportDocument([
      .table(
        ReportTable(
          key: "rows", columns: Self.columns,
          rows: rows(repeatProduct: false, old: words.oldVersion), formats: [.text])),
      .table(
        ReportTable(
          key: "rows", columns: Self.columns, rows: rows(repeatProduct: true), formats: [.csv])),
      .table(products),
    ])
  }
}
