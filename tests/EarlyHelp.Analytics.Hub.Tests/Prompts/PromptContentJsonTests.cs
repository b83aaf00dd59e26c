using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Prompts;

namespace EarlyHelp.Analytics.Hub.Tests.Prompts;

public sealed class PromptContentJsonTests
{
    private static readonly PromptContent Content = new(
        [new(ProblemCategory.DomesticAbuse, "2 call-outs", 0.5, new DateOnly(2024, 2, 12)), new(ProblemCategory.Health, "GP registered", -0.25, null)],
        [new(ProblemCategory.Health, new YearMonth(2023, 12), [0, 2, 1])],
        [new("Police", "Domestic abuse incident", new DateOnly(2023, 6, 1))],
        [new("NHS", "A&E attendance", null, new DateOnly(2024, 3, 1))]);

    [Fact]
    public void Write_SmallContent_MatchesTheDocumentedFormat()
    {
        // Format 1, written out by hand: snake_case names, ISO dates, categories by hub code, no family id anywhere.
        const string expected = """
            {"format":1,"evidence":[{"category":"domestic_abuse","text":"2 call-outs","contribution":0.5,"most_recent":"2024-02-12"},{"category":"health","text":"GP registered","contribution":-0.25,"most_recent":null}],"trajectories":[{"category":"health","first_month":"2023-12","counts":[0,2,1]}],"agencies":[{"agency":"Police","dataset":"Domestic abuse incident","since":"2023-06-01"}],"freshness":[{"agency":"NHS","dataset":"A\u0026E attendance","latest_record":null,"extract_date":"2024-03-01"}]}
            """;

        Assert.Equal(expected, PromptContentJson.Write(Content));
    }

    [Fact]
    public void Read_WrittenContent_RoundTrips()
    {
        var read = PromptContentJson.Read(PromptContentJson.Write(Content));

        Assert.Equal(Content.Evidence, read.Evidence);
        Assert.Equal([0, 2, 1], read.Trajectories[0].MonthlyCounts);
        Assert.Equal(Content.Agencies, read.Agencies);
        Assert.Equal(Content.Freshness, read.Freshness);
    }

    [Fact]
    public void Write_FamilyWideFact_StoresANullCategoryAndReadsItBack()
    {
        var content = new PromptContent([new(null, "2 dependent children", 0.1, null)], [], [], []);

        var text = PromptContentJson.Write(content);

        Assert.Contains("""{"category":null,"text":"2 dependent children","contribution":0.1,"most_recent":null}""", text, StringComparison.Ordinal);
        Assert.Equal(content.Evidence, PromptContentJson.Read(text).Evidence);
    }

    [Fact]
    public void Read_UnknownFormat_Throws()
    {
        var error = Assert.Throws<FormatException>(() => PromptContentJson.Read("""{"format":2}"""));

        Assert.Equal("Prompt content has format 2; this program reads format 1.", error.Message);
    }
}
