import Mustache

// Field lookup by name for the values the templates render by the thousand (rows of requirements, flows, assets,
// findings). swift-mustache otherwise finds a field by reflection (Mirror), which materialises every field of the value
// on each lookup: profiling `zonal crs` on a 1,000-asset plant (perf, release build) put 51% of the time there.
// Each switch lists exactly the stored properties of its type; the golden-file tests fail if one is missed.

extension RequirementsSpecification.FlowLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "from": from
        case "to": to
        case "traffic": traffic
        case "essential": essential
        case "via": via
        default: nil
        }
    }
}

extension RequirementsSpecification.RequirementLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "fr": fr
        case "title": title
        case "met": met
        case "how": how
        default: nil
        }
    }
}

extension RequirementsSpecification.AssetLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "role": role
        case "slCapability": slCapability
        case "safety": safety
        default: nil
        }
    }
}

extension RequirementsSpecification.Fact: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value as Any?
        default: nil
        }
    }
}

extension RequirementsSpecification.Target: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "id": id
        case "name": self.name
        case "slTarget": slTarget
        case "facts": facts
        case "accessPoints": accessPoints
        case "connections": connections
        case "flows": flows
        case "assets": assets
        case "requirements": requirements
        case "unmet": unmet
        case "rationale": rationale
        case "hasRationale": hasRationale
        case "hasAssets": hasAssets
        case "hasFlows": hasFlows
        default: nil
        }
    }
}

extension ReportViews.RequirementRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "met": met
        case "id": id
        case "fr": fr
        case "title": title
        case "how": how
        default: nil
        }
    }
}

extension ReportViews.TargetView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "id": id
        case "name": self.name
        case "slTarget": slTarget
        case "slAchieved": slAchieved
        case "met": met
        case "required": required
        case "gap": gap
        case "rows": rows
        case "complete": complete
        default: nil
        }
    }
}

extension ReportViews.FindingView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "severity": severity
        case "check": check
        case "title": title
        case "clause": clause
        case "location": location
        case "subject": subject
        case "message": message
        case "remediation": remediation
        case "evidence": evidence
        case "hasEvidence": hasEvidence
        case "moreEvidence": moreEvidence as Any?
        default: nil
        }
    }
}
