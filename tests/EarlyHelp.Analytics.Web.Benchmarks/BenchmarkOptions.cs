using System.Globalization;

namespace EarlyHelp.Analytics.Web.Benchmarks;

/// <summary>The benchmark's options, each with its default.</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage =
        "usage: EarlyHelp.Analytics.Web.Benchmarks (--earlyhelp PATH | --seed-only HUB) [--hub HUB | --postgres CONNECTION] [--prompts 50] [--threads 2] [--connections 32] [--seconds 30] [--repeats 3] [--scenario views|reviews] [--scoring-prompts 500] [--scoring-pause-ms 250] [--think-ms 0] [--think fixed|exponential]";

    /// <summary>The built earlyhelp command (Release), e.g. src/EarlyHelp.Analytics.Cli/bin/Release/net10.0/earlyhelp.</summary>
    public string Earlyhelp { get; init; } = "";

    /// <summary>When set, only seed a hub at this path (with the benchmark user) and stop, for running wrk by hand.</summary>
    public string? SeedOnly { get; init; }

    /// <summary>
    /// A hub holding a real scoring run (e.g. the demo's) to serve instead of a seeded one: it is copied, the benchmark
    /// user is added to the copy, and the latest run's top prompt is the page measured. Default: none (seed a hand-made run).
    /// </summary>
    public string? Hub { get; init; }

    /// <summary>
    /// A PostgreSQL server (a role that may create schemas) to seed the hub on, in a new schema dropped at the end,
    /// instead of a new SQLite file. Default: none (SQLite).
    /// </summary>
    public string? Postgres { get; init; }

    /// <summary>Prompts in the seeded run. Default 50.</summary>
    public int Prompts { get; init; } = 50;

    /// <summary>wrk threads. Default 2.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Open connections. Default 32.</summary>
    public int Connections { get; init; } = 32;

    /// <summary>Seconds per run. Default 30.</summary>
    public int Seconds { get; init; } = 30;

    /// <summary>Runs per page; the median is reported. Default 3.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>
    /// <c>views</c>: wrk drives the queue and a prompt page (reads and audited views). <c>reviews</c>: as many
    /// reviewers as connections post reviews while a scoring run writes to the same hub. Default views.
    /// </summary>
    public string Scenario { get; init; } = "views";

    /// <summary>Prompts in each scoring run the reviews scenario saves alongside the reviewers. Default 500.</summary>
    public int ScoringPrompts { get; init; } = 500;

    /// <summary>Milliseconds between the scoring runs the reviews scenario saves. Default 250.</summary>
    public int ScoringPauseMilliseconds { get; init; } = 250;

    /// <summary>
    /// Milliseconds each reviewer of the reviews scenario spends on the page before posting again. Default 0: every
    /// reviewer posts as soon as the last answer arrives, which saturates the server, so latency is the reviewers'
    /// number divided by the throughput (Little's law) rather than what a person waits.
    /// </summary>
    public int ThinkMilliseconds { get; init; }

    /// <summary>
    /// Whether every pause is exactly <see cref="ThinkMilliseconds"/> (default; the reviewers then post in step, in bursts)
    /// or drawn from an exponential distribution with that mean and capped at ten times it, as TPC-C draws its think
    /// times, so that reviewers post independently of one another.
    /// </summary>
    public bool ExponentialThinking { get; init; }

    /// <summary>Reads the options from the command line; <see cref="ArgumentException"/> names the first bad one.</summary>
    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"Expected '--name value' pairs; got '{args[i]}'.");
            values[args[i][2..]] = args[i + 1];
        }
        int Number(string name, int fallback, int minimum)
        {
            if (!values.TryGetValue(name, out var text))
                return fallback;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
                throw new ArgumentException($"The '--{name}' option must be a whole number of at least {minimum}. Got '{text}' instead.");
            return value;
        }
        var seedOnly = values.GetValueOrDefault("seed-only");
        var earlyhelp = values.GetValueOrDefault("earlyhelp") ?? seedOnly ?? throw new ArgumentException("The '--earlyhelp' option is required.");
        if (seedOnly is null && !File.Exists(earlyhelp))
            throw new ArgumentException($"The '--earlyhelp' option must name the built command. Got '{earlyhelp}', which does not exist.");
        var scenario = values.GetValueOrDefault("scenario") ?? "views";
        if (scenario is not ("views" or "reviews"))
            throw new ArgumentException($"The '--scenario' option must be 'views' or 'reviews'. Got '{scenario}' instead.");
        if (scenario == "reviews" && values.ContainsKey("hub"))
            throw new ArgumentException("The reviews scenario seeds its own hub; it cannot be combined with '--hub'.");
        var think = values.GetValueOrDefault("think") ?? "fixed";
        if (think is not ("fixed" or "exponential"))
            throw new ArgumentException($"The '--think' option must be 'fixed' or 'exponential'. Got '{think}' instead.");
        if (values.ContainsKey("postgres") && values.ContainsKey("hub"))
            throw new ArgumentException("The '--postgres' option seeds a new hub on the server; it cannot be combined with '--hub'.");
        return new BenchmarkOptions
        {
            Earlyhelp = seedOnly is null ? Path.GetFullPath(earlyhelp) : "",
            SeedOnly = seedOnly,
            Hub = values.TryGetValue("hub", out var hub) ? File.Exists(hub) ? Path.GetFullPath(hub) : throw new ArgumentException($"The '--hub' option must name an existing hub. Got '{hub}' instead.") : null,
            Postgres = values.GetValueOrDefault("postgres"),
            Prompts = Number("prompts", 50, 1),
            Threads = Number("threads", 2, 1),
            Connections = Number("connections", 32, 1),
            Seconds = Number("seconds", 30, 1),
            Repeats = Number("repeats", 3, 1),
            Scenario = scenario,
            ScoringPrompts = Number("scoring-prompts", 500, 1),
            ScoringPauseMilliseconds = Number("scoring-pause-ms", 250, 0),
            ThinkMilliseconds = Number("think-ms", 0, 0),
            ExponentialThinking = think == "exponential",
        };
    }
}
