import ArgumentParser
import ZonalStore

/// `zonal users disable NAME`: end the user's sessions and refuse their sign-ins and API tokens until enabled again.
struct UsersDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Disable a user: sessions end at once, sign-in and API tokens are refused (audited).",
        discussion: "The last enabled admin cannot be disabled. `zonal users enable NAME` undoes it; tokens that were not revoked work again.")

    @Argument(help: ArgumentHelp("The user's sign-in name.", valueName: "name"))
    var name: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await StoredUser.change(name, in: store, done: "disabled") { store, user in try await store.setDisabled(userID: user.id, true, by: HostOperator.actor) }
    }
}

/// `zonal users enable NAME`: let a disabled user sign in again.
struct UsersEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled user again (audited).")

    @Argument(help: ArgumentHelp("The user's sign-in name.", valueName: "name"))
    var name: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await StoredUser.change(name, in: store, done: "enabled") { store, user in try await store.setDisabled(userID: user.id, false, by: HostOperator.actor) }
    }
}

/// A change to an existing user by name, with the store's refusals turned into messages and exit codes in one place.
enum StoredUser {
    static func change(_ name: String, in options: StoreOptions, done: String, _ body: (SQLZonalStore, User) async throws -> User) async throws {
        let opened = try await options.openStore()
        do {
            guard let user = try await opened.user(named: name) else { throw StoreError.notFound("user '\(name)'") }
            let changed = try await body(opened, user)
            try CommandOutput(path: nil).write("\(done) user \(changed.name)\n")
        } catch let error as StoreError {
            try? await opened.database.close()
            Diagnostics.error(error.description)
            throw ExitStatus.invalidInput
        }
        try? await opened.database.close()
    }
}
