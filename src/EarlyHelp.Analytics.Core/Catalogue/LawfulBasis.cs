namespace EarlyHelp.Analytics.Core.Catalogue;

/// <summary>
/// The UK GDPR conditions a dataset is shared and processed under, as the data-sharing agreement states them.
/// </summary>
/// <param name="Article6">The Article 6 basis, e.g. "6(1)(e) public task".</param>
/// <param name="Article9">The Article 9 condition for special category data (health); null when the data holds none.</param>
/// <param name="Article10">The condition for criminal offence data (Article 10); null when the data holds none.</param>
public sealed record LawfulBasis(string Article6, string? Article9, string? Article10)
{
    /// <summary>The conditions in one line, for the model card and <c>hub stats</c>.</summary>
    public override string ToString() =>
        string.Join("; ", new[] { $"Article {Article6}", Article9 is null ? null : $"Article {Article9}", Article10 is null ? null : $"Article 10: {Article10}" }.OfType<string>());
}
