namespace EarlyHelp.Analytics.Web;

/// <summary>A problem with a form, and the id of the field it is about (null for the form as a whole), for GOV.UK's error pattern.</summary>
/// <param name="Message">What is wrong and how to put it right.</param>
/// <param name="Field">The id of the input the summary links to and the message sits by, or null.</param>
public sealed record FieldProblem(string Message, string? Field)
{
    /// <summary>The page title with "Error: " in front when there is a problem, as GOV.UK's pattern asks.</summary>
    public static string Title(string title, IReadOnlyCollection<FieldProblem> problems) => problems.Count == 0 ? title : $"Error: {title}";
}
