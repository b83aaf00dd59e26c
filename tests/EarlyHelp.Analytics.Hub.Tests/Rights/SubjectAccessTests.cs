using System.Text.Json;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Rights;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Hub.Tests.Prompts;

namespace EarlyHelp.Analytics.Hub.Tests.Rights;

/// <summary>The subject access export of a hand-linked person holds exactly their data and the accesses to it, and no one else's.</summary>
public abstract class SubjectAccessTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    [StoreFact]
    public void Export_HandLinkedPerson_HoldsExactlyTheirRecordsFamilyPromptsAndAccesses()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester", linker: HandLinkedCity.Linker);
        var sarah = new PersonId(store.ReadRecordPeople().Single(r => r.RecordRef == "ASB-1").PersonId);
        var linda = new PersonId(store.ReadRecordPeople().Single(r => r.RecordRef == "OCC-3/occupant").PersonId);
        var memberships = store.OpenReader().FamilyMemberships().ToArray();
        var joneses = memberships.First(m => m.Person == sarah).Family;
        var patels = memberships.First(m => m.Person == linda).Family;
        var run = store.Prompts.SaveRun(PanelFamilies.Submission() with
        {
            AsOf = new DateOnly(2024, 3, 1),
            Prompts = [new(joneses, 0.6, PanelFamilies.Content("Jones family fact")), new(patels, 0.3, PanelFamilies.Content("Patel family fact"))],
        });
        var queue = store.Prompts.Queue(run.Id, new QueueFilter());
        var (theirs, others) = (queue[0].Reference, queue[1].Reference);
        store.Prompts.Review(new ReviewSubmission(theirs, ReviewOutcome.NoActionNeeded, "Known to the school; no concern", "a.practitioner", null));
        // A search's entry as PersonSearch writes it (hand linkage stores no model to search with); the second person it showed is Linda.
        store.AuditLog.Append("ig.officer", PersonSearch.Action, "search", $"purpose: subject access request 2026-114; 2 candidates shown: person {sarah}, person {linda}");
        store.AuditLog.Append("ig.officer", PersonSearch.Action, "search", $"purpose: another request; 1 candidates shown: person {linda}");
        store.Prompts.Reidentify(theirs, "arranging a visit", "a.practitioner");
        store.Prompts.Reidentify(others, "arranging another visit", "a.practitioner");

        var report = store.SubjectAccess.Export(sarah, "subject access request 2026-114", "ig.officer");

        Assert.Equal(
            [("council_tax_occupants", "OCC-1/occupant"), ("csc_child_carers", "CCC-1/carer"), ("csc_child_carers", "CCC-3/carer"),
                ("dwp.out_of_work_benefit", "CLM-1"), ("health_visitor_births", "HVB-1/mother"), ("police.asb_incident", "ASB-1")],
            report.Records.Select(r => (r.Dataset, r.RecordRef)));
        Assert.All(report.Records, r => Assert.Equal(("Sarah", "Jones"), (r.Forename, r.Surname)));
        Assert.Equal([("dwp.out_of_work_benefit", "2022-01-10"), ("police.asb_incident", "2023-06-15")], report.Events.Select(e => (e.Dataset, e.Start)));
        Assert.Equal([(joneses.Value, "parent")], report.Families.Select(f => (f.Family, f.Role)));
        Assert.Equal(["12 Acacia Road"], report.Residences.Select(r => r.Address));
        var prompt = Assert.Single(report.Prompts);
        Assert.Equal(theirs.Value, prompt.Reference);
        Assert.Equal(["no_action_needed"], prompt.Reviews.Select(r => r.Outcome));
        // The review of their family's prompt, the search that showed her, the re-identification of their prompt; not the
        // search that showed only Linda, nor the other family's re-identification.
        Assert.Equal([("review.add", null), ("person.find", "subject access request 2026-114"), ("prompt.reidentify", "arranging a visit")],
            report.Accesses.Select(a => (a.Action, (string?)a.Purpose)));
        // Nothing of her husband, children or neighbours: names, their agency references, the other family's prompt.
        var json = JsonSerializer.Serialize(report);
        foreach (var other in new[] { "David", "Emily", "Jack", "Linda", "Ravi", "Tom", "LCS0000000002", "LCS0000000001", others.Value, "Jones family fact" })
            Assert.DoesNotContain(other, json, StringComparison.Ordinal);
        var entry = store.AuditLog.Entries()[^1];
        Assert.Equal(("ig.officer", "subject_access.export", $"person {sarah}"), (entry.Actor, entry.Action, entry.Subject));
    }

    [StoreFact]
    public void Write_Report_WritesJsonAndReadableHtml()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester", linker: HandLinkedCity.Linker);
        var arthur = new PersonId(store.ReadRecordPeople().Single(r => r.RecordRef == "OCC-6/occupant").PersonId);
        var report = store.SubjectAccess.Export(arthur, "subject access request 2026-120", "ig.officer");

        var (json, html) = SubjectAccessFiles.Write(report, Path.Combine(Hub.Scratch, "sar"));

        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("OCC-6/occupant", document.RootElement.GetProperty("records")[0].GetProperty("record_ref").GetString());
        var page = File.ReadAllText(html);
        Assert.Contains("<td>Arthur</td><td>Green</td><td>1950-03-07</td>", page, StringComparison.Ordinal);
        Assert.Contains("<h2>Prompts for professional review about a family of yours (not decisions)</h2><p>None.</p>", page, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Export_UnknownPerson_IsRefused()
    {
        using var store = Hub.Open();

        var error = Assert.Throws<BadInputException>(() => store.SubjectAccess.Export(new PersonId(99), "test", "ig.officer"));

        Assert.Equal("person 99: the hub holds no such person", error.Message);
    }
}

public sealed class SqliteSubjectAccessTests : SubjectAccessTests<SqliteHubFixture>;

public sealed class PostgresSubjectAccessTests : SubjectAccessTests<PostgresHubFixture>;
