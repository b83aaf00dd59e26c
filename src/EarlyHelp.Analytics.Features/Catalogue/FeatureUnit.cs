namespace EarlyHelp.Analytics.Features.Catalogue;

/// <summary>The unit of a feature's value, which also decides how a value is written in a description.</summary>
public enum FeatureUnit
{
    /// <summary>A number of people.</summary>
    People,

    /// <summary>Whole years of age.</summary>
    Years,

    /// <summary>1 for yes, 0 for no.</summary>
    Flag,

    /// <summary>A number of agency records.</summary>
    Records,

    /// <summary>A change in the monthly number of records per month (a trend).</summary>
    RecordsPerMonth,

    /// <summary>Whole months.</summary>
    Months,

    /// <summary>A number of headline problems (0–6).</summary>
    Problems,

    /// <summary>A number of agencies.</summary>
    Agencies,

    /// <summary>A number of moves of address.</summary>
    Moves,
}
