using System.Globalization;
using System.Security.Cryptography;
using EarlyHelp.Analytics.Cli.Score;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Pipelines.Promotion;
using EarlyHelp.Analytics.Pipelines.Scoring;
using EarlyHelp.Analytics.Web;
using Microsoft.Extensions.Hosting;

namespace EarlyHelp.Analytics.Cli.Demo;

/// <summary>A demo account: its name, role and generated password.</summary>
/// <param name="Username">Sign-in name.</param>
/// <param name="Role">Its role.</param>
/// <param name="Password">The generated password.</param>
internal sealed record DemoAccount(string Username, UserRole Role, string Password);

/// <summary>
/// The end of the demo: a scoring run with the demo's model, one account per role with a generated password, and the
/// panel app on loopback. The accounts are created in the demo's own hub only, and their passwords are printed, which
/// is right for a throw-away synthetic hub and wrong anywhere else.
/// </summary>
internal static class DemoPanel
{
    /// <summary>Prompts in the demo's scoring run: a panel's month.</summary>
    public const int Capacity = 25;

    /// <summary>Where the demo serves the panel app: loopback, a port the system picks.</summary>
    public const string Address = "http://127.0.0.1:0";

    /// <summary>
    /// Scores the hub at the day after its extract date, as the training did. The champion is used when the demo's
    /// model was promoted; otherwise the demo runs its model as a trial, which every page marks, and says so.
    /// </summary>
    public static void Score(DemoRun run, IProgress<WorkProgress> progress)
    {
        using var store = HubStore.Open(run.Hub);
        var promoted = run.Promotion is PromotionOutcome.Promoted;
        var request = new ScoringRequest { Actor = "demo", ModelFolder = promoted ? null : run.ModelFolder, Trial = !promoted };
        var options = new ScoringOptions { AsOf = store.ExtractDate!.Value.AddDays(1), Capacity = Capacity };
        if (!promoted)
            run.Output.WriteLine($"{DemoRun.ModelName} was not promoted, so the demo scores with it as a trial, marked on every page; a real run uses the champion.");
        run.Scored = ScoringPipeline.Run(store, request, options, progress);
        ScoringSummary.Write(run.Output, run.Scored);
    }

    /// <summary>Adds one account per role to the demo hub and, unless serving is off, starts the panel app on loopback.</summary>
    public static void Open(DemoRun run, IProgress<WorkProgress> progress)
    {
        using (var store = HubStore.Open(run.Hub))
        {
            // The analyst and IG accounts may be there already: the promotion stage made them to propose and sign off with.
            foreach (var role in UserRoles.All.Where(role => run.Accounts.All(account => account.Role != role)))
            {
                AddAccount(run, store, role);
                progress.Report(new WorkProgress("Creating demo accounts", run.Accounts.Count, UserRoles.All.Count));
            }
        }
        if (!run.Serve)
            return;
        var app = PanelApp.Create([], new Dictionary<string, string?>
        {
            ["Panel:HubPath"] = run.Hub,
            // Loopback only, and a throw-away synthetic hub: plain HTTP cookies, and no authenticator app needed to look round.
            ["Panel:AllowInsecureHttp"] = "true",
            ["Panel:TwoFactorRoles"] = "",
            // The demo prints the address and how to stop; the host's own start-up lines would repeat them.
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        }, new ProposalChecks());
        app.Urls.Add(Address);
        app.StartAsync(run.Cancellation).GetAwaiter().GetResult();
        run.Panel = app;
        run.Output.WriteLine($"The panel app is serving at {app.Urls.First()}.");
    }

    /// <summary>Adds the demo account of <paramref name="role"/>, with a generated password, to the demo hub and to <paramref name="run"/>.</summary>
    public static DemoAccount AddAccount(DemoRun run, IHubStore store, UserRole role)
    {
        var account = new DemoAccount($"demo.{role.Code()}", role, NewPassword());
        if (store.Users.Add(new NewUser(account.Username, $"Demo {role.PlainName().ToLowerInvariant()}", role), account.Password, "demo") is UserChange.Refused refused)
            throw new InvalidOperationException($"The demo account {account.Username} was refused: {string.Join(" ", refused.Problems)}");
        run.Accounts.Add(account);
        return account;
    }

    /// <summary>
    /// The demo's last words: the accounts in a box, then, when the app is serving, where to sign in and serving until
    /// Ctrl+C (then it stops the app); else how to serve the hub later.
    /// </summary>
    public static void Finish(DemoRun run)
    {
        var address = run.Panel?.Urls.First();
        var heading = address is null
            ? "Demo accounts (this hub's only):"
            : $"Sign in at {address} with a demo account (this hub's only):";
        WriteBox(run.Output, [heading, .. AccountLines(run)]);
        if (run.Panel is not { } app)
        {
            run.Output.WriteLine("Not serving (--no-serve). To open the panel app:");
            run.Output.WriteLine($"  earlyhelp serve --hub {run.Hub}");
            return;
        }
        run.Output.WriteLine("Stop with Ctrl+C.");
        // The host ends the wait on Ctrl+C or a termination signal (its console lifetime), the run's token on cancellation.
        app.WaitForShutdownAsync(run.Cancellation).GetAwaiter().GetResult();
        app.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        run.Output.WriteLine("The panel app has stopped.");
    }

    // In the roles' usual order, though the IG account was made first (to promote with).
    private static IEnumerable<string> AccountLines(DemoRun run) =>
        run.Accounts.OrderBy(account => UserRoles.All.ToList().IndexOf(account.Role))
            .Select(account => string.Create(CultureInfo.InvariantCulture, $"  {account.Role.PlainName(),-32}  {account.Username,-14}  {account.Password}"));

    private static void WriteBox(TextWriter output, IReadOnlyList<string> lines)
    {
        var width = lines.Max(line => line.Length);
        var rule = "+" + new string('-', width + 2) + "+";
        output.WriteLine(rule);
        foreach (var line in lines)
            output.WriteLine($"| {line.PadRight(width)} |");
        output.WriteLine(rule);
    }

    /// <summary>20 characters of Crockford's base 32 in four groups (100 random bits), e.g. <c>k7m2q-9xd4t-fah8w-z3n6p</c>.</summary>
    private static string NewPassword()
    {
        const string alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        var groups = Enumerable.Range(0, 4).Select(_ => new string(Enumerable.Range(0, 5).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray()));
        return string.Join('-', groups);
    }
}
