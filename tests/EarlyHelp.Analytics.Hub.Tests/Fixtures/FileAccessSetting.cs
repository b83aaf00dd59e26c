using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>Sets <see cref="HubFileAccess.EnvironmentVariable"/> for a test and puts it back; tests that read modes share one collection so none sees another's setting.</summary>
internal sealed class FileAccessSetting : IDisposable
{
    /// <summary>The collection of tests that depend on the setting.</summary>
    public const string Collection = "file access setting";

    private readonly string? before = Environment.GetEnvironmentVariable(HubFileAccess.EnvironmentVariable);

    private FileAccessSetting(string value) => Environment.SetEnvironmentVariable(HubFileAccess.EnvironmentVariable, value);

    /// <summary>Sets the variable to <paramref name="value"/> until disposed.</summary>
    public static FileAccessSetting Set(string value) => new(value);

    public void Dispose() => Environment.SetEnvironmentVariable(HubFileAccess.EnvironmentVariable, before);
}
