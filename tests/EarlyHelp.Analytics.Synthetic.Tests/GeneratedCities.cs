using System.Collections.Concurrent;

namespace EarlyHelp.Analytics.Synthetic.Tests;

/// <summary>
/// Cities generated once per test run and shared by the tests that read them, each in its own
/// temporary folder (removed when the run ends), so that the suite stays fast.
/// </summary>
public static class GeneratedCities
{
    private const string Prefix = "earlyhelp-synthetic-tests-";
    private static readonly string Root = Path.Combine(Path.GetTempPath(), Prefix + Environment.ProcessId);
    private static readonly ConcurrentDictionary<string, Lazy<GenerationResult>> Cities = new();

    static GeneratedCities()
    {
        // A test host may be stopped before it can tidy up: remove what earlier runs left behind.
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(stale)[Prefix.Length..], out var process) && !IsRunning(process))
                Directory.Delete(stale, recursive: true);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (Directory.Exists(Root))
                Directory.Delete(Root, recursive: true);
        };
    }

    private static bool IsRunning(int process)
    {
        try
        {
            using var running = System.Diagnostics.Process.GetProcessById(process);
            return !running.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A small city most tests read: 12,000 people, 36 months of history.</summary>
    public static GenerationResult Small => Get("small", new CityOptions { People = 12_000, Months = 36, Seed = 11 });

    /// <summary>The city under <paramref name="name"/>, generating it on first use.</summary>
    public static GenerationResult Get(string name, CityOptions options) =>
        Cities.GetOrAdd(name, _ => new Lazy<GenerationResult>(() => Generate(name, options))).Value;

    /// <summary>A new, empty folder for a test's own output.</summary>
    public static string NewFolder(string name)
    {
        var folder = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static GenerationResult Generate(string name, CityOptions options)
    {
        var folder = Path.Combine(Root, name);
        return CityGenerator.Generate(options, Path.Combine(folder, "extract"), Path.Combine(folder, "truth"));
    }
}
