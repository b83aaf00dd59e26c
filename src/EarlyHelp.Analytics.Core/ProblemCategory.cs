namespace EarlyHelp.Analytics.Core;

/// <summary>The six headline problems of the Supporting Families framework, plus statutory care for outcomes.</summary>
public enum ProblemCategory
{
    /// <summary>Crime and anti-social behaviour (<c>crime_asb</c>).</summary>
    CrimeAsb,

    /// <summary>School attendance, suspension, exclusion and NEET (<c>education</c>).</summary>
    Education,

    /// <summary>Children who need help: contacts, referrals, missing episodes, early help (<c>children_need_help</c>).</summary>
    ChildrenNeedHelp,

    /// <summary>Worklessness, debt and housing insecurity (<c>worklessness_finance</c>).</summary>
    WorklessnessFinance,

    /// <summary>Domestic abuse (<c>domestic_abuse</c>).</summary>
    DomesticAbuse,

    /// <summary>Physical and mental health, including substance misuse (<c>health</c>).</summary>
    Health,

    /// <summary>Statutory children's social care: the outcome, never a headline problem (<c>statutory_care</c>).</summary>
    StatutoryCare,
}

/// <summary>Codes and plain names of <see cref="ProblemCategory"/> values.</summary>
public static class ProblemCategories
{
    /// <summary>The six headline problems, in their fixed display order.</summary>
    public static IReadOnlyList<ProblemCategory> Headline { get; } =
    [
        ProblemCategory.CrimeAsb, ProblemCategory.Education, ProblemCategory.ChildrenNeedHelp,
        ProblemCategory.WorklessnessFinance, ProblemCategory.DomesticAbuse, ProblemCategory.Health,
    ];

    /// <summary>The hub code, e.g. <c>crime_asb</c>.</summary>
    public static string Code(this ProblemCategory category) => category switch
    {
        ProblemCategory.CrimeAsb => "crime_asb",
        ProblemCategory.Education => "education",
        ProblemCategory.ChildrenNeedHelp => "children_need_help",
        ProblemCategory.WorklessnessFinance => "worklessness_finance",
        ProblemCategory.DomesticAbuse => "domestic_abuse",
        ProblemCategory.Health => "health",
        ProblemCategory.StatutoryCare => "statutory_care",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown problem category."),
    };

    /// <summary>A plain-language name for prompts and reports.</summary>
    public static string PlainName(this ProblemCategory category) => category switch
    {
        ProblemCategory.CrimeAsb => "Crime and anti-social behaviour",
        ProblemCategory.Education => "Education",
        ProblemCategory.ChildrenNeedHelp => "Children who need help",
        ProblemCategory.WorklessnessFinance => "Worklessness and money",
        ProblemCategory.DomesticAbuse => "Domestic abuse",
        ProblemCategory.Health => "Health",
        ProblemCategory.StatutoryCare => "Statutory social care",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown problem category."),
    };

    /// <summary>Reads a hub code; returns false when the code is not a category.</summary>
    public static bool TryParse(string? code, out ProblemCategory category)
    {
        foreach (var candidate in Enum.GetValues<ProblemCategory>())
        {
            if (candidate.Code() == code)
            {
                category = candidate;
                return true;
            }
        }
        category = default;
        return false;
    }
}
