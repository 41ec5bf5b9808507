/// What a user may do (issue 5, section 3). Roles are deliberately disjoint: an admin manages users but cannot edit
/// or approve, an approver approves but cannot edit, an auditor reads everything and writes nothing.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case viewer, engineer, assessor, approver, auditor, admin

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
