using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EarlyHelp.Analytics.Web.Benchmarks;

/// <summary>One wrk run's figures, read from its <c>--latency</c> report.</summary>
/// <param name="RequestsPerSecond">Requests per second.</param>
/// <param name="P50Milliseconds">Median latency.</param>
/// <param name="P99Milliseconds">99th percentile latency.</param>
/// <param name="Errors">Non-2xx/3xx responses and socket errors.</param>
internal sealed record WrkResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Errors)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{RequestsPerSecond:F0} requests/s, p50 {P50Milliseconds:F2} ms, p99 {P99Milliseconds:F2} ms, {Errors} errors");
}

/// <summary>Runs the wrk load generator (Debian package <c>wrk</c>).</summary>
internal static partial class Wrk
{
    public static WrkResult Run(BenchmarkOptions options, string url, string cookie)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            $"-t{options.Threads}", $"-c{options.Connections}", $"-d{options.Seconds}s", "--latency", "-H", $"Cookie: {cookie}", url,
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk; install it with 'apt-get install wrk'.");
        var report = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        if (wrk.ExitCode != 0)
            throw new InvalidOperationException($"wrk failed: {wrk.StandardError.ReadToEnd()}");
        return Parse(report);
    }

    /// <summary>Reads requests/s, the 50% and 99% latencies, and errors from a wrk report.</summary>
    public static WrkResult Parse(string report)
    {
        var rate = double.Parse(RequestsPerSecond().Match(report).Groups[1].Value, CultureInfo.InvariantCulture);
        double Percentile(string label)
        {
            var match = Regex.Match(report, $@"^\s*{label}%\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
        }
        var errors = NonSuccess().Match(report) is { Success: true } non ? long.Parse(non.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        foreach (Match socket in SocketErrors().Matches(report))
            errors += long.Parse(socket.Groups[1].Value, CultureInfo.InvariantCulture);
        return new WrkResult(rate, Percentile("50"), Percentile("99"), errors);
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) ([0-9]+)")]
    private static partial Regex SocketErrors();
}
