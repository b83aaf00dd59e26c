using System.CommandLine;
using EarlyHelp.Analytics.Cli.AuditLog;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Pipelines.Promotion;
using EarlyHelp.Analytics.Web;

namespace EarlyHelp.Analytics.Cli.Serve;

/// <summary><c>earlyhelp serve --hub HUB --urls URLS [--insecure-http]</c>: runs the panel app until stopped.</summary>
internal static class ServeCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var hub = HubOption.Create();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, e.g. http://127.0.0.1:5080 (several separated by ';'). Default http://127.0.0.1:5080. " +
                "For HTTPS, put a TLS proxy in front or configure Kestrel certificates, and set Panel__RequireHttps=true.",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
            HelpName = "URLS",
        };
        var insecureHttp = new Option<bool>("--insecure-http")
        {
            Description = "Let cookies travel over plain HTTP, for trying the app on this machine only. Without it cookies are " +
                "marked Secure and a browser sends them only over HTTPS (most also to http://localhost).",
        };
        var command = new Command("serve",
            "Run the panel app: the prompt queue and prompt pages for panel members, runs for analysts, the audit log and " +
            "review statistics for IG, users and the opt-out register for administrators. Settings beyond these options come " +
            "from appsettings.json in the working folder and Panel__* environment variables (see docs/panel.md). Stop with Ctrl+C.");
        command.Options.Add(hub);
        command.Options.Add(urls);
        command.Options.Add(insecureHttp);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var hubPath = parseResult.GetValue(hub)!;
            int users;
            using (var store = ExistingHub.Open(hubPath, parseResult))
            {
                users = store.Users.List().Count;
                AuditCheckpoints.Write(store);
            }
            var settings = new Dictionary<string, string?> { ["Panel:HubPath"] = hubPath, ["Panel:AuditKeyFile"] = AuditKeyOption.Value(parseResult) };
            if (parseResult.GetValue(insecureHttp))
                settings["Panel:AllowInsecureHttp"] = "true";
            using var app = PanelApp.Create([], settings, new ProposalChecks());
            foreach (var url in parseResult.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                app.Urls.Add(url);
            output.WriteLine($"Serving the panel app for {hubPath} on {string.Join(", ", app.Urls)}. Stop with Ctrl+C.");
            if (users == 0)
                output.WriteLine("There are no users yet: add one with 'earlyhelp users add --role admin ...' or the Panel__SeedUsers setting.");
            app.Run();
            return ExitCodes.Success;
        });
        return command;
    }
}
