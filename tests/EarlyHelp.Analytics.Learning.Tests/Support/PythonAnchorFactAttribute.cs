using System.Diagnostics;

namespace EarlyHelp.Analytics.Learning.Tests.Support;

/// <summary>
/// A fact that runs the shared anchor script (<c>bench/gbdt_anchor.py</c>) with Debian's Python and NumPy;
/// where either is missing the test is reported as skipped with the reason (.ci/run installs python3-numpy).
/// </summary>
public sealed class PythonAnchorFactAttribute : FactAttribute
{
    /// <summary>Debian's Python, the one the anchor script is written for.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>The anchor script, relative to the shared folder.</summary>
    public const string Script = "bench/gbdt_anchor.py";

    /// <summary>Marks the test skipped when the script, Python or NumPy is absent.</summary>
    public PythonAnchorFactAttribute()
    {
        var shared = SharedFolder.Locate(out var reason);
        if (shared is null)
            Skip = reason;
        else if (!File.Exists(Path.Combine(shared, Script)))
            Skip = $"the anchor script '{Path.Combine(shared, Script)}' is absent";
        else if (!File.Exists(Python))
            Skip = $"{Python} is absent";
        else if (!CanImportNumpy())
            Skip = $"{Python} cannot import numpy (apt-get install python3-numpy)";
    }

    /// <summary>The anchor script's full path; only called by a test this attribute did not skip.</summary>
    public static string ScriptPath() => Path.Combine(SharedFolder.Locate(out _)!, Script);

    private static bool CanImportNumpy()
    {
        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import numpy"]) { RedirectStandardError = true })!;
        check.WaitForExit();
        return check.ExitCode == 0;
    }
}
