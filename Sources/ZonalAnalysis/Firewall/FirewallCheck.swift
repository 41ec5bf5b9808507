/// A check of one firewall's ruleset against the model: its description and one pure function from the firewall context to findings.
///
/// Adding one means adding a file under `Firewall/Checks/`, listing it in `CheckRegistry.firewall`, and adding its test.
public protocol FirewallCheck: RuleDescription {
    func evaluate(_ context: FirewallContext) -> [Finding]
}
