import ArgumentParser
import Foundation
import ZonalStore

/// `zonal users`: manage the people who sign in to `zonal serve`.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add, disable and enable users of the team store and set their passwords (there is no default account).",
        subcommands: [UsersAddCommand.self, UsersDisableCommand.self, UsersEnableCommand.self, UsersSetPasswordCommand.self]
    )
}

/// `zonal users add NAME --role ROLE`: create a user; the password is prompted for, or read from standard input.
struct UsersAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Create a user with a role; bootstraps the first admin.",
        discussion: """
        Examples:
          zonal users add ada --role admin                      (asks for the password twice)
          printf '%s\\n' "$PASSWORD" | zonal users add ci --role viewer --password-stdin
        Roles: viewer, engineer, assessor, approver, auditor, admin. Passwords need at least \(PasswordHasher.minimumLength) characters.
        """)

    @Argument(help: ArgumentHelp("The sign-in name (letters, digits, '.', '-', '_').", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("The user's role.", valueName: "role"))
    var role: Role

    @OptionGroup var password: PasswordInput

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let hash = try password.hash()
        let opened = try await store.openStore()
        do {
            let user = try await opened.createUser(name: name, role: role, passwordHash: hash, by: HostOperator.actor)
            try CommandOutput(path: nil).write("created user \(user.name) with role \(user.role.rawValue)\n")
        } catch let error as StoreError {
            Diagnostics.error(error.description)
            throw ExitStatus.invalidInput
        }
        try? await opened.database.close()
    }
}

/// `--password-stdin`, shared by the commands that set a password.
struct PasswordInput: ParsableArguments {
    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input instead of prompting.")
    var passwordStdin = false

    /// The new password, prompted for (or read from standard input), hashed under the one policy every way of setting a
    /// password enforces.
    func hash() throws -> String {
        let password = try PasswordPrompt.read(fromStandardInput: passwordStdin || isatty(STDIN_FILENO) == 0)
        do {
            return try PasswordHasher.interactive.hash(password)
        } catch let error as PasswordError {
            Diagnostics.error(error.description)
            throw ExitStatus.invalidInput
        }
    }
}

/// Reads a password without echoing it, or from standard input for scripts.
enum PasswordPrompt {
    static func read(fromStandardInput: Bool) throws -> String {
        if fromStandardInput {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                Diagnostics.error("no password on standard input")
                throw ExitStatus.invalidInput
            }
            return line
        }
        let first = try prompt("Password: ")
        let second = try prompt("Repeat password: ")
        guard first == second else {
            Diagnostics.error("the passwords do not match; nothing was changed")
            throw ExitStatus.invalidInput
        }
        return first
    }

    /// One line from the terminal with echo switched off (and restored even on error).
    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else {
            Diagnostics.error("no password given")
            throw ExitStatus.invalidInput
        }
        return line
    }
}
