using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Admin;

/// <summary>An administrator finds a person by name and date of birth, opens them, adds and withdraws an opt-out and downloads their export, all audited with the purpose.</summary>
public sealed class PeopleTests(PanelSite site) : IClassFixture<PanelSite>
{
    private const string Purpose = "subject access request 2026-7";

    [Fact]
    public async Task Rights_FromASearch_OptOutWithdrawAndExportWithoutTypingAnId()
    {
        var admin = await site.ClientForRoleAsync("admin");

        // Jon Smith's police record (person 9003) agrees on every field asked; John Smith's claim (person 9004) differs in the forename.
        using var found = await admin.PostFormAsync("/people/find", "/people",
            ("Forename", "Jon"), ("Surname", "Smith"), ("BirthDate", "1990-01-10"), ("Postcode", "BS2 0JA"), ("Purpose", Purpose));
        var candidates = await found.Content.ReadAsStringAsync();
        Assert.True(candidates.IndexOf("<td>9003</td>", StringComparison.Ordinal) is > 0 and var first
            && first < candidates.IndexOf("<td>9004</td>", StringComparison.Ordinal), "Person 9003 should be ranked above person 9004.");

        using var opened = await admin.PostFormAsync("/people/open", "/people", ("Person", "9003"), ("Purpose", Purpose));
        Assert.Contains("<td>ASB-9003</td>", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var added = await admin.PostFormAsync("/people/optout", "/people", ("Person", "9003"), ("Purpose", Purpose), ("Reason", "objected to profiling (UK GDPR article 21)"));
        var afterAdd = await added.Content.ReadAsStringAsync();
        Assert.Contains("The person is on the opt-out register.", afterAdd, StringComparison.Ordinal);
        Assert.Contains("recorded by an.administrator: objected to profiling (UK GDPR article 21)", afterAdd, StringComparison.Ordinal);
        using var export = await admin.PostFormAsync("/people/subjectaccess", "/people", ("Person", "9003"), ("Purpose", Purpose), ("Format", "json"));
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        var json = await export.Content.ReadAsStringAsync();
        Assert.Contains("\"record_ref\": \"ASB-9003\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("CLM-9004", json, StringComparison.Ordinal);
        using var withdrawn = await admin.PostFormAsync("/people/withdraw", "/people", ("Person", "9003"), ("Purpose", Purpose), ("Reason", "withdrawn in writing"));
        Assert.Contains("The entry is withdrawn.", await withdrawn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var store = site.OpenHub();
        var entries = store.AuditLog.Entries().Where(e => e.Actor == "an.administrator").Select(e => (e.Action, e.Subject)).ToArray();
        Assert.Equal(
        [
            ("person.find", "search"), ("person.view", "person 9003"), ("opt_out.add", "person 9003"), ("person.view", "person 9003"),
            ("subject_access.export", "person 9003"), ("opt_out.withdraw", "person 9003"), ("person.view", "person 9003"),
        ], entries.Where(e => e.Action is not ("sign_in.success" or "prompt.hide")).ToArray());
        Assert.All(store.AuditLog.Entries().Where(e => e.Action is "person.find" or "person.view" or "subject_access.export"),
            e => Assert.StartsWith($"purpose: {Purpose};", e.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Find_WithoutPurposeOrDate_RefusedWithEachProblemAndNothingAudited()
    {
        var admin = await site.ClientForRoleAsync("admin");
        var searches = Searches();

        using var response = await admin.PostFormAsync("/people/find", "/people", ("Forename", "Jon"), ("Surname", "Smith"), ("BirthDate", "10/01/1990"), ("Purpose", " "));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter the date of birth as YYYY-MM-DD, for example 1985-04-12.", page, StringComparison.Ordinal);
        Assert.Contains("Give the purpose of the search, for example &quot;subject access request 2026-114&quot;.", page, StringComparison.Ordinal);
        Assert.Equal(searches, Searches());
    }

    // The site is shared by the class's tests: count the searches rather than expect none.
    private int Searches()
    {
        using var store = site.OpenHub();
        return store.AuditLog.Entries().Count(e => e.Action == "person.find");
    }
}
