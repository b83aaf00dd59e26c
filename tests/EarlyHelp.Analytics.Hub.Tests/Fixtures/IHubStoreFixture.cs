using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>
/// A hub database for the store test suites: one per test, created empty. Each database the hub
/// supports has one fixture, and every suite runs against each.
/// </summary>
public interface IHubStoreFixture : IDisposable
{
    /// <summary>A scratch folder for extract folders, deleted with the fixture.</summary>
    string Scratch { get; }

    /// <summary>Opens the fixture's hub (creating it on first use), with <paramref name="clock"/> for the times it records.</summary>
    IHubStore Open(TimeProvider? clock = null);

    /// <summary>Deletes the hub, so that the next <see cref="Open"/> starts from empty.</summary>
    void Delete();

    /// <summary>Creates the hub with the schema steps up to <paramref name="version"/> only, as an older program left it.</summary>
    void CreateAtVersion(int version);

    /// <summary>Runs SQL on the hub directly, under the store (for tests that set up or tamper).</summary>
    void Execute(string sql);

    /// <summary>Runs a query on the hub directly and returns its first value.</summary>
    object? Query(string sql);

    /// <summary>Runs a query on the hub directly and returns every row's values (null for SQL NULL).</summary>
    IReadOnlyList<object?[]> QueryRows(string sql);

    /// <summary>A fingerprint of everything the hub holds; equal fingerprints mean an unchanged hub. Call with the store closed.</summary>
    string Fingerprint();
}
