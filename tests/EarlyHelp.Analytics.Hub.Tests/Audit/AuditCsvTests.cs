using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Audit;

/// <summary>The export keeps every value exactly, shows none to a spreadsheet as a formula, and can be verified with the key.</summary>
public sealed class AuditCsvTests : HubStoreTests<SqliteHubFixture>
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    // A leading =, +, - or @ would run as a formula in a spreadsheet (OWASP, CSV injection): the value is written as its
    // JSON string, "=HYPERLINK(\"x\")", which begins with a double quote; CSV quoting then doubles every quote.
    [InlineData("=HYPERLINK(\"x\")", "\"\"\"=HYPERLINK(\\\"\"x\\\"\")\"\"\"")]
    [InlineData("@SUM(1)", "\"\"\"@SUM(1)\"\"\"")]
    [InlineData("-1", "\"\"\"-1\"\"\"")]
    // A tab is escaped by JSON too, so the cell holds no raw tab either.
    [InlineData("\t=1", "\"\"\"\\t=1\"\"\"")]
    // A value that itself begins with a quote is written the same way, so reading back is unambiguous.
    [InlineData("\"quoted\" start", "\"\"\"\\\"\"quoted\\\"\" start\"\"\"")]
    public void Field_Value_QuotedAndDefusedAsNeeded(string value, string expected) => Assert.Equal(expected, AuditCsv.Field(value));

    [Theory]
    [InlineData("plain")]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("\"quoted\" start")]
    [InlineData("+44 117 000 0000")]
    [InlineData("\t@cmd")]
    public void Value_DefusedField_GivesTheValueBack(string value)
    {
        // The CSV layer's quoting is undone by the reader; Value undoes the defusing.
        var field = AuditCsv.Field(value);
        var unquoted = field.StartsWith('"') ? field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : field;

        Assert.Equal(value, AuditCsv.Value(unquoted));
    }

    [Fact]
    public void VerifyExport_ExportOfTheLogWithFormulaLikeValues_ChecksOut()
    {
        using var store = Hub.Open();
        store.AuditLog.Append("=cmd|' /C calc'!A0", "sign_in.failure", "account", "@SUM(1+1)");
        store.AuditLog.Append("ig.reviewer", "audit_log.export", "-audit log", "\"2 entries\", newest first");
        store.AuditLog.Append("a.practitioner", "prompt.view", "P-0000-0001", "line one\r\nline two, with a comma");
        var file = Path.Combine(Hub.Scratch, "export.csv");
        File.WriteAllText(file, AuditCsv.Write(store.AuditLog.Entries()));

        var exported = AuditCsv.Read(file);
        var result = store.AuditLog.VerifyExport(exported);

        Assert.Equal(store.AuditLog.Entries(), exported);
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(3, result.Entries);
    }

    [Fact]
    public void VerifyExport_ValueChangedInTheFile_NamesTheEntry()
    {
        using var store = Hub.Open();
        store.AuditLog.Append("a.practitioner", "prompt.view", "P-0000-0001", "queue");
        store.AuditLog.Append("a.practitioner", "prompt.view", "P-0000-0002", "queue");
        var file = Path.Combine(Hub.Scratch, "export.csv");
        File.WriteAllText(file, AuditCsv.Write(store.AuditLog.Entries()).Replace("P-0000-0002", "P-0000-0009", StringComparison.Ordinal));

        var result = store.AuditLog.VerifyExport(AuditCsv.Read(file));

        Assert.Equal(new AuditVerification(1, 2, "its hash does not match its contents"), result);
    }

    [Fact]
    public void VerifyExport_EntryLeftOutBetweenTwoOthers_IsFineForAFilteredExportButALinkCannotBeForged()
    {
        using var store = Hub.Open();
        foreach (var subject in new[] { "P-0000-0001", "P-0000-0002", "P-0000-0003" })
            store.AuditLog.Append("a.practitioner", "prompt.view", subject, "queue");
        var entries = store.AuditLog.Entries();

        // A filtered export skips entry 2: entries 1 and 3 are each still shown to be unchanged.
        Assert.True(store.AuditLog.VerifyExport([entries[0], entries[2]]).IsIntact);
        // Renumbering entry 3 as 2 to hide the gap breaks its MAC.
        Assert.Equal(2, store.AuditLog.VerifyExport([entries[0], entries[2] with { Id = 2 }]).FirstBrokenId);
    }
}
