using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Identity;
using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Output;

/// <summary>
/// The fictitious staff of the case-managed services whose extracts name the allocated worker or team
/// (<see cref="ExtractLayout.Contact"/>): per dataset a few teams of a few workers, drawn from the seed. A family line
/// keeps its worker within a service, as a case stays with its allocated worker; about one record in twelve is
/// unallocated (a team and no worker), as case systems show while a case waits. Phone numbers are from Ofcom's range
/// kept for drama (0113 496 0000 to 0999), addresses under <c>example.org</c> (RFC 2606): none reaches anyone.
/// </summary>
internal sealed class StaffDirectory
{
    private const int TeamsPerService = 4;
    private const int WorkersPerTeam = 6;
    private const int UnallocatedOneIn = 12;

    private static readonly string[] Areas = ["North", "South", "East", "West"];
    private static readonly string[] Forenames = [.. NameLists.WhiteBritishFemale, .. NameLists.AsianMale, .. NameLists.BlackFemale, .. NameLists.WhiteOtherMale];
    private static readonly string[] Surnames = [.. NameLists.WhiteBritishSurnames, .. NameLists.AsianSurnames, .. NameLists.BlackSurnames];

    private readonly long seed;

    /// <summary>The directory of a city generated with <paramref name="seed"/>.</summary>
    public StaffDirectory(long seed) => this.seed = seed;

    /// <summary>Writes the contact fields <paramref name="columns"/> declares for a record of dataset number <paramref name="dataset"/> of lineage <paramref name="lineage"/>.</summary>
    public void Write(CsvBuffer row, ContactColumns columns, int dataset, int lineage)
    {
        var code = DatasetCatalogue.All[dataset].Code;
        var draw = SeedSequence.Mix(SeedSequence.Derive(seed, dataset, RandomPurpose.Staff) ^ (ulong)lineage);
        var team = (int)(draw % TeamsPerService);
        var member = (int)(draw / TeamsPerService % WorkersPerTeam);
        var allocated = draw / (TeamsPerService * WorkersPerTeam) % UnallocatedOneIn != 0;
        var (forename, surname) = Worker(dataset, team, member);
        var teamName = $"{TeamWord(code)} {Areas[team]}";
        if (columns.Worker is not null)
            row.Optional(allocated ? $"{forename} {surname}" : null);
        if (columns.Role is not null)
            row.Optional(allocated ? RoleOf(code) : null);
        if (columns.Team is not null)
            row.Field(teamName);
        if (columns.Phone is not null)
            row.Field(Phone(dataset, team, allocated ? member + 1 : 0));
        if (columns.Email is not null)
            row.Field($"{(allocated ? Mailbox($"{forename} {surname}") : Mailbox(teamName))}@{Domain(code)}");
    }

    private (string Forename, string Surname) Worker(int dataset, int team, int member)
    {
        var draw = SeedSequence.Mix(SeedSequence.Derive(seed, 1_000 + dataset * 64 + team * 8 + member, RandomPurpose.Staff));
        return (Forenames[(int)(draw % (ulong)Forenames.Length)], Surnames[(int)(draw / (ulong)Forenames.Length % (ulong)Surnames.Length)]);
    }

    // One drama number per service, team and worker (0 for the team's duty line): 28 datasets × 4 teams × 7 lines fit in 0000-0999.
    private static string Phone(int dataset, int team, int line) =>
        $"0113 496 {(dataset * TeamsPerService * (WorkersPerTeam + 1) + team * (WorkersPerTeam + 1) + line) % 1000:0000}";

    private static string TeamWord(string code) => code switch
    {
        DatasetCatalogue.EarlyHelpEpisode => "Early help locality team",
        "yjs.youth_offending" => "Youth justice team",
        "housing.asb_case" => "Neighbourhood team",
        "careers.neet" => "Careers team",
        "idva.referral" => "IDVA service",
        "health.camhs_referral" => "CAMHS",
        "health.adult_mental_health" => "Community mental health team",
        "health.substance_misuse" => "Drug and alcohol service",
        "csc.referral" => "Front door",
        _ => "Children's social work team",
    };

    private static string RoleOf(string code) => code switch
    {
        DatasetCatalogue.EarlyHelpEpisode => "Family support worker",
        "health.camhs_referral" => "Mental health practitioner",
        "health.adult_mental_health" => "Care coordinator",
        "health.substance_misuse" => "Recovery worker",
        _ => "Social worker",
    };

    // "Mary O'Neil" -> "mary.oneil", "Early help locality team North" -> "early.help.locality.team.north".
    private static string Mailbox(string name) =>
        string.Join('.', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => string.Concat(word.Where(char.IsAsciiLetterLower))));

    private static string Domain(string code) => code.StartsWith("health.", StringComparison.Ordinal) ? "nhs.example.org" : "council.example.org";
}
