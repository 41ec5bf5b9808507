import GRDB

/// The SQLite schema, as named migrations applied in order at start. A shipped migration is never edited: a change is a
/// new migration appended here (and its PostgreSQL twin in `PostgresMigrations`).
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("001-core") { db in
            try db.execute(sql: """
                CREATE TABLE store_identity (id INTEGER PRIMARY KEY CHECK (id = 1), log_id TEXT NOT NULL);
                CREATE TABLE users (
                    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, password_hash TEXT NOT NULL,
                    created_at TEXT NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0, locked_until TEXT);
                CREATE TABLE projects (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, created_by TEXT NOT NULL);
                CREATE TABLE memberships (
                    project_id INTEGER NOT NULL REFERENCES projects(id), user_id INTEGER NOT NULL REFERENCES users(id),
                    added_at TEXT NOT NULL, added_by TEXT NOT NULL, PRIMARY KEY (project_id, user_id));
                CREATE TABLE model_versions (
                    id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects(id), model_name TEXT NOT NULL,
                    number INTEGER NOT NULL, author TEXT NOT NULL, created_at TEXT NOT NULL, comment TEXT NOT NULL,
                    content_hash TEXT NOT NULL, content TEXT NOT NULL, UNIQUE (project_id, model_name, number));
                CREATE TRIGGER model_versions_immutable_update BEFORE UPDATE ON model_versions
                    BEGIN SELECT RAISE(ABORT, 'model versions are immutable: save a new version'); END;
                CREATE TRIGGER model_versions_immutable_delete BEFORE DELETE ON model_versions
                    BEGIN SELECT RAISE(ABORT, 'model versions are immutable: save a new version'); END;
                CREATE TABLE approvals (
                    version_id INTEGER PRIMARY KEY REFERENCES model_versions(id), content_hash TEXT NOT NULL,
                    submitted_by TEXT NOT NULL, submitted_at TEXT NOT NULL, state TEXT NOT NULL,
                    decided_by TEXT, decided_at TEXT, comment TEXT);
                CREATE TABLE api_tokens (
                    id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), name TEXT NOT NULL,
                    scopes TEXT NOT NULL, secret_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
                """)
            try db.execute(sql: "INSERT INTO store_identity (id, log_id) VALUES (1, ?)", arguments: [StoreIdentity.newLogID()])
        }
        migrator.registerMigration("002-audit") { db in
            try db.execute(sql: """
                CREATE TABLE audit_entries (
                    seq INTEGER PRIMARY KEY, timestamp TEXT NOT NULL, actor TEXT NOT NULL, actor_role TEXT NOT NULL,
                    auth_context TEXT NOT NULL, source_address TEXT NOT NULL, action TEXT NOT NULL, object_type TEXT NOT NULL,
                    object_id TEXT NOT NULL, object_hash TEXT NOT NULL, result TEXT NOT NULL, payload TEXT NOT NULL,
                    leaf_hash BLOB NOT NULL);
                CREATE TABLE audit_checkpoints (id INTEGER PRIMARY KEY, size INTEGER NOT NULL, note TEXT NOT NULL);
                CREATE TABLE audit_keys (key_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, registered_seq INTEGER NOT NULL);
                CREATE TABLE audit_state (id INTEGER PRIMARY KEY CHECK (id = 1), size INTEGER NOT NULL, frontier BLOB NOT NULL);
                INSERT INTO audit_state (id, size, frontier) VALUES (1, 0, x'');
                """)
            try db.execute(sql: SQLiteAuditGuards.createSQL)
        }
        // Evidence files, kept in the database (not a directory beside it) so a file and its audit entry commit or roll
        // back together and one backup holds both; bytes are stored once per SHA-256.
        migrator.registerMigration("003-evidence") { db in
            try db.execute(sql: """
                CREATE TABLE evidence_contents (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, content BLOB NOT NULL);
                CREATE TABLE evidence (
                    id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES projects(id), version_id INTEGER NOT NULL REFERENCES model_versions(id),
                    target_kind TEXT NOT NULL, target_id TEXT NOT NULL, target_subject TEXT NOT NULL,
                    sha256 TEXT NOT NULL REFERENCES evidence_contents(sha256), size INTEGER NOT NULL, media_type TEXT NOT NULL,
                    original_name TEXT NOT NULL, uploaded_by TEXT NOT NULL, uploaded_at TEXT NOT NULL, comment TEXT NOT NULL);
                CREATE INDEX evidence_by_version ON evidence (version_id);
                CREATE TRIGGER evidence_immutable_update BEFORE UPDATE ON evidence
                    BEGIN SELECT RAISE(ABORT, 'evidence is immutable: upload a new file'); END;
                CREATE TRIGGER evidence_immutable_delete BEFORE DELETE ON evidence
                    BEGIN SELECT RAISE(ABORT, 'evidence is immutable: upload a new file'); END;
                CREATE TRIGGER evidence_contents_immutable_update BEFORE UPDATE ON evidence_contents
                    BEGIN SELECT RAISE(ABORT, 'evidence is immutable: upload a new file'); END;
                CREATE TRIGGER evidence_contents_immutable_delete BEFORE DELETE ON evidence_contents
                    BEGIN SELECT RAISE(ABORT, 'evidence is immutable: upload a new file'); END;
                """)
        }
        migrator.registerMigration("004-sessions") { db in
            try db.execute(sql: """
                CREATE TABLE sessions (
                    id_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), csrf_token TEXT NOT NULL,
                    created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
                CREATE INDEX sessions_by_expiry ON sessions (expires_at);
                CREATE TABLE access_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
                INSERT INTO access_epoch (id, value) VALUES (1, 0);
                """)
            for (name, event) in AccessEpochTriggers.events {
                try db.execute(sql: "CREATE TRIGGER \(name) AFTER \(event) FOR EACH ROW BEGIN UPDATE access_epoch SET value = value + 1 WHERE id = 1; END")
            }
        }
        // Accounts an admin disables: the time is kept (NULL while enabled) so the users page can say since when.
        migrator.registerMigration("005-account-state") { db in
            try db.execute(sql: "ALTER TABLE users ADD COLUMN disabled_at TEXT")
            for (name, event) in AccessEpochTriggers.accountState {
                try db.execute(sql: "CREATE TRIGGER \(name) AFTER \(event) FOR EACH ROW BEGIN UPDATE access_epoch SET value = value + 1 WHERE id = 1; END")
            }
        }
        return migrator
    }
}

