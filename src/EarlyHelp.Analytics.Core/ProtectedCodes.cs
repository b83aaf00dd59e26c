namespace EarlyHelp.Analytics.Core;

/// <summary>Codes used for protected characteristics in the hub and in fairness reports.</summary>
public static class ProtectedCodes
{
    /// <summary>Sex codes.</summary>
    public static IReadOnlyList<string> Sexes { get; } = ["F", "M"];

    /// <summary>Ethnic group codes, in the order of the 2021 Census high-level groups (White split British/Other).</summary>
    public static IReadOnlyList<string> Ethnicities { get; } = ["white_british", "white_other", "mixed", "asian", "black", "other"];

    /// <summary>Disability codes: <c>Y</c> disabled under the Equality Act, <c>N</c> not.</summary>
    public static IReadOnlyList<string> Disabilities { get; } = ["Y", "N"];

    /// <summary>Tenure codes of a household.</summary>
    public static IReadOnlyList<string> Tenures { get; } = ["owner", "private_rent", "social_rent"];
}
