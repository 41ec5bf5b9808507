import ZonalAnalysis

/// `zonal crs`: the cybersecurity requirements specification as one self-contained HTML page, print-ready.
public enum RequirementsSpecificationPage {
    struct View {
        let title: String
        let spec: RequirementsSpecification
        let diagram: String
    }

    public static func html(_ assessment: Assessment, header: ReportHeader) -> String {
        let spec = RequirementsSpecification(assessment, header: header)
        return Templates.render("crs.html", View(title: "Cybersecurity requirements specification: \(spec.system)", spec: spec,
                                                 diagram: ZoneDiagram.svg(assessment)))
    }
}
