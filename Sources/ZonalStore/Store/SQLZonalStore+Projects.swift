import Foundation

extension SQLZonalStore {
    public func createProject(name: String, by actor: AuditActor) async throws -> Project {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 200 else { throw StoreError.invalidInput("a project name needs 1-200 characters") }
        let createdAt = timestamp
        do {
            return try await change(by: actor) { session in
                let rows = try await session.query("INSERT INTO projects (name, created_at, created_by) VALUES (?, ?, ?) RETURNING id", [.text(trimmed), .text(createdAt), .text(actor.name)])
                let project = Project(id: try rows[0].int("id"), name: trimmed, createdAt: createdAt, createdBy: actor.name)
                return (project, AuditEvent(action: "project.create", objectType: "project", objectID: String(project.id), objectHash: Self.stateHash(project.canonicalState), payload: ["name": trimmed]))
            }
        } catch {
            throw Self.translate(error, duplicate: "project '\(trimmed)'")
        }
    }

    public func projects() async throws -> [Project] {
        try await database.query("SELECT * FROM projects ORDER BY name").map(Project.init(row:))
    }

    public func project(id: Int64) async throws -> Project? {
        try await database.query("SELECT * FROM projects WHERE id = ?", [.integer(id)]).first.map(Project.init(row:))
    }

    public func addMember(projectID: Int64, userID: Int64, by actor: AuditActor) async throws -> Membership {
        let addedAt = timestamp
        do {
            return try await change(by: actor) { session in
                guard try await session.queryOne("SELECT id FROM projects WHERE id = ?", [.integer(projectID)]) != nil else { throw StoreError.notFound("project \(projectID)") }
                guard let user = try await session.queryOne("SELECT name FROM users WHERE id = ?", [.integer(userID)]) else { throw StoreError.notFound("user \(userID)") }
                try await session.execute("INSERT INTO memberships (project_id, user_id, added_at, added_by) VALUES (?, ?, ?, ?)", [.integer(projectID), .integer(userID), .text(addedAt), .text(actor.name)])
                let membership = Membership(projectID: projectID, userID: userID, addedAt: addedAt, addedBy: actor.name)
                return (membership, AuditEvent(action: "project.member.add", objectType: "membership", objectID: "\(projectID)/\(userID)", objectHash: Self.stateHash(membership.canonicalState), payload: ["user": try user.text("name")]))
            }
        } catch {
            throw Self.translate(error, duplicate: "membership of user \(userID) in project \(projectID)")
        }
    }

    public func members(projectID: Int64) async throws -> [Membership] {
        try await database.query("SELECT * FROM memberships WHERE project_id = ? ORDER BY user_id", [.integer(projectID)]).map(Membership.init(row:))
    }

    public func isMember(userID: Int64, projectID: Int64) async throws -> Bool {
        try await database.query("SELECT 1 AS one FROM memberships WHERE project_id = ? AND user_id = ?", [.integer(projectID), .integer(userID)]).first != nil
    }
}

extension Project {
    init(row: SQLRow) throws {
        self.init(id: try row.int("id"), name: try row.text("name"), createdAt: try row.text("created_at"), createdBy: try row.text("created_by"))
    }
}

extension Membership {
    init(row: SQLRow) throws {
        self.init(projectID: try row.int("project_id"), userID: try row.int("user_id"), addedAt: try row.text("added_at"), addedBy: try row.text("added_by"))
    }
}
