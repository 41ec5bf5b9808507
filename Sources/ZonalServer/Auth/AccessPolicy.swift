import ZonalStore

/// Who may call a route, as a composable value (read by the router, the role matrix test and the OpenAPI check).
public indirect enum AccessPolicy: Sendable {
    /// Anyone, signed in or not.
    case anyone
    /// Any signed-in user.
    case authenticated
    /// A signed-in user with one of these roles.
    case roles(Set<Role>)
    /// The user is a member of the route's project (auditors see every project).
    case projectMember
    /// The token (if any) carries this scope.
    case scope(TokenScope)
    case allOf([AccessPolicy])
    case anyOf([AccessPolicy])

    /// Read access to a project's models, findings and approvals.
    public static let readProject: AccessPolicy = .allOf([.roles([.viewer, .engineer, .assessor, .approver, .auditor]), .projectMember, .scope(.read)])

    /// A project write by one role.
    public static func writeProject(_ role: Role) -> AccessPolicy { .allOf([.roles([role]), .projectMember, .scope(.write)]) }

    /// Administration (users, roles, projects, membership).
    public static let administer: AccessPolicy = .allOf([.roles([.admin]), .scope(.write)])

    /// The audit trail.
    public static let audit: AccessPolicy = .allOf([.roles([.auditor]), .scope(.read)])

    /// Whether the policy lets `identity` in; `isMember` is asked only when membership matters.
    func allows(_ identity: Identity?, isMember: () async throws -> Bool) async throws -> Bool {
        switch self {
        case .anyone: return true
        case .authenticated: return identity != nil
        case let .roles(roles): return identity.map { roles.contains($0.user.role) } ?? false
        case .projectMember:
            guard let identity else { return false }
            return identity.user.role == .auditor ? true : try await isMember()
        case let .scope(scope): return identity?.scopes.contains(scope) ?? false
        case let .allOf(policies):
            for policy in policies where try await !policy.allows(identity, isMember: isMember) { return false }
            return true
        case let .anyOf(policies):
            for policy in policies where try await policy.allows(identity, isMember: isMember) { return true }
            return false
        }
    }

    /// The roles that can ever pass (for the role matrix and documentation).
    public var roles: Set<Role> {
        switch self {
        case .anyone, .authenticated, .projectMember, .scope: return Set(Role.allCases)
        case let .roles(roles): return roles
        case let .allOf(policies): return policies.reduce(Set(Role.allCases)) { $0.intersection($1.roles) }
        case let .anyOf(policies): return policies.reduce(Set()) { $0.union($1.roles) }
        }
    }

    /// True when the policy needs a signed-in user.
    public var needsIdentity: Bool {
        switch self {
        case .anyone: return false
        case let .anyOf(policies): return policies.allSatisfy(\.needsIdentity)
        default: return true
        }
    }
}
