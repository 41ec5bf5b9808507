import ArgumentParser
import Foundation
import ZonalStore

/// `zonal users set-password NAME`: an operator's reset; the user's sessions end and their API tokens are revoked.
struct UsersSetPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-password",
        abstract: "Set a user's password: their sessions end, their API tokens are revoked and a lockout is cleared (audited).",
        discussion: """
        Examples:
          zonal users set-password ada                               (asks for the new password twice)
          printf '%s\\n' "$PASSWORD" | zonal users set-password ci --password-stdin
        Passwords need at least \(PasswordHasher.minimumLength) characters, as for `zonal users add`.
        """)

    @Argument(help: ArgumentHelp("The user's sign-in name.", valueName: "name"))
    var name: String

    @OptionGroup var password: PasswordInput

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let hash = try password.hash()
        try await StoredUser.change(name, in: store, done: "set the password of") { store, user in
            try await store.setPassword(userID: user.id, passwordHash: hash, by: HostOperator.actor)
        }
    }
}
