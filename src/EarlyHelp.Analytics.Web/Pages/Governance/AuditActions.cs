namespace EarlyHelp.Analytics.Web.Pages.Governance;

/// <summary>
/// The audit log's actions in words. A choice is a code prefix, as the filter matches (<c>sign_in</c> covers
/// <c>sign_in.failure</c>); an action with no name of its own shows its code.
/// </summary>
public static class AuditActions
{
    /// <summary>The filter's choices, in the order IG reaches for them.</summary>
    public static IReadOnlyList<(string Code, string Name)> Choices { get; } =
    [
        ("prompt.view", "Prompt viewed"),
        ("queue.view", "Prompt queue viewed"),
        ("prompt.reidentify", "Family's names seen (re-identification)"),
        ("prompt.pack", "Information pack viewed"),
        ("review", "Review recorded or amended"),
        ("prompt.next_step", "What happened next recorded"),
        ("prompt.hide", "Prompt hidden after an opt-out"),
        ("sign_in", "Sign-in, successful or failed"),
        ("sign_out", "Sign-out"),
        ("user", "Account changed"),
        ("opt_out", "Opt-out added or withdrawn"),
        ("model", "Model registered, proposed, signed off or refused"),
        ("scoring_run", "Scoring run saved"),
        ("audit_log", "Audit log viewed or exported"),
        ("clerical", "Clerical review"),
        ("person.find", "Person search"),
        ("subject_access", "Subject access export"),
        ("retention", "Retention applied"),
        ("hub", "Hub backed up or restored"),
        ("command_line", "Command-line action"),
    ];

    private static readonly Dictionary<string, string> Exact = new(StringComparer.Ordinal)
    {
        ["sign_in.success"] = "Signed in",
        ["sign_in.failure"] = "Failed sign-in",
        ["sign_in.second_factor"] = "Second factor checked",
        ["review.add"] = "Review recorded",
        ["review.amend"] = "Review amended",
        ["model.register"] = "Model registered",
        ["model.propose"] = "Model proposed for promotion",
        ["model.propose_refused"] = "Model proposal refused by its checks",
        ["model.promote"] = "Model signed off: now the champion",
        ["model.refuse"] = "Model proposal refused",
        ["opt_out.add"] = "Opt-out added",
        ["opt_out.withdraw"] = "Opt-out withdrawn",
        ["audit_log.export"] = "Audit log exported",
        ["audit_log.view"] = "Audit log viewed",
        ["audit_log.spot_check"] = "Audit spot-check viewed",
        ["programme.view"] = "Programme view seen",
        ["opt_outs.view"] = "Opt-out register viewed",
        ["users.view"] = "Accounts listed",
        ["features.export"] = "Feature table exported (command line)",
        ["audit.chain_start"] = "Start of the keyed audit chain signed",
        ["audit.chain_start_unproven"] = "Start of the keyed audit chain could not be signed",
    };

    /// <summary>An action code in words: its own name, else its choice's, else the code.</summary>
    public static string Name(string code) =>
        Exact.TryGetValue(code, out var exact) ? exact
        : Choices.FirstOrDefault(c => code == c.Code || code.StartsWith(c.Code + ".", StringComparison.Ordinal)) is { Name: { } name } ? name
        : code;
}