/// The triggers that make the audit tables append-only for the application (AUDIT.md, "Database guards").
/// They stop bugs and accidents; a determined attacker with the file can drop them, which verification reports.
enum SQLiteAuditGuards {
    static let triggers: [(name: String, sql: String)] = [
        ("audit_entries_no_update", "CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
        ("audit_entries_no_delete", "CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
        // Any seq other than max+1 is refused; with recursive_triggers ON this also stops INSERT OR REPLACE and upserts.
        ("audit_entries_next_seq", "CREATE TRIGGER audit_entries_next_seq BEFORE INSERT ON audit_entries WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_entries) BEGIN SELECT RAISE(ABORT, 'audit seq must be the next number'); END"),
        ("audit_checkpoints_no_update", "CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END"),
        ("audit_checkpoints_no_delete", "CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END"),
        ("audit_keys_no_update", "CREATE TRIGGER audit_keys_no_update BEFORE UPDATE ON audit_keys BEGIN SELECT RAISE(ABORT, 'audit keys are append-only'); END"),
        ("audit_keys_no_delete", "CREATE TRIGGER audit_keys_no_delete BEFORE DELETE ON audit_keys BEGIN SELECT RAISE(ABORT, 'audit keys are append-only'); END"),
    ]

    static var createSQL: String { triggers.map { $0.sql + ";" }.joined(separator: "\n") }
}

/// The changes that can take access away (a role, a password, a token, a membership, a session), each bumping the
/// access epoch in the same transaction, so a server's cache of who may do what is dropped before the next request.
enum AccessEpochTriggers {
    static let events: [(name: String, event: String)] = [
        ("users_access_update", "UPDATE OF role, password_hash ON users"),
        ("users_access_delete", "DELETE ON users"),
        ("api_tokens_access_update", "UPDATE ON api_tokens"),
        ("api_tokens_access_delete", "DELETE ON api_tokens"),
        ("memberships_access_insert", "INSERT ON memberships"),
        ("memberships_access_update", "UPDATE ON memberships"),
        ("memberships_access_delete", "DELETE ON memberships"),
        ("sessions_access_update", "UPDATE ON sessions"),
        ("sessions_access_delete", "DELETE ON sessions"),
    ]

    /// Added by 005-account-state: disabling an account takes its tokens away at once.
    static let accountState: [(name: String, event: String)] = [
        ("users_access_disable", "UPDATE OF disabled_at ON users"),
    ]
}
