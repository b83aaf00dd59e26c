using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Benchmarks;

/// <summary>
/// The panel app under load: seeds a hub with a run of full prompts, starts <c>earlyhelp serve</c> in its own
/// process, signs in as a panel member, and drives the prompt queue and the top prompt's page with wrk
/// (several threads, 32 connections, 30 s by default) after an unmeasured warm-up run of the same length,
/// repeating each and reporting the median requests per second and latency percentiles. Every request is a real view:
/// it is authenticated, reads the hub, and writes its audit entry before the page is sent. The reviews scenario
/// instead has reviewers post reviews while scoring runs are saved to the same hub (<see cref="ReviewLoad"/>).
/// </summary>
internal static class PanelBenchmark
{
    private const string Username = "bench.panel";
    private const string Password = "a long benchmark passphrase";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            error.WriteLine(BenchmarkOptions.Usage);
            return 2;
        }

        if (options.SeedOnly is { } seedOnly)
        {
            var top = Seed(seedOnly, options.Prompts, options.Prompts + 10)[0];
            output.WriteLine($"Seeded {seedOnly}: {options.Prompts} prompts, top prompt {top}; sign in as {Username} with the password \"{Password}\".");
            return 0;
        }
        var folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-panel-benchmark-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            using var hub = options.Postgres is { } postgres ? BenchmarkHub.Postgres(postgres, folder) : BenchmarkHub.Sqlite(folder);
            var hubPath = hub.Location;
            // Reviewers each need a prompt of their own, and every scoring run the reviews scenario saves needs its families.
            var prompts = options.Scenario == "reviews" ? Math.Max(options.Prompts, options.Connections) : options.Prompts;
            var references = options.Hub is { } real ? [UseRealRun(real, hubPath)] : Seed(hubPath, prompts, Math.Max(prompts, options.ScoringPrompts) + 10);
            var port = FreePort();
            var url = $"http://127.0.0.1:{port}";
            using var server = StartServer(options.Earlyhelp, hubPath, url);
            try
            {
                var cookie = SignIn(url).GetAwaiter().GetResult();
                if (options.Scenario == "reviews")
                    MeasureReviews(options, url, cookie, hub, references, output);
                else
                    MeasureViews(options, url, cookie, hub.Store, references[0], output);
                using var store = HubStore.Open(hubPath);
                var verification = store.AuditLog.Verify();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Audit trail after the runs: {verification.Entries} entries and {verification.Reviews} review records, both chains {(verification.IsIntact ? "intact" : "BROKEN: " + verification.Problem)}."));
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit();
            }
            // The check a council would run, by the command line, once nothing writes to the hub any more.
            return VerifyAuditLog(options.Earlyhelp, hubPath, output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>wrk on the queue and on one prompt's page, each after an unmeasured run.</summary>
    private static void MeasureViews(BenchmarkOptions options, string url, string cookie, string store, string reference, TextWriter output)
    {
        output.WriteLine($"{(options.Hub is null ? store + " hub" : "A copy of " + options.Hub)}: {(options.Hub is null ? $"{options.Prompts} seeded prompts" : "its latest scoring run")}; server {url}; wrk -t{options.Threads} -c{options.Connections} -d{options.Seconds}s --latency, {options.Repeats} runs each.");
        foreach (var (name, path) in new[] { ("prompt queue", "/prompts"), ("prompt page", $"/prompts/{reference}") })
        {
            // An unmeasured run first: throughput was seen to climb for about 30 s after start-up while the JIT
            // recompiles hot code with profile data, and the measured runs are of the steady state.
            Wrk.Run(options, url + path, cookie);
            var runs = Enumerable.Range(0, options.Repeats).Select(_ => Wrk.Run(options, url + path, cookie)).ToArray();
            foreach (var run in runs)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {run}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: median of {runs.Length}: {Median(runs.Select(r => r.RequestsPerSecond)):F0} requests/s, p50 {Median(runs.Select(r => r.P50Milliseconds)):F2} ms, p99 {Median(runs.Select(r => r.P99Milliseconds)):F2} ms"));
        }
    }

    /// <summary>
    /// Reviewers posting while scoring runs are saved: an unmeasured run first (for the JIT, as with wrk), then the
    /// measured ones, each with its own scoring writer; the medians of the runs' percentiles are reported.
    /// </summary>
    private static void MeasureReviews(BenchmarkOptions options, string url, string cookie, BenchmarkHub hub, IReadOnlyList<string> references, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{hub.Store} hub: {references.Count} seeded prompts; server {url}; {options.Connections} reviewers for {options.Seconds} s while scoring runs of {options.ScoringPrompts} prompts are saved {options.ScoringPauseMilliseconds} ms apart; each reviewer thinks {(options.ExponentialThinking ? "a random time averaging " : "")}{options.ThinkMilliseconds} ms before posting; {options.Repeats} runs after one unmeasured."));
        ReviewRun Once()
        {
            var before = hub.ReviewRecords();
            var writer = ScoringWriter.Start(hub.Location, options.ScoringPrompts, TimeSpan.FromMilliseconds(options.ScoringPauseMilliseconds));
            var run = ReviewLoad.RunAsync(url, cookie, references, options.Connections, TimeSpan.FromSeconds(options.Seconds), TimeSpan.FromMilliseconds(options.ThinkMilliseconds), options.ExponentialThinking).GetAwaiter().GetResult();
            return run with { ScoringSaves = writer.Stop(), Lost = run.Recorded - (hub.ReviewRecords() - before) };
        }
        var unmeasured = Once();
        var runs = Enumerable.Range(0, options.Repeats).Select(_ => Once()).ToArray();
        foreach (var run in runs)
            output.WriteLine($"  {run}");
        var all = runs.Prepend(unmeasured).ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"All {all.Length} runs (the unmeasured one too): {all.Sum(r => r.Recorded)} reviews recorded, {all.Sum(r => r.Lost)} lost, {all.Sum(r => r.Errors)} errors."));
        foreach (var (name, summaries) in new[] { ("review posts", runs.Select(r => r.Posts)), ("prompt views", runs.Select(r => r.Views)), ("scoring run saves", runs.Select(r => r.ScoringSaves)) })
        {
            var each = summaries.ToArray();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: median of {each.Length}: {Median(each.Select(r => (double)r.Count)):F0} per run, p50 {Median(each.Select(r => r.P50Milliseconds)):F1} ms, p99 {Median(each.Select(r => r.P99Milliseconds)):F1} ms, max {Median(each.Select(r => r.MaxMilliseconds)):F1} ms"));
        }
    }

    /// <summary>Seeds a hub with <paramref name="families"/> families and a run of <paramref name="prompts"/> prompts, and returns the prompts' references in queue order.</summary>
    private static IReadOnlyList<string> Seed(string hubPath, int prompts, int families)
    {
        using var store = HubStore.Open(hubPath);
        SampleRun.LoadFamilies(store, families);
        var run = store.Prompts.SaveRun(SampleRun.Submission(prompts, capacity: prompts));
        store.Users.Add(new NewUser(Username, "Benchmark panel member", UserRole.Panel), Password, "benchmark");
        return store.Prompts.Queue(run.Id, new()).Select(prompt => prompt.Reference.Value).ToArray();
    }

    /// <summary>Copies a hub with a real scoring run, adds the benchmark user to the copy, and returns the latest run's top prompt.</summary>
    private static string UseRealRun(string hub, string copy)
    {
        File.Copy(hub, copy);
        // The copy's trail is keyed with the original's key: beside it, unless EARLYHELP_AUDIT_KEY_FILE names one for both.
        if (AuditKey.FileFor(hub) != AuditKey.FileFor(copy))
            File.Copy(AuditKey.FileFor(hub), AuditKey.FileFor(copy));
        using var store = HubStore.Open(copy);
        var run = store.Prompts.LatestRun() ?? throw new InvalidOperationException($"The hub {hub} holds no scoring run; run 'earlyhelp score' or 'earlyhelp demo' first.");
        store.Users.Add(new NewUser(Username, "Benchmark panel member", UserRole.Panel), Password, "benchmark");
        return store.Prompts.Queue(run.Id, new()).First().Reference.Value;
    }

    /// <summary>Runs <c>earlyhelp audit-log verify</c> on the hub, prints its exit code and report, and returns its exit code.</summary>
    private static int VerifyAuditLog(string earlyhelp, string hubPath, TextWriter output)
    {
        var start = new ProcessStartInfo(earlyhelp) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "audit-log", "verify", "--hub", hubPath })
            start.ArgumentList.Add(argument);
        using var verify = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {earlyhelp}.");
        var errors = verify.StandardError.ReadToEndAsync();
        var report = verify.StandardOutput.ReadToEnd().Trim();
        verify.WaitForExit();
        output.WriteLine($"earlyhelp audit-log verify: exit {verify.ExitCode}{(verify.ExitCode == 0 ? " (passed)" : " (FAILED)")}: {report} {errors.GetAwaiter().GetResult().Trim()}".TrimEnd());
        return verify.ExitCode;
    }

    private static Process StartServer(string earlyhelp, string hubPath, string url)
    {
        var start = new ProcessStartInfo(earlyhelp) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "serve", "--hub", hubPath, "--urls", url, "--insecure-http" })
            start.ArgumentList.Add(argument);
        var server = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {earlyhelp}.");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        using var probe = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if (probe.GetAsync(url + "/sign-in").GetAwaiter().GetResult().IsSuccessStatusCode)
                    return server;
            }
            catch (HttpRequestException)
            {
                Thread.Sleep(100);
            }
        }
        server.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"The server at {url} did not answer within 30 s.");
    }

    /// <summary>Signs in through the form and returns the Cookie header a signed-in browser would send.</summary>
    private static async Task<string> SignIn(string url)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        var form = await client.GetStringAsync("/sign-in");
        var token = HtmlForm.Value(form, "__RequestVerificationToken");
        using var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(
            [KeyValuePair.Create("Username", Username), KeyValuePair.Create("Password", Password), KeyValuePair.Create("__RequestVerificationToken", token)]));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in gave {(int)response.StatusCode}.");
        return cookies.GetCookieHeader(new Uri(url));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
