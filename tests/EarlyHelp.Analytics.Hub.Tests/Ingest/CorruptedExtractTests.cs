using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using FsCheck;
using FsCheck.Fluent;

namespace EarlyHelp.Analytics.Hub.Tests.Ingest;

/// <summary>
/// A randomly corrupted copy of a valid extract folder either loads exactly the rows of the clean folder
/// or is refused with <c>file:line:column: reason</c> pointing into the corrupted file or its manifest
/// entry — and a refused load leaves the hub exactly as it was.
/// </summary>
public abstract partial class CorruptedExtractTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    private static readonly byte[] Noise = ",\"\n\r xZ07-/.;"u8.ToArray().Concat(new byte[] { 0x00, 0xC3 }).ToArray();
    public enum Damage
    {
        Replace,
        Insert,
        Delete,
        Truncate,
        DuplicateLine,
    }

    /// <summary>One corruption: which file, where (scaled to the file's length), what, and with which byte.</summary>
    public sealed record Corruption(int File, int Position, Damage Damage, byte Byte);

    [StoreFact]
    public void Run_RandomlyCorruptedFolder_LoadsTheCleanRowsOrIsRefusedLeavingHubUnchanged()
    {
        var clean = SmallCity.WriteTo(Hub.Scratch);
        var earlier = new ExtractBuilder(new DateOnly(2024, 2, 29)).Address(SmallCity.Acacia, "12 Acacia Road", "BS1 6QE", imdDecile: 1)
            .Occupant("OCC-1", SmallCity.Sarah, SmallCity.Acacia, new(2015, 1, 1))
            .Event("police.asb_incident", "ASB-0", SmallCity.Sarah.In("PN0000000001"), new(2023, 3, 1)).WriteTo(Hub.Scratch);
        var files = Directory.GetFiles(clean.Path, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var expected = LoadInto(earlier, clean);
        var corruptions = Gen.Choose(0, files.Length - 1).SelectMany(file => Gen.Choose(0, 1_000_000).SelectMany(position =>
            Gen.Elements(Enum.GetValues<Damage>()).SelectMany(damage => Gen.Elements(Noise).Select(noise =>
                new Corruption(file, position, damage, noise)))));

        var property = Prop.ForAll(corruptions.ToArbitrary(), corruption =>
        {
            var corrupted = clean.CopyTo(Hub.Scratch);
            var name = files[corruption.File]!;
            Corrupt(corrupted.File(name), corruption);
            Hub.Delete();
            using (var store = Hub.Open())
                ExtractIngest.Run(store, earlier.Path, "tester");
            var before = Hub.Fingerprint();

            try
            {
                using (var store = Hub.Open())
                {
                    ExtractIngest.Run(store, corrupted.Path, "tester");
                    HubContents.Of(store).AssertSameAs(expected);
                }
            }
            catch (BadInputException error)
            {
                AssertPointsInto(error, corrupted, name);
                Assert.Equal(before, Hub.Fingerprint());
            }
            Directory.Delete(corrupted.Path, recursive: true);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(120), property);
    }

    private HubContents LoadInto(ExtractFolder earlier, ExtractFolder clean)
    {
        Hub.Delete();
        using var store = Hub.Open();
        ExtractIngest.Run(store, earlier.Path, "tester");
        ExtractIngest.Run(store, clean.Path, "tester");
        return HubContents.Of(store);
    }

    private static void Corrupt(string path, Corruption corruption)
    {
        var bytes = File.ReadAllBytes(path).ToList();
        var at = corruption.Position % bytes.Count;
        switch (corruption.Damage)
        {
            case Damage.Replace:
                bytes[at] = corruption.Byte;
                break;
            case Damage.Insert:
                bytes.Insert(at, corruption.Byte);
                break;
            case Damage.Delete:
                bytes.RemoveAt(at);
                break;
            case Damage.Truncate:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case Damage.DuplicateLine:
                var start = bytes.LastIndexOf((byte)'\n', Math.Max(0, at - 1)) + 1;
                var end = bytes.IndexOf((byte)'\n', at);
                bytes.InsertRange(start, bytes.GetRange(start, (end < 0 ? bytes.Count : end + 1) - start));
                break;
        }
        File.WriteAllBytes(path, [.. bytes]);
    }

    /// <summary>The message is <c>file:line:column: reason</c>, about the corrupted file or the manifest, at a line that exists.</summary>
    private static void AssertPointsInto(BadInputException error, ExtractFolder folder, string corruptedFile)
    {
        var match = Location().Match(error.Message);
        Assert.True(match.Success, $"Not of the form file:line:column: reason — {error.Message}");
        var file = match.Groups["file"].Value;
        Assert.Contains(file, new[] { folder.File(corruptedFile), folder.Manifest });
        var text = File.ReadAllText(file);
        var lines = text.Count(c => c == '\n') + text.Count(c => c == '\r') + 1;
        Assert.InRange(int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), 1, lines);
        Assert.True(int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, error.Message);
    }

    [GeneratedRegex(@"^(?<file>[^:]+):(?<line>\d+):(?<column>\d+): .+$", RegexOptions.Singleline)]
    private static partial Regex Location();
}

public sealed class SqliteCorruptedExtractTests : CorruptedExtractTests<SqliteHubFixture>;

public sealed class PostgresCorruptedExtractTests : CorruptedExtractTests<PostgresHubFixture>;
