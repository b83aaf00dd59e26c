namespace EarlyHelp.Analytics.Core.Tests.Catalogue;

/// <summary>
/// The smallest catalogue the reader accepts, line by line, so that a test can break one line and know by counting
/// which line and column the fault must name. Line numbers below count from 1.
/// </summary>
internal static class MinimalCatalogue
{
    /// <summary>The catalogue's lines; line 12 starts the datasets list; each dataset takes eleven lines.</summary>
    public static readonly string[] Lines =
    [
        "version: 1",                                                   // 1
        "systems:",                                                     // 2
        "  case:",                                                      // 3
        "    agency: Children's services",                              // 4
        "    date_format: yyyy-MM-dd",                                  // 5
        "    record_column: ref",                                       // 6
        "    person_column: person",                                    // 7
        "    identity: { forename: fn, surname: sn, birth_date: dob, postcode: pc }", // 8
        "    information_asset_owner: Director of Children's Services", // 9
        "    sharing_agreement: internal",                              // 10
        "datasets:",                                                    // 11
        .. Dataset("earlyhelp.assessment", "children_need_help", "service", "eh.csv"),   // 12-22
        .. Dataset("csc.cin_plan", "statutory_care", "outcome", "cin.csv"),             // 23-33
        .. Dataset("csc.cp_plan", "statutory_care", "outcome", "cp.csv"),               // 34-44
        .. Dataset("csc.looked_after", "statutory_care", "outcome", "lac.csv"),         // 45-55
    ];

    /// <summary>The catalogue as one text.</summary>
    public static string Text => string.Join('\n', Lines) + "\n";

    /// <summary>The catalogue with line <paramref name="line"/> (from 1) replaced.</summary>
    public static string WithLine(int line, string replacement) =>
        string.Join('\n', Lines.Select((text, index) => index == line - 1 ? replacement : text)) + "\n";

    /// <summary>The catalogue with <paramref name="extra"/> lines inserted before line <paramref name="line"/> (from 1).</summary>
    public static string Inserting(int line, params string[] extra) =>
        string.Join('\n', Lines.Take(line - 1).Concat(extra).Concat(Lines.Skip(line - 1))) + "\n";

    /// <summary>The eleven lines of one dataset entry.</summary>
    public static string[] Dataset(string code, string category, string kind, string file) =>
    [
        $"  - code: {code}",
        $"    name: {code} record",
        "    system: case",
        $"    category: {category}",
        $"    kind: {kind}",
        $"    file: {file}",
        "    start_date: start",
        "    retention_months: 72",
        "    refresh: full_refresh",
        "    coverage: every child in the area",
        "    lawful_basis: { article_6: 6(1)(e) public task }",
    ];
}
